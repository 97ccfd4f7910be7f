// Electronic supervision through the pages: the worker records a red card on an overdue case; the
// supervisor issues a supervision notice (督办) on it; the section chief the card names answers it,
// which closes the card; the administrator sees the job queue; a person chooses e-mail for notices.
// Every page is axe-scanned (and checked for Chinese left in English mode).
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../factories/demo-accounts";
import { cardsRecordedFor, insertCase } from "./db";
import { expectNoAxeViolations, login } from "./fixtures";

const METROLOGY = "511A0041000003-511602000000-000-115113016823646795-1-00"; // 计量标准器具核准新建: promised, S01
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

test("an overdue case gets a red card; the supervisor presses, the chief answers, the card closes", async ({ browser }) => {
  const c = await insertCase({ itemCode: METROLOGY, state: "ACCEPTED", acceptedAt: daysAgo(40), promisedDue: daysAgo(10).slice(0, 10), statutoryDue: daysAgo(2).slice(0, 10), subject: "逾期办件" });
  const cards = await cardsRecordedFor(c.id);
  expect(cards).toEqual(expect.arrayContaining([{ kind: "PROMISED", colour: "RED" }, { kind: "STATUTORY", colour: "RED" }]));

  const supervisor = await (await browser.newContext()).newPage();
  await login(supervisor, "SUPERVISOR");
  await supervisor.goto("/office/cards?colour=RED");
  const row = supervisor.getByTestId(`card-${c.number}-PROMISED`);
  await expect(row).toContainText("红牌");
  await expect(row).toContainText("钱科长");
  await expectNoAxeViolations(supervisor);
  await row.getByLabel("督办要求").fill("请于今日内作出决定并说明逾期原因");
  await row.getByRole("button", { name: "发出督办" }).click();
  await expect(supervisor.getByTestId(`card-${c.number}-PROMISED`)).toContainText("请于今日内作出决定并说明逾期原因");
  await expect(supervisor.getByTestId(`card-${c.number}-PROMISED`).getByRole("button", { name: "发出督办" })).toHaveCount(0);

  const chief = await (await browser.newContext()).newPage();
  await login(chief, "CHIEF");
  await chief.goto("/office/cards");
  const mine = chief.getByTestId(`card-${c.number}-PROMISED`);
  await expect(mine).toContainText("请于今日内作出决定并说明逾期原因");
  await expectNoAxeViolations(chief);
  await mine.getByLabel("答复内容").fill("专家评审意见已于昨日送达，今日作出决定");
  await mine.getByRole("button", { name: "答复督办" }).click();
  await expect(chief.getByTestId(`card-${c.number}-PROMISED`)).toHaveCount(0);
  await chief.goto("/office/cards?closed=1");
  await expect(chief.getByTestId(`card-${c.number}-PROMISED`)).toContainText("专家评审意见已于昨日送达，今日作出决定");
  await expectNoAxeViolations(chief);
  // The case file shows its cards and the notice with its answer.
  await chief.goto(`/office/cases/${c.id}`);
  await expect(chief.getByTestId("case-cards")).toContainText("请于今日内作出决定并说明逾期原因");
  await expect(chief.getByTestId("case-cards")).toContainText("专家评审意见已于昨日送达，今日作出决定");
  await expectNoAxeViolations(chief);
});

test("the administrator sees the job queue and the outbox", async ({ page }) => {
  await login(page, "ADMIN");
  await page.goto("/office/admin");
  await page.getByTestId("jobs-link").click();
  await expect(page.getByRole("heading", { name: "后台任务" })).toBeVisible();
  await expect(page.getByTestId("outbox-counts")).toContainText("已发送");
  await page.getByTestId("jobs-tab-failed").click();
  await expect(page).toHaveURL(/status=failed/);
  await expectNoAxeViolations(page);
});

test("a person chooses e-mail for notices, with an address; without one it is refused and nothing typed is lost", async ({ page }) => {
  await login(page, "APPLICANT", undefined, DEMO_ACCOUNTS[1].loginId); // the demo enterprise
  await page.getByTestId("notifications-link").click();
  const form = page.getByTestId("notification-preferences");
  await expect(form.getByLabel(/短信/)).toBeChecked();
  await form.getByLabel("电子邮件", { exact: true }).check();
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form).toContainText("选择电子邮件时请填写邮箱地址");
  await expect(form.getByLabel("电子邮件", { exact: true })).toBeChecked();
  await form.getByLabel("电子邮箱地址").fill("li.jingli@example.cn");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form).toContainText("已保存");
  await page.reload();
  await expect(page.getByTestId("notification-preferences").getByLabel("电子邮箱地址")).toHaveValue("li.jingli@example.cn");
  await expectNoAxeViolations(page);
});
