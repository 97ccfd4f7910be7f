// What the transition table allows, the case page offers: a chief decides an accepted instant case
// under a delegation, a reviewer adds an opinion to an escalated case, and a case accepted with
// deficiencies (容缺) is suspended — each through the page. Every page is axe-scanned.
import { expect, test } from "@playwright/test";
import { demoAccountOf } from "../factories/demo-accounts";
import { insertCase, insertDelegation } from "./db";
import { expectNoAxeViolations, login } from "./fixtures";

const REISSUE = "511A0005200006-511602000000-000-115113016823646795-1-00"; // 食品(含保健食品)经营许可补办: instant, S01
const METROLOGY = "511A0041000003-511602000000-000-115113016823646795-1-00"; // 计量标准器具核准新建: promised, S01
const now = () => new Date().toISOString();
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test("a chief decides an accepted instant case from the case page, under a delegation", async ({ page }) => {
  await insertDelegation({ granteeLoginId: demoAccountOf("CHIEF").loginId, itemCode: REISSUE, scope: "INSTANT_ONLY" });
  const c = await insertCase({ itemCode: REISSUE, state: "ACCEPTED", acceptedAt: now(), promisedDue: inDays(0), statutoryDue: inDays(28) });
  await login(page, "CHIEF");
  await page.goto(`/office/cases/${c.id}`);
  // Ours, or one the director granted the section's chiefs in a test running beside this one.
  await expect(page.getByTestId("authority")).toHaveText(/^依据授权书 审批授字〔\d{4}〕\d+号$/);
  const delegation = (await page.getByTestId("authority").textContent())!.replace("依据授权书 ", "");
  await expectNoAxeViolations(page);
  const form = page.getByTestId("decide-form");
  await form.getByLabel("决定").selectOption("APPROVE");
  await form.getByRole("button", { name: "作出决定" }).click();
  await expect(page.getByTestId("state")).toHaveText("准予许可，待制证");
  await expect(page.getByTestId("decision-record")).toContainText(delegation);
  await expect(page.getByTestId("decide-form")).toHaveCount(0);
});

test("a reviewer adds an opinion to an escalated case", async ({ page }) => {
  const c = await insertCase({ itemCode: METROLOGY, state: "ESCALATED", acceptedAt: now(), promisedDue: inDays(20), statutoryDue: inDays(28) });
  await login(page, "REVIEWER");
  await page.goto(`/office/cases/${c.id}`);
  await expect(page.getByTestId("state")).toHaveText("已提交局长决定");
  await expectNoAxeViolations(page);
  const review = page.getByTestId("review-form");
  await review.getByLabel("审查结论").selectOption("DENY");
  await review.getByLabel("审查意见").fill("补充意见：计量标准考核证书已过期，建议不予许可。");
  await review.getByRole("button", { name: "记录审查意见" }).click();
  await expect(page.getByTestId("opinions")).toContainText("计量标准考核证书已过期");
  await expect(page.getByTestId("state")).toHaveText("已提交局长决定");
});

test("a case accepted with deficiencies is suspended from the case page", async ({ page }) => {
  const c = await insertCase({ itemCode: METROLOGY, state: "ACCEPTED_WITH_DEFICIENCIES", acceptedAt: now(), promisedDue: inDays(20), statutoryDue: inDays(28), owedBy: inDays(7) });
  await login(page, "REVIEWER");
  await page.goto(`/office/cases/${c.id}`);
  await expect(page.getByTestId("state")).toHaveText("已容缺受理");
  await expect(page.getByTestId("review-form")).toHaveCount(0); // reviewed only once the owed materials are in
  await expectNoAxeViolations(page);
  const suspend = page.getByTestId("suspend-form");
  await suspend.getByLabel("挂起事由（依法不计入期限）").selectOption({ label: "检验、检测、检疫" });
  await suspend.getByLabel("说明").fill("送检计量标准器具");
  await suspend.getByLabel(/预计时长/).fill("15");
  await suspend.getByRole("button", { name: "挂起（暂停计时）" }).click();
  await expect(page.getByText("正在挂起：计时暂停")).toBeVisible();
  await expect(page.getByTestId("clock-ledger")).toContainText("检验、检测、检疫");
  await expect(page.getByTestId("resume-form")).toBeVisible();
  await expectNoAxeViolations(page);

  // Art. 45: the applicant is told in writing, under the seal, why the clock stopped and for how long.
  const applicant = await page.context().browser()!.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const mine = await applicant.newPage();
  await login(mine, "APPLICANT");
  await mine.goto("/my/messages");
  await expect(mine.getByTestId("messages")).toContainText(`您的申请（${c.number}`);
  await expect(mine.getByTestId("messages")).toContainText("特别程序告知书（广安审批特〔");
  await mine.goto(`/my/applications/${c.id}`);
  await mine.getByTestId("documents").getByRole("link", { name: "特别程序告知书" }).click();
  const notice = mine.getByTestId("sealed-notice");
  await expect(notice).toContainText("因需检验、检测、检疫");
  await expect(notice).toContainText("预计需要 15 个工作日");
  await expect(notice).toContainText("第四十五条");
  await expect(mine.getByTestId("notice-number")).toHaveText(/^广安审批特〔\d{4}〕\d+号$/);
  await expectNoAxeViolations(mine);
  const verifyAt = (await notice.locator("span.font-mono").last().textContent())!;
  await mine.goto(new URL(verifyAt).pathname);
  await expect(mine.getByTestId("verdict")).toHaveText("本局用印的文书，记录签名有效。");
  await applicant.close();
});
