// The portal's edges, over HTTP against the built app: malformed input is a 4xx (never a 5xx), a
// sign-in never sends the browser to another site, every page carries the security headers, and
// signing out by Auth.js's own endpoint voids a copied session cookie.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoAccountOf } from "../factories/demo-accounts";
import { login } from "./fixtures";

test("malformed requests answer 4xx, never 5xx", async ({ request }) => {
  const urls = [
    "/items/%00",
    "/items?q=%00",
    "/items?q=a&q=b",
    "/items/%E9%A3",
    "/files/%00",
    "/progress?number=%00",
    "/verify/%00",
    "/api/verify/%00",
    "/office/supervision?number=a&number=b",
    "/office/window/walk-in?q=1&q=2",
    "/login?callbackUrl=%0A",
  ];
  for (const url of urls) {
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBeLessThan(500);
  }
  for (const body of [{ data: "not a form" }, { headers: { "content-type": "multipart/form-data; boundary=x" }, data: "--x\r\nContent-Disposition: form-data; name=" }]) {
    const res = await request.post("/api/uploads", { ...body, maxRedirects: 0 });
    expect(res.status()).toBeLessThan(500);
  }
});

test("a server action posted from another site is refused with 403", async ({ request }) => {
  const res = await request.post("/login", { headers: { "next-action": "0".repeat(40), origin: "https://evil.example" }, data: "[]", maxRedirects: 0 });
  expect(res.status()).toBe(403);
});

test("every page says: never framed, no sniffing, only this site's content", async ({ request }) => {
  for (const url of ["/", "/login", "/items", "/verify"]) {
    const h = (await request.get(url)).headers();
    expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(h["x-frame-options"], url).toBe("DENY");
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  }
});

test("scripts run only with the response's own nonce: the page works, a new nonce each time, an injected inline script does not run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  const first = await page.goto("/login");
  const csp = first!.headers()["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toContain("unsafe-eval");
  // Next's own scripts carry it (the browser hides the attribute's value from the DOM, not its presence).
  expect(await page.locator("script[nonce]").count()).toBeGreaterThan(0);
  // Next's scripts ran (they set window.next when the page hydrates).
  await page.waitForFunction(() => "next" in window);
  const second = await page.goto("/login");
  expect(/'nonce-([^']+)'/.exec(second!.headers()["content-security-policy"])?.[1]).not.toBe(nonce);
  expect(violations).toEqual([]);
  // A script injected into the page's HTML without the nonce (what an XSS would do) does not run.
  await page.route("**/login", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</body>", "<script>window.injected = true</script></body>");
    await route.fulfill({ response, body });
  });
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  await page.unroute("**/login");
});

test("a callbackUrl with a tab (which browsers drop) cannot send the signed-in user to another site", async ({ page }) => {
  await page.goto("/login?callbackUrl=%2F%09%2Fevil.example%2F");
  await page.getByLabel(/账号|Account/).first().fill(demoAccountOf("CLERK").loginId);
  await page.getByLabel(/^(密码|Password)$/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /^(登录|Sign in)$/ }).last().click();
  await page.waitForURL((url) => url.pathname !== "/login");
  expect(new URL(page.url()).hostname).toBe("localhost");
});

test("signing out through POST /api/auth/signout voids a copied session cookie", async ({ page, browser }) => {
  await login(page, "APPLICANT");
  const copied = await page.context().cookies();
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  const other = await browser.newContext();
  await other.addCookies(copied);
  const visit = await other.newPage();
  await visit.goto("/my");
  await expect(visit).toHaveURL(/\/login/);
  await other.close();
});
