// 一件事 in the browser: the applicant files 开餐馆一件事 (three catalogue items in two sections) with
// ONE form and gives each shared material once; the window accepts each case; the two sections'
// reviewers review in parallel after ONE joint site survey covering both surveyed cases (and the
// food case's experts are drawn from the pool); the decisions and issuances follow, and only after
// the last one does the bundle complete — one message, one handover of every certificate.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoAccountOf } from "../factories/demo-accounts";
import { insertDelegation, withDb } from "./db";
import { clerkPage, decide, fillItemFields, openFromQueue, pdfFile } from "./filing";
import { expectNoAxeViolations, login } from "./fixtures";

test.describe.configure({ timeout: 600_000 });

const FOOD = "食品(含保健食品)经营许可核发";
const HEALTH = "公共场所卫生许可新办审批（县级）";
const REGISTRATION = "个体工商户设立登记";
const SHARED_ID = "申请人身份证明（居民身份证或营业执照）";

async function staffPage(browser: Browser, role: "REVIEWER" | "DIRECTOR", loginId?: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" })).newPage();
  await login(page, role, DEMO_PASSWORD, loginId);
  return page;
}

test("a restaurant bundle is filed with one form, shared materials given once, reviewed in parallel after one joint survey, and delivered once after the last decision", async ({ page, browser }) => {
  // A reviewer of the 教育卫生审批科 (S03), with the demo password, for the health permit's section.
  await withDb((db) =>
    db.query(
      `INSERT INTO "User" (id, "loginId", name, role, "passwordHash", "sectionId", "updatedAt")
       SELECT 'e2e-reviewer-s03', 'REVIEWER03', '李审查', 'REVIEWER', "passwordHash", (SELECT id FROM "Section" WHERE code = 'S03'), now()
       FROM "User" WHERE "loginId" = $1 ON CONFLICT DO NOTHING`,
      [demoAccountOf("REVIEWER").loginId],
    ),
  );
  // The window decides the instant registration under a delegation.
  const registrationCode = await withDb(async (db) => (await db.query<{ code: string }>(`SELECT i."implementationCode" AS code FROM "Item" i JOIN "ItemVersion" v ON v.id = i."currentVersionId" WHERE v.name = $1`, [REGISTRATION])).rows[0].code);
  await insertDelegation({ granteeLoginId: demoAccountOf("CLERK").loginId, itemCode: registrationCode, scope: "INSTANT_ONLY" });

  // The public finds the bundle and its rules.
  await page.goto("/bundles");
  await expectNoAxeViolations(page, { everyMode: true });
  await page.getByTestId("bundles").getByRole("link", { name: "开餐馆一件事" }).click();
  await expect(page.getByTestId("bundle-items")).toContainText(FOOD);
  await expect(page.getByTestId("bundle-slots")).toContainText(`${SHARED_ID}4 个事项共用，只交一次`); // all four items of the bundle ask for it
  await expectNoAxeViolations(page, { everyMode: true });

  // ONE form: the food licence's questions asked once; the optional health permit added; pick-up chosen.
  await login(page, "APPLICANT");
  await page.goto("/bundles/KCG/apply");
  await expect(page.getByTestId("application-form")).toBeVisible();
  await expectNoAxeViolations(page, { everyMode: true });
  await page.getByLabel("申请内容").fill("开办“老广安川菜馆”");
  await fillItemFields(page);
  await expect(page.getByTestId("item-fields").getByLabel(/^经营场所/)).toHaveCount(1);
  await page.getByTestId("optional-items").getByLabel(HEALTH).check();
  await page.getByTestId("delivery-choice").getByLabel("窗口领取").check();
  await page.getByRole("button", { name: "保存并上传材料" }).click();
  await page.waitForURL(/\/my\/bundles\//);
  const filingId = page.url().split("/").pop()!;
  await expect(page.getByTestId("bundle-cases").locator("tbody tr")).toHaveCount(3);

  // Each slot once: the identity proof serves all three items.
  const slots = page.locator('[data-testid^="slot-"]:has(input[type="file"])');
  const count = await slots.count();
  expect(count).toBe(6); // 申请表, 身份证明 (shared by 3) + 2 own materials of each of the two promised items
  await expect(page.getByTestId(`slot-${SHARED_ID}`)).toContainText("3 个事项共用");
  for (let i = 0; i < count; i++) {
    const slot = slots.nth(i);
    await slot.locator('input[type="file"]').setInputFiles(pdfFile(`slot${i}.pdf`));
    await slot.getByRole("button", { name: "上传" }).click();
    await expect(slot.getByTestId("slot-state")).toContainText(`slot${i}.pdf`);
  }
  await expectNoAxeViolations(page, { everyMode: true });
  const sharedFiles = await withDb(async (db) => (await db.query<{ files: number; lines: number }>(
    `SELECT count(DISTINCT am."storedFileId")::int AS files, count(*)::int AS lines FROM "ApplicationMaterial" am JOIN "Application" a ON a.id = am."applicationId" JOIN "Material" m ON m.id = am."materialId"
     WHERE a."bundleFilingId" = $1 AND m.name = $2`, [filingId, SHARED_ID])).rows[0]);
  expect(sharedFiles).toEqual({ files: 1, lines: 3 });

  const form = page.getByTestId("submit-bundle");
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "提交全部事项" }).click();
  await expect(page.getByTestId("bundle-number")).toHaveText(/^YJS\d{10}$/);
  await expect(page.getByTestId("bundle-cases").getByTestId("state")).toHaveText(["已提交，待受理", "已提交，待受理", "已提交，待受理"]);
  const cases = await withDb(async (db) => (await db.query<{ id: string; number: string; name: string }>(
    `SELECT a.id, a.number, v.name FROM "Application" a JOIN "ItemVersion" v ON v.id = a."itemVersionId" WHERE a."bundleFilingId" = $1`, [filingId])).rows);
  const caseOf = (name: string) => cases.find((c) => c.name === name)!;

  // The window accepts each case (the power of attorney does not apply: filed in person).
  const clerk = await clerkPage(browser);
  for (const c of cases) {
    await openFromQueue(clerk, c.number);
    const names = await withDb(async (db) => (await db.query<{ name: string }>(`SELECT m.name FROM "ApplicationMaterial" am JOIN "Material" m ON m.id = am."materialId" WHERE am."applicationId" = $1 AND am.applicable`, [c.id])).rows.map((r) => r.name));
    await decide(clerk, names, /^受理$/);
    await expect(clerk.getByTestId("state")).toHaveText("已受理");
  }
  // The instant registration is decided and issued at once; the bundle is not complete with it.
  await clerk.goto(`/office/cases/${caseOf(REGISTRATION).id}`);
  await clerk.getByTestId("decide-form").getByLabel("决定").selectOption("APPROVE");
  await clerk.getByTestId("decide-form").getByRole("button", { name: "作出决定" }).click();
  await expect(clerk.getByTestId("state")).toHaveText("准予许可，待制证");
  await clerk.getByTestId("issue-form").getByRole("button", { name: "用印并颁发" }).click();
  await expect(clerk.getByTestId("state")).toHaveText("已发证");

  // ONE joint survey, scheduled by the food section's reviewer, covers the food and the health case.
  const foodReviewer = await staffPage(browser, "REVIEWER");
  await foodReviewer.goto("/office/bundles");
  await expectNoAxeViolations(foodReviewer, { everyMode: true });
  await foodReviewer.getByTestId("office-bundles").getByRole("link").first().click();
  await foodReviewer.waitForURL(`**/office/bundles/${filingId}`);
  const survey = foodReviewer.getByTestId("schedule-joint-survey");
  await survey.getByLabel("踏勘日期").fill("2026-12-08");
  await survey.getByLabel("踏勘地点").fill("广安区金安大道二段 8 号店面");
  await survey.getByLabel(/^说明/).fill("市场准入审批科、教育卫生审批科联合踏勘");
  await survey.getByRole("button", { name: /安排联合踏勘/ }).click();
  await expect(foodReviewer.getByTestId("joint-survey")).toContainText("覆盖 2 个办件");
  await expect(foodReviewer.getByTestId("schedule-joint-survey")).toHaveCount(0);
  await expectNoAxeViolations(foodReviewer, { everyMode: true });
  const healthReviewer = await staffPage(browser, "REVIEWER", "REVIEWER03");
  await healthReviewer.goto(`/office/cases/${caseOf(HEALTH).id}`);
  await expect(healthReviewer.getByTestId("clock-ledger")).toContainText("联合踏勘");
  await expect(healthReviewer.getByTestId("case-bundle-link")).toBeVisible();
  await foodReviewer.goto(`/office/cases/${caseOf(FOOD).id}`);
  await expect(foodReviewer.getByTestId("clock-ledger")).toContainText("联合踏勘");
  // An expert review of the food case: experts drawn at random from the pool, the draw reproducible.
  const draw = foodReviewer.getByTestId("draw-experts-form");
  await draw.getByLabel("专业领域").selectOption("食品安全");
  await draw.getByLabel("抽取人数").fill("2");
  await draw.getByRole("button", { name: "随机抽取" }).click();
  await expect(foodReviewer.getByTestId("expert-draw-check")).toHaveText(/按种子复算一致/);
  await expect(foodReviewer.getByTestId("expert-draw-list").locator("ol li")).toHaveCount(2);
  await expectNoAxeViolations(foodReviewer, { everyMode: true });

  // The two sections review at the same time.
  const review = async (p: Page, opinion: string) => {
    const f = p.getByTestId("review-form");
    await f.getByLabel("审查结论").selectOption("APPROVE");
    await f.getByLabel("审查意见").fill(opinion);
    await f.getByRole("button", { name: "记录审查意见" }).click();
    await expect(p.getByTestId("state")).toHaveText("已审查，待决定");
  };
  await Promise.all([review(foodReviewer, "经联合踏勘，经营场所符合食品经营要求，建议准予许可。"), review(healthReviewer, "经联合踏勘，卫生设施符合要求，建议准予许可。")]);

  // The director decides both; the window issues them. Until the last, the bundle waits.
  const director = await staffPage(browser, "DIRECTOR");
  for (const name of [FOOD, HEALTH]) {
    await director.goto(`/office/cases/${caseOf(name).id}`);
    await director.getByTestId("decide-form").getByLabel("决定").selectOption("APPROVE");
    await director.getByTestId("decide-form").getByRole("button", { name: "作出决定" }).click();
    await expect(director.getByTestId("state")).toHaveText("准予许可，待制证");
  }
  await clerk.goto(`/office/cases/${caseOf(FOOD).id}`);
  await clerk.getByTestId("issue-form").getByRole("button", { name: "用印并颁发" }).click();
  await expect(clerk.getByTestId("state")).toHaveText("已发证");
  await page.reload();
  await expect(page.getByTestId("bundle-progress")).toContainText("已办结 2 / 3 项");
  await expect(page.getByTestId("bundle-delivery-state")).toHaveText("全部事项办结后一次送达。");
  const completed = () => withDb(async (db) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Message" WHERE kind = 'BUNDLE_COMPLETED_PICKUP' AND params->>'number' = (SELECT number FROM "BundleFiling" WHERE id = $1)`, [filingId])).rows[0].n);
  expect(await completed()).toBe(0);

  // The last issuance completes the bundle (through the worker): one message, one handover.
  await clerk.goto(`/office/cases/${caseOf(HEALTH).id}`);
  await clerk.getByTestId("issue-form").getByRole("button", { name: "用印并颁发" }).click();
  await expect(clerk.getByTestId("state")).toHaveText("已发证");
  await expect.poll(completed, { timeout: 30_000 }).toBe(1);
  await page.reload();
  await expect(page.getByTestId("bundle-delivery-state")).toContainText("等待窗口一次交付");
  await expectNoAxeViolations(page, { everyMode: true });

  await clerk.goto(`/office/bundles/${filingId}`);
  const handover = clerk.getByTestId("bundle-handover");
  await handover.getByLabel("领取人姓名").fill("张小民");
  await handover.getByLabel("领取人身份证件号码").fill(demoAccountOf("APPLICANT").loginId);
  await handover.getByRole("button", { name: /登记一次领取/ }).click();
  await expect(clerk.getByTestId("bundle-delivery-state")).toContainText("由 张小民 一次领取全部证照");
  await expectNoAxeViolations(clerk, { everyMode: true });
  const delivered = await withDb(async (db) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Certificate" c JOIN "Application" a ON a.id = c."applicationId" WHERE a."bundleFilingId" = $1 AND c."deliveredAt" IS NOT NULL AND c."collectorName" = '张小民'`, [filingId])).rows[0].n);
  expect(delivered).toBe(3);
  expect(await completed()).toBe(1);

  // The hand-over is one visit (一次一评): one SMS link to rate it, which a phone opens as the bundle's.
  const invites = await withDb(async (db) => (await db.query<{ text: string }>(`SELECT n.text FROM "Notification" n WHERE n.kind = 'RATING_INVITE' AND EXISTS (SELECT 1 FROM "Application" a WHERE a."bundleFilingId" = $1 AND n.text LIKE '%/rate/' || a.id || '?%')`, [filingId])).rows);
  expect(invites).toHaveLength(1);
  expect(invites[0].text).toContain("的证照（共 3 件）");
  const bundleNumber = await withDb(async (db) => (await db.query<{ number: string }>(`SELECT number FROM "BundleFiling" WHERE id = $1`, [filingId])).rows[0].number);
  const phone = await (await browser.newContext({ locale: "zh-CN", viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(/\/rate\/\S+/.exec(invites[0].text)![0]);
  await expect(phone.getByText("一件事领证服务：一件事编号")).toContainText(bundleNumber);
  await expectNoAxeViolations(phone, { everyMode: true });
  const rating = phone.getByTestId("rating-form");
  await rating.getByLabel("总体评价").selectOption({ label: "非常满意" });
  await rating.getByRole("button", { name: "提交评价" }).click();
  await expect(rating).toContainText("评价已提交");
  await phone.reload();
  await expect(phone.getByText("本次服务已评价")).toBeVisible();
});

test("the administrator's bundle page lists the demo bundle and refuses a definition with an unknown item", async ({ page }) => {
  await login(page, "ADMIN");
  await page.goto("/office/admin/bundles");
  await expect(page.getByTestId("admin-bundle-KCG")).toContainText(FOOD);
  const form = page.getByTestId("define-bundle");
  await form.getByLabel("代码", { exact: true }).fill("BAD-1");
  await form.getByLabel("名称", { exact: true }).fill("测试一件事");
  await form.getByLabel(/^事项/).fill("NOPE-000000 | 必办\nNOPE-000001 | 可选");
  await form.getByRole("button", { name: "保存一件事" }).click();
  await expect(form).toContainText("有实施编码找不到本局办理的事项");
  await expectNoAxeViolations(page, { everyMode: true });
});
