// 投诉 through the pages: an anonymous complainant files with a phone number and a photo, gets a
// number, finds the complaint again by number and the phone's last four digits; the supervisor
// presses and assigns it, the section's chief reports the findings, the supervisor answers; the
// complainant sees the answer and gives their satisfaction, which closes it. Every new page is
// axe-scanned in Chinese and English, in normal and large-text mode.
import { expect, test } from "@playwright/test";
import { demoAccountOf } from "../factories/demo-accounts";
import { withDb } from "./db";
import { expectNoAxeViolations, login } from "./fixtures";

// Each journey scans its pages in both languages and both text sizes: longer than the default limit.
test.describe.configure({ timeout: 480_000 });

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("e2e complaint photo")]);

test("an anonymous complaint gets a number, moves through the stages, is followed by number, and its satisfaction is recorded", async ({ browser }) => {
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const complainant = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await complainant.goto("/");
  await complainant.getByRole("link", { name: "投诉", exact: true }).first().click();
  await expect(complainant.getByRole("heading", { name: "投诉", exact: true })).toBeVisible();
  await expectNoAxeViolations(complainant, { everyMode: true });
  const form = complainant.getByTestId("complaint-form");
  await form.getByLabel("投诉类别").selectOption({ label: "服务态度" });
  await form.getByLabel("投诉内容").fill("12 月 1 日上午在 3 号窗口办理时，工作人员拒绝解释材料要求");
  // No phone number: refused, and what was typed stays.
  await form.getByRole("button", { name: "提交投诉" }).click();
  await expect(form).toContainText("请填写正确的手机号码");
  await expect(form.getByLabel("投诉内容")).toHaveValue("12 月 1 日上午在 3 号窗口办理时，工作人员拒绝解释材料要求");
  await form.getByLabel("手机号码").fill(phone);
  await form.getByLabel("附件（可选）").setInputFiles({ name: "现场照片.png", mimeType: "image/png", buffer: PNG });
  await form.getByRole("button", { name: "提交投诉" }).click();
  const number = (await complainant.getByTestId("complaint-number").textContent())!.trim();
  expect(number).toMatch(/^TS\d{8}-\d{4}$/);

  // Found again by number and the phone's last four digits (a wrong tail finds nothing).
  await complainant.goto("/complaints");
  const find = complainant.getByTestId("find-complaint");
  await find.getByLabel("投诉编号").fill(number);
  await find.getByLabel("手机号码后四位").fill(phone.slice(-4) === "0000" ? "1111" : "0000");
  await find.getByRole("button", { name: "查询" }).click();
  await expect(find).toContainText("未找到");
  await find.getByLabel("手机号码后四位").fill(phone.slice(-4));
  await find.getByRole("button", { name: "查询" }).click();
  await expect(complainant.getByTestId("complaint-stage")).toHaveText("已登记");
  const progressUrl = complainant.url();
  expect(progressUrl).toContain(`/complaints/${number}?k=`);
  await expectNoAxeViolations(complainant, { everyMode: true });

  // The supervisor presses it, then assigns it to the demo chief's section.
  const section = await withDb(async (db) => (await db.query<{ name: string }>(`SELECT s.name FROM "User" u JOIN "Section" s ON s.id = u."sectionId" WHERE u."loginId" = $1`, [demoAccountOf("CHIEF").loginId])).rows[0].name);
  const supervisor = await (await browser.newContext()).newPage();
  await login(supervisor, "SUPERVISOR");
  await supervisor.goto("/office/complaints");
  const row = supervisor.getByTestId(`complaint-${number}`);
  await expect(row).toContainText("已登记");
  await expectNoAxeViolations(supervisor, { everyMode: true });
  await row.getByRole("link", { name: number }).click();
  await expect(supervisor.getByRole("link", { name: "现场照片.png" })).toBeVisible();
  await supervisor.getByTestId("press-complaint").getByLabel("督办要求").fill("请今日内交办");
  await supervisor.getByTestId("press-complaint").getByRole("button", { name: "督办" }).click();
  await expect(supervisor.getByTestId("complaint-steps")).toContainText("请今日内交办");
  await expect(supervisor.getByTestId("press-complaint")).toHaveCount(0);
  const assign = supervisor.getByTestId("assign-complaint");
  await assign.getByLabel("承办科室").selectOption({ label: section });
  await assign.getByLabel("交办意见（可选）").fill("请调取监控核实");
  await assign.getByRole("button", { name: "交办" }).click();
  await expect(supervisor.getByTestId("complaint-stage")).toContainText("已交办");
  await expectNoAxeViolations(supervisor, { everyMode: true });

  // The section's chief reports what was found and done.
  const chief = await (await browser.newContext()).newPage();
  await login(chief, "CHIEF");
  await chief.goto("/office/complaints");
  await chief.getByTestId(`complaint-${number}`).getByRole("link", { name: number }).click();
  const handle = chief.getByTestId("handle-complaint");
  await handle.getByLabel("核查和处理情况").fill("经调取监控核实属实，已对窗口人员批评教育，并在窗口张贴材料说明");
  await handle.getByRole("button", { name: "报送处理情况" }).click();
  await expect(chief.getByTestId("complaint-stage")).toContainText("已处理");

  // The supervisor answers the complainant.
  await supervisor.reload();
  const answer = supervisor.getByTestId("answer-complaint");
  await answer.getByLabel("答复内容").fill("您反映的问题经核实属实，已对相关人员批评教育，并在窗口张贴了材料说明。感谢您的监督。");
  await answer.getByRole("button", { name: "答复投诉人" }).click();
  await expect(supervisor.getByTestId("complaint-stage")).toContainText("已答复");

  // The complainant sees the answer and gives their satisfaction; the complaint is closed.
  await complainant.goto(progressUrl);
  await expect(complainant.getByTestId("complaint-answer")).toContainText("已对相关人员批评教育");
  await expect(complainant.getByTestId("complaint-steps")).not.toContainText("请今日内交办");
  // The form says what "unsatisfied" would do: send it back to be handled once more (不满意重办).
  await expect(complainant.getByText("投诉将退回承办科室重新办理一次")).toBeVisible();
  await expectNoAxeViolations(complainant, { everyMode: true });
  const satisfaction = complainant.getByTestId("complaint-satisfaction");
  await satisfaction.getByLabel("满意度").selectOption({ label: "满意" });
  await satisfaction.getByRole("button", { name: "提交评价" }).click();
  await expect(complainant.getByText("您的评价：满意")).toBeVisible();
  await expect(complainant.getByTestId("complaint-stage")).toHaveText("已办结");
  const rows = await withDb(async (db) => (await db.query(`SELECT stage, satisfaction, "complainantId" FROM "Complaint" WHERE number = $1`, [number])).rows);
  expect(rows).toEqual([{ stage: "CLOSED", satisfaction: "SATISFIED", complainantId: null }]);
  await supervisor.reload();
  await expect(supervisor.getByTestId("complaint-satisfaction-given")).toContainText("满意");
});
