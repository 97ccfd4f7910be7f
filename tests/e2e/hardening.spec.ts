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
