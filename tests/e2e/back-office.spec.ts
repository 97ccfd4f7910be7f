// The back office end to end: the director grants delegations; a clerk approves an instant item at
// the window right after acceptance; a reviewer and a chief carry a promised item through an
// expert-review suspension to approval; a supervisor reads the trail. Every page is axe-scanned.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../factories/demo-accounts";
import { clerkPage, decide, fillItemFields, openFromQueue, startOnline, submit, upload } from "./filing";
import { expectNoAxeViolations, login } from "./fixtures";

const REISSUE = "511A0005200006-511602000000-000-115113016823646795-1-00"; // 食品(含保健食品)经营许可补办: instant, S01
const METROLOGY = "511A0041000003-511602000000-000-115113016823646795-1-00"; // 计量标准器具核准新建: promised, S01
const ENTERPRISE = DEMO_ACCOUNTS.find((a) => a.applicant?.applicantType === "ENTERPRISE")!;
const FIVE = ["申请表", "申请人身份证明（居民身份证或营业执照）", "符合许可条件的证明材料", "其他相关证明材料", "授权委托书及受托人身份证明"];

async function grant(page: Page, grantee: string, opts: { itemCode?: string; section?: string; scope: string }) {
  await page.goto("/office/director");
  await expectNoAxeViolations(page);
  const form = page.getByTestId("delegation-form");
  await form.getByLabel("被授权人").selectOption({ label: grantee });
  await form.getByLabel("办件类型").selectOption({ label: opts.scope });
  if (opts.section) await form.getByLabel(opts.section).check();
  if (opts.itemCode) await form.getByLabel(/或逐项列明事项/).fill(opts.itemCode);
  await form.getByRole("button", { name: "签发" }).click();
  const granted = form.getByText(/^已签发 审批授字〔\d{4}〕\d+号。$/);
  await expect(granted).toBeVisible();
  return (await granted.textContent())!.replace(/^已签发 /, "").replace(/。$/, "");
}

test("the director grants a delegation; a clerk approves an instant item at the window in the same visit", async ({ page, browser }) => {
  await login(page, "DIRECTOR");
  const number = await grant(page, "全体窗口工作人员", { itemCode: REISSUE, scope: "仅即办件" });
  await page.getByTestId("delegation-register").getByRole("link", { name: number }).click();
  await expect(page.getByTestId("delegation-number")).toHaveText(number);
  await expect(page.getByTestId("delegation-document")).toContainText("食品(含保健食品)经营许可补办");
  await expectNoAxeViolations(page);

  const clerk = await clerkPage(browser);
  await clerk.goto("/office/window/walk-in");
  await clerk.getByLabel("居民身份证号或统一社会信用代码").fill(ENTERPRISE.loginId);
  await clerk.getByRole("button", { name: "查找" }).click();
  await clerk.getByTestId("use-applicant").click();
  await clerk.getByLabel("事项名称").fill("经营许可补办");
  await clerk.getByRole("button", { name: "查找" }).click();
  await clerk.getByTestId("item-choices").getByRole("link", { name: "食品(含保健食品)经营许可补办" }).click();
  await clerk.getByLabel("申请内容").fill("许可证遗失，现场申请补办并当场审批");
  await fillItemFields(clerk);
  await clerk.getByRole("button", { name: "保存，下一步核收材料" }).click();
  await clerk.waitForURL(/\/office\/window\/applications\//);
  for (const m of ["申请表", "申请人身份证明（居民身份证或营业执照）", "授权委托书及受托人身份证明"]) await upload(clerk, m, `instant-${m.length}.pdf`);
  await submit(clerk);
  await decide(clerk, ["申请表", "申请人身份证明（居民身份证或营业执照）", "授权委托书及受托人身份证明"], /^受理$/);
  await expect(clerk.getByTestId("state")).toHaveText("已受理");

  // Right after acceptance, on the same page: the delegation is named, and the clerk approves.
  await expect(clerk.getByTestId("authority")).toHaveText(`依据授权书 ${number}`);
  await expectNoAxeViolations(clerk);
  const form = clerk.getByTestId("decide-form");
  await form.getByLabel("决定").selectOption("APPROVE");
  await form.getByRole("button", { name: "作出决定" }).click();
  await expect(clerk.getByTestId("state")).toHaveText("准予许可，待制证");
  await expect(clerk.getByTestId("decision-record")).toContainText(number);
  await clerk.getByTestId("decision-letter-link").click();
  await expect(clerk.getByTestId("decision-letter")).toContainText("准予行政许可决定书");
  await expect(clerk.getByTestId("decision-authority")).toContainText(number);
  await expectNoAxeViolations(clerk);
  await clerk.context().close();
});

test("a reviewer and a chief carry a promised item through an expert-review suspension to approval; a supervisor reads the trail", async ({ page, browser }) => {
  // The director delegates the section's promised items to its chiefs.
  const director = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const directorPage = await director.newPage();
  await login(directorPage, "DIRECTOR");
  const delegation = await grant(directorPage, "全体科长", { section: "市场准入审批科", scope: "即办件和承诺件" });
  await director.close();

  // An online filing, accepted at the window.
  await login(page, "APPLICANT");
  await startOnline(page, METROLOGY, "新建计量标准器具核准");
  for (const [i, m] of FIVE.entries()) await upload(page, m, `metrology-${i + 1}.pdf`);
  const number = await submit(page);
  const clerk = await clerkPage(browser);
  await openFromQueue(clerk, number);
  await decide(clerk, FIVE, /^受理$/);
  await expect(clerk.getByTestId("state")).toHaveText("已受理");
  await clerk.context().close();

  // The reviewer finds it in the section queue, suspends for expert review, resumes, reviews.
  const reviewerContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const reviewer = await reviewerContext.newPage();
  await login(reviewer, "REVIEWER");
  await expect(reviewer.getByTestId("section-queue")).toBeVisible();
  await expectNoAxeViolations(reviewer);
  await reviewer.getByTestId("section-queue").getByRole("link", { name: number }).click();
  await expect(reviewer.getByTestId("case-clock")).toBeVisible();
  const statutoryBefore = await reviewer.getByTestId("case-statutory-due").textContent();
  await expectNoAxeViolations(reviewer);
  const suspend = reviewer.getByTestId("suspend-form");
  await suspend.getByLabel("挂起事由（依法不计入期限）").selectOption({ label: "专家评审" });
  await suspend.getByLabel("说明").fill("组织计量专家评审");
  await suspend.getByRole("button", { name: "挂起（暂停计时）" }).click();
  await expect(reviewer.getByText("正在挂起：计时暂停")).toBeVisible();
  await expect(reviewer.getByTestId("clock-ledger")).toContainText("专家评审");
  await expect(reviewer.getByTestId("review-form")).toHaveCount(0); // nothing is reviewed while suspended
  await expectNoAxeViolations(reviewer);
  await reviewer.getByTestId("resume-form").getByRole("button", { name: "结束挂起，恢复计时" }).click();
  await expect(reviewer.getByText("正在挂起：计时暂停")).toHaveCount(0);
  await expect(reviewer.getByTestId("case-statutory-due")).toHaveText(statutoryBefore!); // same day: no working day stopped
  const review = reviewer.getByTestId("review-form");
  await review.getByLabel("审查结论").selectOption("APPROVE");
  await review.getByLabel("审查意见").fill("经专家评审，计量标准器具符合要求，建议准予许可。");
  await review.getByRole("button", { name: "记录审查意见" }).click();
  await expect(reviewer.getByTestId("state")).toHaveText("已审查，待决定");
  await reviewerContext.close();

  // The chief decides under the delegation.
  const chiefContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const chief = await chiefContext.newPage();
  await login(chief, "CHIEF");
  await chief.goto("/office/approve");
  await expectNoAxeViolations(chief);
  await chief.getByTestId("decision-queue").getByRole("link", { name: number }).click();
  await expect(chief.getByTestId("authority")).toHaveText(`依据授权书 ${delegation}`);
  await expect(chief.getByTestId("opinions")).toContainText("建议准予许可");
  const form = chief.getByTestId("decide-form");
  await form.getByLabel("决定").selectOption("APPROVE");
  await form.getByLabel(/^理由/).fill("符合《计量法》规定的条件。");
  await form.getByRole("button", { name: "作出决定" }).click();
  await expect(chief.getByTestId("state")).toHaveText("准予许可，待制证");
  await expect(chief.getByTestId("decision-record")).toContainText(delegation);
  await expectNoAxeViolations(chief);
  const pdf = await chief.request.get(chief.url().replace(/\/office\/cases\/(.+)$/, "/applications/$1/decision.pdf"));
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await chiefContext.close();

  // The applicant sees the approval; the supervisor reads the whole trail in order and verifies it.
  await page.goto("/my/messages");
  await expect(page.getByTestId("messages")).toContainText(`您的申请（${number}，计量标准器具核准新建）已准予许可`);
  // The message about this application (other tests' applications of the same applicant arrive too).
  await page.getByTestId("messages").locator("li", { hasText: `已准予许可` }).filter({ hasText: number }).getByRole("link").first().click();
  await page.getByTestId("my-decision-letter").click();
  await expect(page.getByTestId("decision-letter")).toContainText("准予行政许可决定书");
  await expectNoAxeViolations(page);
  const supervisorContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const supervisor = await supervisorContext.newPage();
  await login(supervisor, "SUPERVISOR");
  await supervisor.getByLabel("办件编号").fill(number);
  await supervisor.getByRole("button", { name: "查看该办件全程记录" }).click();
  const trail = supervisor.getByTestId("audit-trail");
  // The search is a page load: wait for this case's trail before reading it.
  await expect(supervisor).toHaveURL(/number=/);
  await expect(trail.locator("tbody tr td:nth-child(4) span.font-mono", { hasText: "application.APPROVE" })).toBeVisible();
  const actions = await trail.locator("tbody tr td:nth-child(4) span.font-mono").allTextContents();
  expect(actions).toEqual(
    expect.arrayContaining(["application.created", "application.SUBMIT", "application.ACCEPT", "clock.suspended", "clock.resumed", "application.RECORD_REVIEW", "application.APPROVE"]),
  );
  expect(actions.indexOf("clock.suspended")).toBeLessThan(actions.indexOf("application.APPROVE"));
  await expect(trail.locator("tr", { hasText: "application.APPROVE" })).toContainText(delegation);
  await expectNoAxeViolations(supervisor);
  await supervisor.getByRole("button", { name: "校验留痕链" }).click();
  await expect(supervisor.getByTestId("chain-verdict")).toContainText("留痕链完整");
  await expectNoAxeViolations(supervisor);
  await supervisorContext.close();
});
