// The queues in the browser: counts above the list, filters that stay in the URL, the director's
// view of every open case, the window's intake queue newest first — and each page passes axe.
import { expect, test } from "@playwright/test";
import { insertCase } from "./db";
import { expectNoAxeViolations, login } from "./fixtures";

const METROLOGY = "511A0041000003-511602000000-000-115113016823646795-1-00"; // promised, section S01
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test("the director sees every open case with counts; the overdue filter keeps only overdue cases", async ({ page }) => {
  const late = await insertCase({ itemCode: METROLOGY, state: "ACCEPTED", acceptedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(), promisedDue: inDays(-10), statutoryDue: inDays(-2), subject: "逾期的计量标准核准" });
  await login(page, "DIRECTOR");
  await page.getByTestId("director-cases-link").click();
  await expect(page.getByTestId("director-queue-counts")).toContainText(/已超期 \d+ 件/);
  await expectNoAxeViolations(page);
  await page.getByTestId("director-queue-counts").locator('[data-count="overdue"]').click();
  await expect(page).toHaveURL(/mark=overdue/);
  await expect(page.getByTestId("director-queue")).toContainText(late.number);
  const marks = await page.getByTestId("director-queue").locator("tbody tr td:first-child").allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks) expect(m).toContain("已超期");
  // The number filter finds the case by the start of its number.
  await page.getByLabel("办件编号（可只输前几位）").fill(late.number!);
  await page.getByTestId("director-queue-filter").getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("director-queue").locator("tbody tr")).toHaveCount(1);
});

test("the window's intake queue shows its counts and can put the newest filing first", async ({ page }) => {
  await login(page, "CLERK");
  await expect(page.getByTestId("intake-counts")).toContainText(/待受理 \d+ 件/);
  await page.getByLabel("排序").selectOption("newest");
  await page.getByTestId("intake-filter").getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/order=newest/);
  await expectNoAxeViolations(page);
});
