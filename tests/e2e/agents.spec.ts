// The reform's instruments at the desk (#17): a township centre's clerk accepts an item delegated to
// the centre and is refused one that is not; an agent files for an enterprise that confirmed the
// authority online, and cannot for one that did not.
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountOf } from "../factories/demo-accounts";
import { makeCreditCode, makeResidentId } from "../factories/identities";
import { withDb } from "./db";
import { decide, fillItemFields, pdfFile, submit, upload } from "./filing";
import { expectNoAxeViolations, login } from "./fixtures";

test.describe.configure({ timeout: 480_000 });

const ENTERPRISE = DEMO_ACCOUNTS.find((a) => a.applicant?.applicantType === "ENTERPRISE")!;
/** An enterprise account nobody signs in to (it only receives requests and confirmations). */
async function insertEnterprise(id: string, creditCode: string, name: string) {
  await withDb((db) =>
    db.query(
      `INSERT INTO "User" (id, "loginId", name, role, "passwordHash", "applicantType", "creditCode", phone, "updatedAt")
       VALUES ($1, $2, $3, 'APPLICANT', 'x', 'ENTERPRISE', $2, '13800007777', now()) ON CONFLICT DO NOTHING`,
      [id, creditCode, name],
    ),
  );
}

/**
 * People of these tests' own (with the demo password), so their filings never show in the demo
 * applicant's list that other tests read at the same time.
 */
async function person(id: string, seq: number, name: string) {
  const loginId = makeResidentId("19920202", seq);
  await withDb((db) =>
    db.query(
      `INSERT INTO "User" (id, "loginId", name, role, "passwordHash", "applicantType", "residentId", phone, "updatedAt")
       SELECT $1, $2, $3, 'APPLICANT', "passwordHash", 'PERSON', $2, '13800006666', now() FROM "User" WHERE "loginId" = $4 ON CONFLICT DO NOTHING`,
      [id, loginId, name, demoAccountOf("APPLICANT").loginId],
    ),
  );
  return { loginId, name };
}

test("a township centre's clerk accepts an item delegated to the centre and cannot accept one that is not", async ({ page }) => {
  // A clerk working at the demo centre (浓洄街道便民服务中心), with the demo password.
  const { delegated, other } = await withDb(async (db) => {
    await db.query(
      `INSERT INTO "User" (id, "loginId", name, role, "passwordHash", "centreId", "updatedAt")
       SELECT 'e2e-centre-clerk', 'CENTRE01', '何便民', 'CLERK', "passwordHash", (SELECT id FROM "ServiceCentre" WHERE code = 'NH-01'), now()
       FROM "User" WHERE "loginId" = $1 ON CONFLICT DO NOTHING`,
      [demoAccountOf("CLERK").loginId],
    );
    const names = async (inCentre: boolean) =>
      (await db.query<{ name: string }>(
        `SELECT v.name FROM "Item" i JOIN "ItemVersion" v ON v.id = i."currentVersionId"
         WHERE i."sectionId" IS NOT NULL AND v.kind = 'INSTANT' AND jsonb_array_length(v."formFields") = 0
           AND ${inCentre ? "" : "NOT"} EXISTS (SELECT 1 FROM "CentreItem" ci JOIN "ServiceCentre" c ON c.id = ci."centreId" WHERE c.code = 'NH-01' AND ci."itemId" = i.id)
           AND (SELECT count(*) FROM "ItemVersion" w WHERE w.name = v.name) = 1
         ORDER BY i."implementationCode" LIMIT 1`,
      )).rows[0].name;
    return { delegated: await names(true), other: await names(false) };
  });
  const walkIn = await person("e2e-centre-walk-in", 81, "刘就近");
  await login(page, "CLERK", DEMO_PASSWORD, "CENTRE01");
  const fileFor = async (item: string) => {
    await page.goto("/office/window/walk-in");
    await page.getByLabel("居民身份证号或统一社会信用代码").fill(walkIn.loginId);
    await page.getByRole("button", { name: "查找" }).click();
    await page.getByTestId("use-applicant").click();
    await page.getByLabel("事项名称").fill(item);
    await page.getByRole("button", { name: "查找" }).click();
    await page.getByTestId("item-choices").getByRole("link", { name: item, exact: true }).click();
    await page.getByLabel("申请内容").fill("就近到便民服务中心办理");
    await fillItemFields(page);
    await page.getByRole("button", { name: "保存，下一步核收材料" }).click();
  };
  // Not delegated to the centre: refused, nothing filed.
  await fileFor(other);
  await expect(page.getByText("该事项未委托本便民服务中心受理")).toBeVisible();
  await expectNoAxeViolations(page);
  expect(page.url()).not.toMatch(/\/office\/window\/applications\//);
  // Delegated: filed, checked and accepted at the centre.
  await fileFor(delegated);
  await page.waitForURL(/\/office\/window\/applications\//);
  for (const m of ["申请表", "申请人身份证明（居民身份证或营业执照）"]) await upload(page, m, `centre-${m.length}.pdf`);
  await submit(page);
  await decide(page, ["申请表", "申请人身份证明（居民身份证或营业执照）"], /^受理$/);
  await expect(page.getByTestId("state")).toHaveText("已受理");
  await expectNoAxeViolations(page, { everyMode: true });
});

test("an agent files for an enterprise that confirmed the authority, and not for one that did not", async ({ page, browser }) => {
  const otherCode = makeCreditCode(4242);
  await insertEnterprise("e2e-unconfirmed-enterprise", otherCode, "广安未授权贸易有限公司");
  const code = await withDb(async (db) => (await db.query<{ code: string }>(
    `SELECT i."implementationCode" AS code FROM "Item" i JOIN "ItemVersion" v ON v.id = i."currentVersionId"
     WHERE i."sectionId" IS NOT NULL AND v.kind = 'INSTANT' AND v."onlineAvailable" AND jsonb_array_length(v."formFields") = 0 ORDER BY i."implementationCode" DESC LIMIT 1`)).rows[0].code);

  // The agent (a person) asks both enterprises for authority.
  const PERSON = await person("e2e-agent", 82, "王帮办");
  await login(page, "APPLICANT", DEMO_PASSWORD, PERSON.loginId);
  await page.goto("/my/agents");
  await expectNoAxeViolations(page, { everyMode: true });
  for (const creditCode of [ENTERPRISE.loginId, otherCode]) {
    const form = page.getByTestId("request-authority");
    await form.getByLabel("企业统一社会信用代码").fill(creditCode);
    await form.getByLabel("代办范围").fill("代为申报本企业的即办事项，跟踪办理进度");
    await form.getByRole("button", { name: "提交授权申请" }).click();
    await expect(page.getByTestId("authorities")).toContainText(creditCode === otherCode ? "广安未授权贸易有限公司" : ENTERPRISE.name);
  }
  await expect(page.getByTestId("authorities").getByTestId("authority-status")).toHaveText(["待企业确认", "待企业确认"]);

  // Only the demo enterprise confirms, online.
  const enterprise = await (await browser.newContext()).newPage();
  await login(enterprise, "APPLICANT", DEMO_PASSWORD, ENTERPRISE.loginId);
  await enterprise.goto("/my/agents");
  const row = enterprise.getByTestId(`authority-${PERSON.name}`);
  await expect(row).toContainText("代为申报本企业的即办事项");
  await expectNoAxeViolations(enterprise, { everyMode: true });
  await row.getByTestId("authority-confirm").getByRole("button", { name: "确认授权" }).click();
  await expect(row.getByTestId("authority-status")).toHaveText("已确认，有效");

  // The agent files for the enterprise that confirmed; the other is not offered.
  await page.goto(`/items/${code}/apply`);
  const onBehalf = page.getByTestId("on-behalf-of").getByLabel("办理主体");
  await expect(onBehalf.locator("option", { hasText: ENTERPRISE.name })).toHaveCount(1);
  await expect(onBehalf.locator("option", { hasText: "广安未授权贸易有限公司" })).toHaveCount(0);
  await expectNoAxeViolations(page, { everyMode: true });
  await onBehalf.selectOption({ label: ENTERPRISE.name });
  await page.getByLabel("申请内容").fill("帮办代办：代企业申请");
  await page.getByRole("button", { name: "保存草稿，下一步上传材料" }).click();
  await page.waitForURL(/\/my\/applications\//);
  const applicationId = page.url().split("/").pop()!;
  for (const m of ["申请表", "申请人身份证明（居民身份证或营业执照）"]) await upload(page, m, `agent-${m.length}.pdf`);
  const number = await submit(page);
  const filed = await withDb(async (db) => (await db.query<{ applicant: string; filer: string; authority: string | null }>(
    `SELECT ap."loginId" AS applicant, f."loginId" AS filer, a."agentAuthorityId" AS authority FROM "Application" a JOIN "User" ap ON ap.id = a."applicantId" JOIN "User" f ON f.id = a."filedById" WHERE a.id = $1`, [applicationId])).rows[0]);
  expect(filed).toMatchObject({ applicant: ENTERPRISE.loginId, filer: PERSON.loginId });
  expect(filed.authority).not.toBeNull();
  await page.goto("/my");
  await expect(page.getByTestId("my-applications").getByRole("row").filter({ hasText: number })).toContainText(`代 ${ENTERPRISE.name} 办理`);
  // The enterprise sees it as its own.
  await enterprise.goto("/my");
  await expect(enterprise.getByTestId("my-applications")).toContainText(number);
});

test("a clerk confirms an agent's authority at the window from the paper power of attorney", async ({ page }) => {
  const creditCode = makeCreditCode(4343);
  await insertEnterprise("e2e-paper-enterprise", creditCode, "广安纸质授权商贸有限公司");
  // Its own agent: the demo person's authorities belong to the test beside this one.
  const agentId = makeResidentId("19900101", 77);
  await withDb((db) =>
    db.query(
      `INSERT INTO "User" (id, "loginId", name, role, "passwordHash", "applicantType", "residentId", phone, "updatedAt")
       VALUES ('e2e-paper-agent', $1, '纸质代办人', 'APPLICANT', 'x', 'PERSON', $1, '13800009999', now()) ON CONFLICT DO NOTHING`,
      [agentId],
    ),
  );
  await login(page, "CLERK");
  await page.goto("/office/window");
  await page.getByTestId("window-agents-link").click();
  const form = page.getByTestId("window-authority");
  await form.getByLabel("企业统一社会信用代码").fill(creditCode);
  await form.getByLabel("代办人居民身份证号").fill(agentId);
  await form.getByLabel(/^代办范围/).fill("代为申报即办事项");
  await form.getByLabel("授权委托书扫描件").setInputFiles(pdfFile("授权委托书.pdf"));
  // Not confirmed until the clerk says the original was checked.
  await form.getByRole("button", { name: "确认授权" }).click();
  await expect(form.getByText("请确认已核验原件。")).toBeVisible();
  await form.getByLabel("授权委托书扫描件").setInputFiles(pdfFile("授权委托书.pdf"));
  await form.getByLabel(/已核验授权委托书原件/).check();
  await form.getByRole("button", { name: "确认授权" }).click();
  await expect(form.getByText("已确认，授权即时生效")).toBeVisible();
  await expectNoAxeViolations(page, { everyMode: true });
  const status = await withDb(async (db) => (await db.query<{ status: string; evidence: string | null }>(
    `SELECT a.status, a."evidenceFileId" AS evidence FROM "AgentAuthority" a JOIN "User" e ON e.id = a."enterpriseId" WHERE e."creditCode" = $1`, [creditCode])).rows);
  expect(status).toHaveLength(1);
  expect(status[0].status).toBe("CONFIRMED");
  expect(status[0].evidence).not.toBeNull();
});
