// The open API in the browser: the administrator issues a department's key with one scope, sees it
// once (never again after a reload), the key reads the department's events and nothing outside its
// scope, and revoking it refuses it at once (401). An applicant makes and revokes their own status
// token. The reference page (/developers) and the Swagger UI console (/api/docs) load the document
// with every request answered by the portal itself — anything else is blocked and fails the test.
import { expect, test, type Page } from "@playwright/test";
import { axeViolations, expectNoAxeViolations, login } from "./fixtures";

test.describe.configure({ timeout: 180_000 });

/** Fails the test on any request that leaves the portal (a CDN, the online validator, fonts…). */
async function offline(page: Page): Promise<string[]> {
  const outside: string[] = [];
  const own = new URL(test.info().project.use.baseURL ?? "http://localhost:3000").origin;
  await page.route(
    (url) => url.origin !== own && url.protocol !== "data:" && url.protocol !== "blob:",
    async (route) => {
      outside.push(route.request().url());
      await route.abort();
    },
  );
  return outside;
}

test("the administrator issues a department key shown once, the key works within its scope, and a revoked key is refused", async ({ page, request }) => {
  await login(page, "ADMIN");
  await page.goto("/office/admin");
  await page.getByTestId("api-keys-link").click();
  await page.waitForURL(/\/office\/admin\/api-keys$/);
  await expectNoAxeViolations(page, { everyMode: true });

  const name = `e2e 监管系统 ${Date.now() % 100000}`;
  const form = page.getByTestId("create-api-key");
  await form.getByLabel("密钥名称").fill(name);
  const department = form.getByLabel("部门", { exact: true });
  const firstDepartment = await department.locator("option").nth(1).getAttribute("value");
  await department.selectOption(firstDepartment!);
  await form.getByRole("checkbox", { name: /events:read/ }).check();
  // Its own limit: out of range is refused beside the field, then 600 a minute.
  await form.getByLabel("每分钟调用上限（可选）").fill("5");
  await form.getByRole("button", { name: "创建密钥" }).click();
  await expect(form).toContainText("请填写 10 至 6000 之间的整数");
  await form.getByLabel("每分钟调用上限（可选）").fill("600");
  await form.getByRole("checkbox", { name: /events:read/ }).check();
  await form.getByRole("button", { name: "创建密钥" }).click();

  // Shown once, with the note to copy it now.
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveValue(/^gak_[a-z2-9]{8}_[A-Za-z0-9_-]{43}$/);
  const key = await shown.inputValue();
  const prefix = key.split("_")[1];
  await expect(form).toContainText("只显示这一次");
  await expectNoAxeViolations(page);

  // Within its scope it works; outside it, 403.
  const events = await request.get("/api/v1/events?limit=5", { headers: { Authorization: `Bearer ${key}` } });
  expect(events.status()).toBe(200);
  expect(await events.json()).toMatchObject({ events: expect.any(Array), more: expect.any(Boolean) });
  const decisions = await request.get("/api/v1/decisions", { headers: { Authorization: `Bearer ${key}` } });
  expect(decisions.status()).toBe(403);
  expect(decisions.headers()["content-type"]).toMatch(/application\/problem\+json/);

  // Never shown again: after a reload only its prefix is listed.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  const row = page.getByTestId(`api-key-${prefix}`);
  await expect(row).toContainText(`gak_${prefix}_…`);
  await expect(row).toContainText(name);
  await expect(row).toContainText("每分钟 600 次");
  expect(await page.content()).not.toContain(key.slice(13));

  // Revoked: refused at once, everywhere.
  await row.getByRole("button", { name: "吊销" }).click();
  await expect(page.getByTestId(`api-key-${prefix}`)).toContainText("已吊销");
  const refused = await request.get("/api/v1/events", { headers: { Authorization: `Bearer ${key}` } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ status: 401, code: "UNAUTHENTICATED", detail: "revoked" });
  expect((await request.get("/api/v1/items", { headers: { Authorization: `Bearer ${key}` } })).status()).toBe(401);
  await expectNoAxeViolations(page, { everyMode: true });
});

test("an applicant makes a status token for their own applications and revokes it", async ({ page, request }) => {
  await login(page, "APPLICANT");
  await page.goto("/my");
  await page.getByTestId("api-keys-link").click();
  await page.waitForURL(/\/my\/api-keys$/);
  await expectNoAxeViolations(page, { everyMode: true });

  const form = page.getByTestId("create-api-token");
  await form.getByLabel("令牌名称").fill(`e2e 工具 ${Date.now() % 100000}`);
  await form.getByRole("button", { name: "创建令牌" }).click();
  const token = await page.getByTestId("new-api-key").inputValue();
  expect(token).toMatch(/^gak_/);
  const prefix = token.split("_")[1];

  // It reads applications only (someone else's number, or none: 404), never a department's events.
  expect((await request.get("/api/v1/applications/511602-20200101-99999", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(404);
  expect((await request.get("/api/v1/events", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(403);

  await page.reload();
  const row = page.getByTestId(`api-key-${prefix}`);
  await row.getByRole("button", { name: "吊销" }).click();
  await expect(page.getByTestId(`api-key-${prefix}`)).toContainText("已吊销");
  expect((await request.get("/api/v1/applications/511602-20200101-99999", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
});

test("the API reference and the Swagger UI console load the document offline", async ({ page, request }) => {
  const outside = await offline(page);

  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const json = (await doc.json()) as { openapi: string; paths: Record<string, unknown>; webhooks: Record<string, unknown> };
  expect(json.openapi).toBe("3.1.0");
  const routes = Object.keys(json.paths);
  expect(routes).toContain("/api/v1/events");
  // The department webhook is documented beside the routes (Swagger UI lists it as one more operation).
  expect(Object.keys(json.webhooks)).toEqual(["departmentEvent"]);
  // A method the API does not serve: the portal's own problem+json 405 naming the ones it does.
  const post = await request.post("/api/v1/items", { data: {} });
  expect(post.status()).toBe(405);
  expect(post.headers()["allow"]).toBe("GET, HEAD");
  expect(await post.json()).toMatchObject({ code: "METHOD_NOT_ALLOWED", status: 405 });

  // The reference: every documented route, rendered by the portal from the same document.
  await page.goto("/developers");
  for (const id of ["listItems", "getGuide", "verifyCertificate", "getApplicationStatus", "listDecisions", "listEvents", "getOpenApiDocument"]) await expect(page.getByTestId(`route-${id}`)).toBeVisible();
  await expect(page.locator("#problem-UNAUTHENTICATED")).toContainText("401");
  await expectNoAxeViolations(page, { everyMode: true });

  // The console: Swagger UI's own files from the portal, the document fetched from the portal.
  await page.getByTestId("console-link").click();
  await page.waitForURL(/\/api\/docs$/);
  await expect(page.locator(".opblock")).toHaveCount(routes.length + 1, { timeout: 30_000 });
  await expect(page.locator(".swagger-ui .info .title")).toContainText("open API");
  // Accessible too, collapsed and with an operation open (axe alone: the console shows the document's
  // own text, Chinese descriptions included, in Swagger UI's English frame).
  expect(await axeViolations(page), "axe on the API console").toEqual([]);
  await page.locator(".opblock-summary-control").first().click();
  await expect(page.locator(".opblock-body").first()).toBeVisible();
  expect(await axeViolations(page), "axe on the API console, an operation open").toEqual([]);
  expect(outside).toEqual([]);
});
