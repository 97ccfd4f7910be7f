// 票款分离 in the browser, against the simulated fiscal platform the test run starts on loopback:
// the administrator publishes fee lines for an instant item; a person files it; the window accepts
// and approves — a payment notice is issued and issuance is refused until the payment is confirmed;
// a forged callback is refused; the applicant pays at the platform's page, whose signed callback
// confirms the payment; the window issues. The administrator's reconciliation then flags a payment
// the bank reports and the bureau never confirmed.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { formatPaymentCode } from "../../lib/domain/fees/fees";
import { demoAccountOf } from "../factories/demo-accounts";
import { makeResidentId } from "../factories/identities";
import { insertDelegation, withDb } from "./db";
import { clerkPage, decide, openFromQueue, startOnline, submit, upload } from "./filing";
import { expectNoAxeViolations, login } from "./fixtures";

test.describe.configure({ timeout: 480_000 });

/** Items other browser tests name outright: this test leaves them alone. */
function codesNamedByOtherTests(): string[] {
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const text = fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "payments.spec.ts").map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n");
  return [...new Set(text.match(/\d{3}[A-Z0-9]+-511602000000-[0-9A-Z-]+/g) ?? [])];
}

test("a fee-bearing item is approved, paid at the fiscal platform, confirmed by its signed callback and issued; a forged callback is refused; the reconciliation flags an injected mismatch, which the administrator closes", async ({ page, browser, request }) => {
  // An instant online item without questions of its own that no other test touches (the first and
  // last of the catalogue are taken by others), and a person of this test's own.
  const code = await withDb(async (db) => (await db.query<{ code: string }>(
    `SELECT i."implementationCode" AS code FROM "Item" i JOIN "ItemVersion" v ON v.id = i."currentVersionId"
     WHERE v.kind = 'INSTANT' AND v."onlineAvailable" AND jsonb_array_length(v."formFields") = 0 AND jsonb_array_length(v."feeLines") = 0
       AND NOT (i."implementationCode" = ANY($1))
     ORDER BY md5(i."implementationCode" || 'fees') LIMIT 1`, [codesNamedByOtherTests()])).rows[0].code);
  await insertDelegation({ granteeLoginId: demoAccountOf("CLERK").loginId, itemCode: code, scope: "INSTANT_ONLY" });
  const loginId = makeResidentId("19930303", 7);
  await withDb((db) =>
    db.query(
      `INSERT INTO "User" (id, "loginId", name, role, "passwordHash", "applicantType", "residentId", phone, "updatedAt")
       SELECT 'e2e-fee-payer', $1, '缴费测试人', 'APPLICANT', "passwordHash", 'PERSON', $1, '13800007777', now() FROM "User" WHERE "loginId" = $2 ON CONFLICT DO NOTHING`,
      [loginId, demoAccountOf("APPLICANT").loginId],
    ),
  );

  // The administrator publishes the item's fees: a malformed line is refused beside the field.
  const admin = await (await browser.newContext()).newPage();
  await login(admin, "ADMIN");
  await admin.goto(`/office/admin/items/${encodeURIComponent(code)}`);
  const fees = admin.locator('textarea[name="feeLineSpec"]');
  await fees.fill("证照工本费 | 10.5.5 | 示例收费依据");
  await admin.getByLabel("变更说明").fill("公布收费项目");
  await admin.getByRole("button", { name: "发布新版本" }).click();
  await expect(admin.getByText("金额应为大于 0 的元数，最多两位小数（不超过 100 万元）；按数量收费的写成 单价/单位，如 240.00/平方米。")).toBeVisible();
  // 计量收费: the second line is charged per piece, at a quantity the decider gives.
  await admin.locator('textarea[name="feeLineSpec"]').fill("证照工本费 | 10.00 | 《示例收费标准》（测试）\n检验费 | 8.10/件 | 《示例收费标准》（测试）");
  await admin.getByRole("button", { name: "发布新版本" }).click();
  await expect(admin.getByText(/已发布第 \d+ 版/)).toBeVisible();
  await admin.goto(`/items/${encodeURIComponent(code)}`);
  await expect(admin.getByTestId("guide-fee-lines")).toContainText("检验费 · 8.10 元/件");

  // The person files it online.
  await login(page, "APPLICANT", undefined, loginId);
  await startOnline(page, code, "缴费办理");
  const applicationPath = new URL(page.url()).pathname;
  const materials = await withDb(async (db) => (await db.query<{ name: string }>(
    `SELECT m.name FROM "Material" m JOIN "Item" i ON i."currentVersionId" = m."itemVersionId" WHERE i."implementationCode" = $1 AND m.condition = '' ORDER BY m.position`, [code])).rows.map((r) => r.name));
  for (const m of materials) await upload(page, m, `${m}.pdf`);
  const number = await submit(page);

  // The window accepts and approves: a payment notice, and issuance refused until it is paid.
  const clerk = await clerkPage(browser);
  await openFromQueue(clerk, number);
  await decide(clerk, materials, /^受理$/);
  await expect(clerk.getByTestId("state")).toHaveText("已受理");
  const decideForm = clerk.getByTestId("decide-form");
  await decideForm.getByLabel("决定").selectOption("APPROVE");
  // A grant without the quantity of the line charged by quantity is refused beside that field.
  await decideForm.getByRole("button", { name: "作出决定" }).click();
  await expect(decideForm).toContainText("请填写大于 0 的数量");
  await expect(clerk.getByTestId("state")).toHaveText("已受理");
  await expectNoAxeViolations(clerk);
  await decideForm.getByLabel("决定").selectOption("APPROVE");
  await decideForm.getByLabel(/计量收费数量/).fill("5");
  await decideForm.getByRole("button", { name: "作出决定" }).click();
  await expect(clerk.getByTestId("state")).toHaveText("准予许可，待制证");
  await expect(clerk.getByTestId("payment-amount")).toHaveText("50.50 元");
  await expect(clerk.getByTestId("payment-state")).toHaveText("待缴款");
  await expect(clerk.getByTestId("issue-blocked")).toContainText("缴款尚未确认");
  await expect(clerk.getByTestId("issue-form")).toHaveCount(0);
  await expectNoAxeViolations(clerk, { everyMode: true });

  const notice = await withDb(async (db) => (await db.query<{ code: string; amountFen: number }>(
    `SELECT p.code, p."amountFen" FROM "PaymentNotice" p JOIN "Application" a ON a.id = p."applicationId" WHERE a.number = $1`, [number])).rows[0]);
  expect(notice.amountFen).toBe(5050);

  // A callback the platform did not sign is refused, and changes nothing.
  const forgedBody = { code: notice.code, amountFen: notice.amountFen, paidAt: new Date().toISOString(), bankRef: "FORGED-1" };
  const forged = await request.post("/api/payments/callback", {
    data: forgedBody,
    headers: { "x-bureau-timestamp": String(Math.floor(Date.now() / 1000)), "x-bureau-signature": `v1=${"0".repeat(64)}` },
  });
  expect(forged.status()).toBe(401);
  expect((await request.post("/api/payments/callback", { data: forgedBody })).status()).toBe(401);

  // The applicant's list says a fee is to be paid; the application page shows the notice, which they
  // print, and pay at the platform once the worker has registered it.
  await page.goto("/my");
  await expect(page.getByTestId(`payment-due-${number}`)).toBeVisible();
  await page.goto(applicationPath);
  await expect(page.getByTestId("payment-state")).toHaveText("待缴款");
  await expect(page.getByTestId("fee-quantity")).toHaveText("5 件 × 8.10 元");
  await expectNoAxeViolations(page, { everyMode: true });
  await page.getByTestId("payment-print").click();
  await expect(page.getByTestId("payment-notice-document")).toContainText("伍拾元伍角整");
  await expect(page.getByTestId("payment-notice-document")).toContainText("《示例收费标准》（测试）");
  await expectNoAxeViolations(page, { everyMode: true });
  await expect
    .poll(async () => withDb(async (db) => (await db.query(`SELECT 1 FROM "PaymentNotice" WHERE code = $1 AND "registeredAt" IS NOT NULL`, [notice.code])).rowCount), { timeout: 30_000 })
    .toBe(1);
  await page.goto(applicationPath);
  await page.getByTestId("payment-pay").click();
  await expect(page.getByRole("heading", { name: "缴纳非税收入" })).toBeVisible();
  await page.getByRole("button", { name: "确认缴款 ¥50.50" }).click();
  await expect(page.getByRole("status")).toHaveText("缴款成功。");
  await page.getByRole("link", { name: "返回审批局网站" }).click();
  await expect(page).toHaveURL(new RegExp(`${applicationPath}$`));
  // The platform's signed callback confirms it (the page shows it once it has arrived).
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("payment-state")).toContainText("已缴款", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  // The window issues now.
  await clerk.reload();
  await expect(clerk.getByTestId("payment-state")).toContainText("已缴款");
  await clerk.getByTestId("issue-form").getByRole("button", { name: "用印并颁发" }).click();
  await expect(clerk.getByTestId("state")).toHaveText("已发证");

  // The bank's file of today carries a payment the bureau never confirmed: the reconciliation says so.
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());
  const stray = formatPaymentCode("511602", Number(today.slice(0, 4)), 999_999_998);
  const injected = await fetch(`${process.env.FISCAL_PLATFORM_URL}/test/reconciliation-rows`, { method: "POST", body: JSON.stringify({ day: today, code: stray, amountFen: 777 }) });
  expect(injected.status).toBe(201);
  await admin.goto("/office/admin/payments");
  await expect(admin.getByTestId(`notice-${notice.code}`)).toContainText("已缴款");
  await admin.getByTestId("payments-reconcile").getByRole("button", { name: "立即对账" }).click();
  await expect(admin.getByTestId("payments-reconcile")).toContainText("已提交对账任务");
  await expect(async () => {
    await admin.reload();
    await expect(admin.getByTestId(`reconciliation-${today}`)).toContainText(stray, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(admin.getByTestId(`reconciliation-${today}`)).toContainText("银行有、本局未确认");
  await expectNoAxeViolations(admin, { everyMode: true });

  // 对账差错处理: the administrator records how the mismatch was closed; it then shows as closed, with the note.
  const mismatch = admin.getByTestId(`reconciliation-${today}`).getByTestId("mismatch").filter({ hasText: stray });
  await mismatch.getByText("处理该差错").click();
  await expect(mismatch.getByLabel("处理方式").locator("option")).toHaveText(["请选择…", "跨日差异（已在相邻日期对平）", "已办理退付", "已更正记录", "其他（见说明）"]);
  await mismatch.getByRole("button", { name: "记录处理结果" }).click();
  await expect(mismatch).toContainText("请选择处理方式。");
  await mismatch.getByLabel("处理方式").selectOption({ label: "已办理退付" });
  await mismatch.getByLabel("处理说明").fill("已向财政申请退付，退付申请号 TF-E2E");
  await expectNoAxeViolations(admin);
  await mismatch.getByRole("button", { name: "记录处理结果" }).click();
  await expect(mismatch.getByTestId("mismatch-closed")).toContainText("已处理：已办理退付");
  await expect(mismatch.getByTestId("mismatch-closed")).toContainText("TF-E2E");
  await expectNoAxeViolations(admin, { everyMode: true });
});
