// 审管分离 in the browser: the administrator gives a department a webhook subscription pointing at a
// receiver this test runs on loopback, sees the signing secret once, sees a failed delivery with its
// attempt log, replays it — the worker delivers it, signed with that secret — and deactivates the
// subscription. The failed delivery is written straight into the database (ten attempts over six
// hours are not something a browser test waits for); everything checked is then done through the UI.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SIGNATURE_HEADER, signatureProblem, TIMESTAMP_HEADER } from "../../lib/domain/signing/hmac-signature";
import { withDb } from "./db";
import { expectNoAxeViolations, login } from "./fixtures";

test.describe.configure({ timeout: 180_000 });

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string };

test("the administrator subscribes a department, sees the secret once, sees a failed delivery and its log, and replays it to a receiver that checks the signature", async ({ page }) => {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const hookPath = `/hook-${randomUUID().slice(0, 8)}`;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${hookPath}`;
  try {
    const department = await withDb(async (db) => (await db.query<{ id: string; code: string; name: string }>(`SELECT id, code, name FROM "Department" ORDER BY code LIMIT 1`)).rows[0]);

    await login(page, "ADMIN");
    await page.goto("/office/admin");
    await page.getByTestId("departments-link").click();
    await page.waitForURL(/\/office\/admin\/departments$/);
    await expect(page.getByTestId(`department-${department.code}`)).toContainText(department.name);
    await expectNoAxeViolations(page, { everyMode: true });
    await page.getByTestId(`department-${department.code}`).getByRole("link").click();
    await page.waitForURL(new RegExp(`/office/admin/departments/${department.id}$`));
    await expectNoAxeViolations(page, { everyMode: true });

    // A subscription for denials and revocations only: the secret is shown once, right after creation.
    const form = page.getByTestId("create-subscription");
    await form.getByLabel(/^接收地址/).fill(url);
    await form.getByLabel("不予许可").check();
    await form.getByLabel("证照撤销").check();
    await form.getByRole("button", { name: "创建订阅" }).click();
    const notice = form.getByRole("status");
    await expect(notice).toContainText("签名密钥（只显示这一次）");
    const secret = /whsec_[0-9a-f]{64}/.exec((await notice.textContent()) ?? "")![0];
    await expectNoAxeViolations(page);
    await page.reload();
    expect(await page.content()).not.toContain(secret);
    const subscription = await withDb(async (db) => (await db.query<{ id: string }>(`SELECT id FROM "WebhookSubscription" WHERE url = $1`, [url])).rows[0]);
    const row = page.getByTestId(`subscription-${subscription.id}`);
    await expect(row).toContainText(url);
    await expect(row).toContainText("不予许可");
    await expect(row).toContainText("有效");

    // A denial whose delivery used its last attempt: FAILED, with its log.
    const deliveryId = `e2e${randomUUID().replace(/-/g, "").slice(0, 20)}`;
    const number = `511602-20261201-9${String(Math.floor(Math.random() * 10000)).padStart(4, "0")}`;
    await withDb(async (db) => {
      const payload = { version: 1, application: { number, item: { implementationCode: "E2E-ITEM", name: "测试许可事项" }, applicant: { name: "张小民", idType: "RESIDENT_ID", id: "5116**********0212" }, submittedAt: null, acceptedAt: null }, decision: { outcome: "DENIED", letterNumber: null, decidedAt: new Date().toISOString(), reason: "经营场所不符合要求", basis: "《食品经营许可管理办法》第十条" } };
      const event = (await db.query<{ id: string }>(`INSERT INTO "DepartmentEvent" ("publicId", type, "departmentId", payload) VALUES ($1, 'decision.denied', $2, $3) RETURNING id`, [`e2e-${randomUUID()}`, department.id, JSON.stringify(payload)])).rows[0];
      await db.query(`INSERT INTO "WebhookDelivery" (id, "eventId", "subscriptionId", state, attempts, "lastStatus", "lastError", "updatedAt") VALUES ($1, $2, $3, 'FAILED', 10, 500, 'HTTP 500: receiver down for maintenance', now())`, [deliveryId, event.id, subscription.id]);
      await db.query(`INSERT INTO "WebhookAttempt" ("deliveryId", status, error, "durationMs") VALUES ($1, 500, 'HTTP 500: receiver down for maintenance', 12)`, [deliveryId]);
    });
    await page.reload();
    const delivery = page.getByTestId(`delivery-${deliveryId}`);
    await expect(page.getByTestId(`delivery-state-${deliveryId}`)).toHaveText("失败");
    await expect(delivery).toContainText("HTTP 500: receiver down for maintenance");
    await delivery.getByText("推送记录").click();
    await expect(page.getByTestId(`attempts-${deliveryId}`)).toContainText("500");
    await expectNoAxeViolations(page, { everyMode: true });

    // Replayed: the worker sends it again, signed with the secret shown at creation.
    await page.getByTestId(`replay-${deliveryId}`).getByRole("button", { name: "重新推送" }).click();
    // The page refreshes with the delivery no longer failed (sending, or already delivered) and no replay button.
    await expect(page.getByTestId(`delivery-state-${deliveryId}`)).not.toHaveText("失败");
    // (Other tests' denials of this department may arrive here too: ours is found by its number.)
    const ours = () => received.find((r) => r.path === hookPath && r.body.includes(number));
    await expect.poll(() => ours() !== undefined, { timeout: 60_000 }).toBe(true);
    const got = ours()!;
    expect(signatureProblem(secret, String(got.headers[TIMESTAMP_HEADER]), String(got.headers[SIGNATURE_HEADER]), got.body, Date.now())).toBeNull();
    expect(JSON.parse(got.body)).toMatchObject({ type: "decision.denied", department: { code: department.code }, data: { application: { number }, decision: { outcome: "DENIED" } } });
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId(`delivery-state-${deliveryId}`).textContent();
      }, { timeout: 30_000 })
      .toBe("已送达");
    await expect(delivery).toContainText("已尝试 11 次");

    // Deactivated: no further deliveries to this receiver.
    await row.getByRole("button", { name: "停用" }).click();
    await expect(row).toContainText("已停用");
    await expect(row.getByRole("button", { name: "停用" })).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
