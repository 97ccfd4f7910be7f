// The clock across the year end, as applicant and administrator see it: a case whose dates reach
// into the year after the last official one says they are provisional, on its page, its receipt
// and the receipt PDF, in Chinese and in English; the administrator sees the provisional year and
// a preview of what loading its notice would move.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { demoAccountOf } from "../factories/demo-accounts";
import { pdfText } from "../support/decode";
import { expectNoAxeViolations, login } from "./fixtures";

const REISSUE = "511A0005200006-511602000000-000-115113016823646795-1-00"; // 食品(含保健食品)经营许可补办

/**
 * An application accepted at the end of the last official year, its statutory date in the next
 * (provisional) one — written straight into the e2e database, since the browser cannot set the
 * clock back. What it shows is computed by the portal from the stored dates and its calendar.
 */
async function caseIntoProvisionalYear() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ last: number }>(`SELECT max(year) AS last FROM "HolidayCalendarYear"`);
    const last = rows[0].last;
    const id = `e2e${randomUUID().replace(/-/g, "").slice(0, 20)}`;
    const number = `511602-${last}1231-9${String(Math.floor(Math.random() * 10000)).padStart(4, "0")}`;
    await client.query(
      `INSERT INTO "Application" (id, number, "submissionKey", "applicantId", "filedById", channel, "itemId", "itemVersionId", state, subject, "contactName", "contactPhone",
         "submittedAt", "acceptedAt", "acceptedById", "promisedDue", "statutoryDue", "updatedAt")
       SELECT $1, $2, $3, u.id, u.id, 'ONLINE', i.id, i."currentVersionId", 'ACCEPTED', '食品经营许可证遗失补办', '张小民', '13800001234',
         $4::timestamptz, $4::timestamptz, c.id, $5::date, $6::date, now()
       FROM "Item" i, "User" u, "User" c WHERE i."implementationCode" = $7 AND u."loginId" = $8 AND c."loginId" = $9`,
      [id, number, randomUUID(), `${last}-12-30T02:00:00Z`, `${last + 1}-01-06`, `${last + 1}-01-27`, REISSUE, demoAccountOf("APPLICANT").loginId, demoAccountOf("CLERK").loginId],
    );
    return { id, number, last, statutoryDue: `${last + 1}-01-27` };
  } finally {
    await client.end();
  }
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
