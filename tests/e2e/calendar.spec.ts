// The clock across the year end, as applicant and administrator see it: a case whose dates reach
// into the year after the last official one says they are provisional, on its page, its receipt
// and the receipt PDF, in Chinese and in English; the administrator sees the provisional year and
// a preview of what loading its notice would move.
import { expect, test } from "@playwright/test";
import { pdfText } from "../support/decode";
import { insertCase, lastOfficialYear } from "./db";
import { expectNoAxeViolations, login } from "./fixtures";

const REISSUE = "511A0005200006-511602000000-000-115113016823646795-1-00"; // 食品(含保健食品)经营许可补办

/**
 * An application accepted at the end of the last official year, its statutory date in the next
 * (provisional) one — the browser cannot set the clock back.
 */
async function caseIntoProvisionalYear() {
  const last = await lastOfficialYear();
  const statutoryDue = `${last + 1}-01-27`;
  const { id, number } = await insertCase({ itemCode: REISSUE, state: "ACCEPTED", acceptedAt: `${last}-12-30T02:00:00Z`, promisedDue: `${last + 1}-01-06`, statutoryDue, subject: "食品经营许可证遗失补办" });
  return { id, number, last, statutoryDue };
}

test("a receipt whose dates reach into a year without its notice says they are provisional, in Chinese and in English", async ({ page }) => {
  const c = await caseIntoProvisionalYear();
  await login(page, "APPLICANT");

  await page.goto(`/my/applications/${c.id}`);
  await expect(page.getByTestId("statutory-due")).toContainText(c.statutoryDue);
  await expect(page.getByTestId("statutory-due").getByTestId("provisional")).toContainText("暂定");
  await expect(page.getByTestId("promised-due").getByTestId("provisional")).toContainText("暂定");
  await expectNoAxeViolations(page);

  await page.goto(`/applications/${c.id}/receipt`);
  await expect(page.getByTestId("receipt")).toContainText(`${c.statutoryDue}（暂定）`);
  await expect(page.getByTestId("receipt-provisional-note")).toContainText("《全国年节及纪念日放假办法》推算");
  await expect(page.getByTestId("provisional-notice")).toContainText("标“暂定”的日期");
  await expectNoAxeViolations(page);
  const pdf = await page.request.get(`/applications/${c.id}/receipt.pdf`);
  const text = (await pdfText(await pdf.body())).replace(/\s+/g, "");
  expect(text).toContain(`${c.statutoryDue}（暂定）`);
  expect(text).toContain("全国年节及纪念日放假办法");
  // One document, two renderings: every label and value the page shows, the PDF shows too.
  const rows = await page.getByTestId("receipt-rows").locator("tr").evaluateAll((trs) => trs.map((tr) => [tr.querySelector("th")!.textContent!, tr.querySelector("td")!.textContent!]));
  expect(rows.map(([label]) => label)).toEqual(["办件编号", "申请事项", "申请内容", "受理时间", "承诺办结日期", "法定办结日期"]);
  for (const [label, value] of rows) {
    expect(text, label).toContain(label);
    expect(text, label).toContain(value.replace(/\s+/g, ""));
  }

  // In English: the page around the (always Chinese) document explains it, and the marks read "provisional".
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("provisional-notice")).toContainText("marked 暂定 (provisional)");
  await expect(page.getByTestId("receipt")).toContainText(`${c.statutoryDue}（暂定）`);
  await expectNoAxeViolations(page);
  await page.goto(`/my/applications/${c.id}`);
  await expect(page.getByTestId("statutory-due").getByTestId("provisional")).toContainText("provisional");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "简体中文" }).click();
  await expect(page.getByTestId("statutory-due").getByTestId("provisional")).toContainText("暂定");
});

test("the administrator sees the provisional year and a preview of what loading its notice moves", async ({ page }) => {
  const c = await caseIntoProvisionalYear();
  await login(page, "ADMIN");
  await page.goto("/office/admin/calendar");
  const next = c.last + 1;
  await expect(page.getByTestId("calendar-years")).toContainText(`${next}`);
  await expect(page.getByTestId("calendar-years")).toContainText("按放假办法推算（暂定）");
  await expect(page.getByTestId("provisional-days")).toContainText(`${next}-01-01`);
  await expectNoAxeViolations(page);

  // A notice that makes the first Monday after New Year's Day a bridging day off moves this case's dates.
  await page.getByLabel("年度", { exact: true }).fill(String(next));
  const provisionalDays = (await page.getByTestId("provisional-days").textContent())!.split("、");
  const firstMonday = [2, 3, 4, 5, 6, 7, 8].map((d) => `${next}-01-0${d}`).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)!;
  await page.getByLabel("放假日期").fill([...provisionalDays, firstMonday].join("\n"));
  await page.getByLabel(/依据/).fill("测试用通知（仅预览，不载入）");
  await page.getByRole("button", { name: "预览影响" }).click();
  await expect(page.getByTestId("calendar-preview")).toBeVisible();
  await expect(page.getByTestId("calendar-preview")).toContainText(c.number);
  await expect(page.getByRole("button", { name: "确认载入" })).toBeVisible();
  await expectNoAxeViolations(page);
  // Editing after the preview asks for a new preview before anything can be loaded.
  await page.getByLabel(/依据/).fill("测试用通知（已修改）");
  await expect(page.getByRole("button", { name: "预览影响" })).toBeVisible();
});
