// Filing and intake end to end: online filing accepted with a receipt, a correction notice that is
// fixed and accepted, and a walk-in filed and accepted at the window. Every page is axe-scanned.
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../factories/demo-accounts";
import { makeResidentId } from "../factories/identities";
import { pdfText } from "../support/decode";
import { expectNoAxeViolations, login } from "./fixtures";
import { clerkPage, decide, fillItemFields, openFromQueue, startOnline, submit, upload } from "./filing";

const RENEWAL = "511A0005200008-511602000000-000-115113016823646795-1-00"; // 食品(含保健食品)经营许可延续, 5 materials
const REISSUE = "511A0005200006-511602000000-000-115113016823646795-1-00"; // 食品(含保健食品)经营许可补办, 3 materials
const ENTERPRISE = DEMO_ACCOUNTS.find((a) => a.applicant?.applicantType === "ENTERPRISE")!;

test("an applicant files online; the clerk accepts it and prints the receipt; the public lookup shows it", async ({ page, browser }) => {
  await login(page, "APPLICANT");
  await startOnline(page, RENEWAL, "食品经营许可证到期延续，经营场所和项目不变");
  await expectNoAxeViolations(page);
  const materials = ["申请表", "申请人身份证明（居民身份证或营业执照）", "符合许可条件的证明材料", "其他相关证明材料", "授权委托书及受托人身份证明"];
  for (const [i, m] of materials.entries()) await upload(page, m, `renewal-${i + 1}.pdf`);
  const number = await submit(page);
  expect(number).toMatch(/^511602-\d{8}-\d{5}$/);
  const applicationPath = new URL(page.url()).pathname;
  const fileHref = (await page.getByTestId("materials").getByRole("link", { name: "renewal-1.pdf" }).getAttribute("href"))!;
  // A double click on the submit button does not make a second application.
  await page.goto("/my");
  await expect(page.getByTestId("my-applications").getByRole("link", { name: number })).toHaveCount(1);
  await expectNoAxeViolations(page);

  const clerk = await clerkPage(browser);
  await openFromQueue(clerk, number);
  await decide(clerk, materials, /^受理$/);
  await expect(clerk.getByTestId("state")).toHaveText("已受理");
  await expect(clerk.getByTestId("promised-due")).toContainText("10 个工作日");
  const promisedDue = (await clerk.getByTestId("promised-due").textContent())!.slice(0, 10);
  await expectNoAxeViolations(clerk);
  await clerk.getByTestId("receipt-link").click();
  await expect(clerk.getByTestId("receipt-number")).toHaveText(number);
  await expect(clerk.getByTestId("receipt")).toContainText(promisedDue);
  // Under the seal: its 文号, where it is verified, and the seal itself.
  await expect(clerk.getByTestId("receipt")).toContainText(/文号：广安审批受〔\d{4}〕\d+号；文书验真：/);
  await expect(clerk.getByTestId("receipt-seal")).toBeVisible();
  await expectNoAxeViolations(clerk);
  const pdf = await clerk.request.get(clerk.url().replace(/\/receipt$/, "/receipt.pdf"));
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = await pdfText(await pdf.body());
  expect(text).toContain("受理通知书");
  expect(text).toContain(number);
  expect(text).toContain(promisedDue);
  await clerk.context().close();

  // The applicant sees the acceptance, the receipt and the message.
  await page.getByTestId("my-applications").getByRole("link", { name: number }).click();
  await expect(page.getByTestId("state")).toHaveText("已受理");
  await expect(page.getByTestId("receipt-pdf-link")).toBeVisible();
  await expect(page.getByTestId("timeline")).toContainText("窗口受理");
  await expectNoAxeViolations(page);
  await page.goto("/my/messages");
  await expect(page.getByTestId("messages")).toContainText(`您的申请（${number}，食品(含保健食品)经营许可延续）已受理`);
  await expectNoAxeViolations(page);

  // Public lookup: the right tail shows state and dates, a wrong one nothing.
  const tail = DEMO_ACCOUNTS[0].loginId.slice(-4);
  const anonymousContext = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const anonymous = await anonymousContext.newPage();
  await anonymous.goto("/progress");
  await anonymous.getByLabel("办件编号").fill(number);
  await anonymous.getByLabel("证件号码后四位").fill(tail === "0000" ? "1111" : "0000");
  await anonymous.getByRole("button", { name: "查询" }).click();
  await expect(anonymous.getByText("没有找到匹配的办件")).toBeVisible();
  await anonymous.getByLabel("证件号码后四位").fill(tail);
  await anonymous.getByRole("button", { name: "查询" }).click();
  await expect(anonymous.getByTestId("progress-state")).toHaveText("已受理");
  await expect(anonymous.getByTestId("progress-result")).toContainText(promisedDue);
  await expect(anonymous.getByTestId("progress-result")).not.toContainText("张小民");
  await expectNoAxeViolations(anonymous);

  // Another applicant reaches none of it by URL: page, receipt, PDF or file.
  await login(anonymous, "APPLICANT", undefined, ENTERPRISE.loginId);
  const receiptPath = `${applicationPath.replace("/my/applications/", "/applications/")}/receipt`;
  for (const url of [applicationPath, receiptPath, `${receiptPath}.pdf`, fileHref]) {
    const response = await anonymous.request.get(url);
    expect(response.status(), url).toBe(404);
  }
  await anonymousContext.close();
});

test("a filing with missing materials gets one correction notice, is fixed and accepted", async ({ page, browser }) => {
  await login(page, "APPLICANT", undefined, ENTERPRISE.loginId);
  // Filed by an agent for the enterprise: the authorisation letter is asked for.
  await startOnline(page, REISSUE, "许可证遗失，申请补办", { byAgent: true });
  await upload(page, "申请表", "reissue-form.pdf");
  const number = await submit(page);

  const clerk = await clerkPage(browser);
  await openFromQueue(clerk, number);
  // 容缺受理 is not offered while a core material is unticked.
  await expect(clerk.getByRole("radio", { name: /容缺受理/ })).toBeDisabled();
  await expect(clerk.getByTestId("deficiency-blocked")).toBeVisible();
  await decide(clerk, ["申请表"], /一次性告知/, { "申请人身份证明（居民身份证或营业执照）": "缺少营业执照副本复印件" });
  await expect(clerk.getByTestId("state")).toHaveText("待补正");
  await expect(clerk.getByTestId("correction-notice")).toContainText("缺少营业执照副本复印件");
  await expect(clerk.getByTestId("correction-notice")).toContainText("授权委托书及受托人身份证明");

  await page.reload();
  await expect(page.getByTestId("state")).toHaveText("待补正");
  await expect(page.getByTestId("correction-notice")).toContainText("缺少营业执照副本复印件");
  await expectNoAxeViolations(page);
  // The notice in writing, under the seal: its 文号, every item asked, and a signed PDF.
  await page.getByTestId("correction-notice-document").click();
  await expect(page.getByTestId("notice-number")).toHaveText(/广安审批补〔\d{4}〕\d+号/);
  await expect(page.getByTestId("notice-entries")).toContainText("缺少营业执照副本复印件");
  await expectNoAxeViolations(page);
  const noticePdf = await page.request.get((await page.getByTestId("notice-pdf").getAttribute("href"))!);
  expect(noticePdf.headers()["content-type"]).toBe("application/pdf");
  await page.goBack();
  await upload(page, "申请人身份证明（居民身份证或营业执照）", "licence-copy.pdf");
  // The authorisation letter was submitted before (as part of this filing's earlier uploads): reuse it.
  const reuse = page.getByTestId("reuse-授权委托书及受托人身份证明");
  await page.getByTestId("materials").locator("li", { has: reuse }).getByText(/使用以前提交过的文件（\d+ 个可选）/).click();
  await reuse.getByLabel(/或使用以前提交过的文件/).selectOption({ label: "licence-copy.pdf（申请人身份证明（居民身份证或营业执照））" });
  await reuse.getByRole("button", { name: "使用此文件" }).click();
  await expect(page.getByTestId("materials").getByRole("link", { name: "licence-copy.pdf" })).toHaveCount(2);
  await submit(page, "补正完毕，重新提交");

  await openFromQueue(clerk, number);
  await decide(clerk, ["申请表", "申请人身份证明（居民身份证或营业执照）", "授权委托书及受托人身份证明"], /^受理$/);
  await expect(clerk.getByTestId("state")).toHaveText("已受理");
  await expect(clerk.getByTestId("timeline")).toContainText("补正后重新提交");
  await clerk.context().close();
});

test("a walk-in is registered, filed and accepted at the window", async ({ page }) => {
  await login(page, "CLERK");
  await page.goto("/office/window/walk-in");
  await expectNoAxeViolations(page);
  const residentId = makeResidentId("19700101", 100 + Math.floor(Math.random() * 800));
  await page.getByLabel("居民身份证号或统一社会信用代码").fill(residentId);
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.getByText("未找到该申请人")).toBeVisible();
  await expectNoAxeViolations(page);
  // The ID was looked up in a POST: it is not in the address, and the registration form has it.
  expect(page.url()).not.toContain(residentId);
  await expect(page.getByLabel("居民身份证号", { exact: true })).toHaveValue(residentId);
  await page.getByLabel("姓名").fill("赵现场");
  await page.getByLabel("手机号码").fill("13900002222");
  await page.getByRole("button", { name: "登记并继续" }).click();
  await expect(page.getByText("申请人：赵现场")).toBeVisible();
  await page.getByLabel("事项名称").fill("经营许可补办");
  await page.getByRole("button", { name: "查找" }).click();
  await page.getByTestId("item-choices").getByRole("link", { name: "食品(含保健食品)经营许可补办" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel("申请内容").fill("许可证污损，现场申请补办");
  // The item's own question is required: leaving it empty is refused beside the field, nothing lost.
  await page.getByRole("button", { name: "保存，下一步核收材料" }).click();
  await expect(page.getByTestId("item-fields").getByText("此项必填。").first()).toBeVisible();
  await expect(page.getByLabel("申请内容")).toHaveValue("许可证污损，现场申请补办");
  await fillItemFields(page);
  await page.getByRole("button", { name: "保存，下一步核收材料" }).click();
  await page.waitForURL(/\/office\/window\/applications\//);
  await expectNoAxeViolations(page);
  // He came in person: the agent's authorisation is not applicable — no slot to fill, nothing to tick.
  for (const m of ["申请表", "申请人身份证明（居民身份证或营业执照）"]) await upload(page, m, `walkin-${m.length}.pdf`);
  const number = await submit(page);
  await expect(page.getByTestId("facts")).toContainText("窗口申报");
  // The clerk's work list finds it by the applicant's ID, without the ID in any URL.
  const filing = page.url();
  await page.goto("/office/window");
  await page.getByTestId("window-cases-link").click();
  await page.getByLabel("办件编号、申请人姓名、事项名称或证件号码").fill(residentId);
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.getByTestId("window-cases-searching")).toContainText("申请人：赵现场");
  expect(page.url()).not.toContain(residentId);
  const row = page.getByTestId("window-cases").getByRole("row").filter({ hasText: number });
  await expect(row).toContainText("待受理");
  await expect(page.getByTestId("window-cases-counts")).toContainText("待受理 1 件");
  await expectNoAxeViolations(page);
  await page.goto(filing);
  await expect(page.getByTestId("intake-form")).toContainText("不适用（仅委托他人办理时提供）");
  await decide(page, ["申请表", "申请人身份证明（居民身份证或营业执照）"], /^受理$/);
  await expect(page.getByTestId("state")).toHaveText("已受理");
  await page.getByTestId("receipt-link").click();
  await expect(page.getByTestId("receipt-number")).toHaveText(number);
  await expect(page.getByTestId("receipt")).toContainText("赵现场");
  await expectNoAxeViolations(page);
});
