// The supervision figures in the browser: the director finds the dashboard in the navigation, reads a
// day with a case decided today (item, section and decider by name), charts drawn on the server with
// a table beside each and no chart code sent, CSV with a byte-order mark; a clerk is kept out; anyone
// reads the public statistics as a page, CSV and JSON, with no one's name in them. 好差评 and
// complaints: the dashboard's tables by section, item, window and member of staff (by name) and by
// stage; the public ones month by month and by section, with no name and no window. Each page passes
// the axe scan in Chinese and in English.
import { expect, test } from "@playwright/test";
import { demoAccountOf } from "../factories/demo-accounts";
import { insertCase, withDb } from "./db";
import { expectNoAxeViolations, login } from "./fixtures";

const REISSUE = "511A0005200006-511602000000-000-115113016823646795-1-00"; // 食品(含保健食品)经营许可补办: instant, S01
const BOM = [0xef, 0xbb, 0xbf];
const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });
const RATED_WINDOW = "综合受理 9 号窗口（浏览器测试）";

/** A bad rating of the case's window visit today, tied to the clerk who accepted it, its follow-up already answered (no card opens). */
async function insertAnsweredBadRating(applicationId: string) {
  await withDb(async (db) => {
    await db.query(
      `INSERT INTO "Rating" (id, "serviceKey", service, "applicationId", "itemVersionId", channel, "staffId", "window", level, "createdAt")
       SELECT 'e2e-rating-' || a.id, a.id || ':VISIT:E2E', 'WINDOW', a.id, a."itemVersionId", 'WINDOW_DEVICE', a."acceptedById", $2, 'UNSATISFIED', now()
       FROM "Application" a WHERE a.id = $1`,
      [applicationId, RATED_WINDOW],
    );
    await db.query(
      `INSERT INTO "RatingFollowUp" (id, "ratingId", "sectionId", "dueOn", "verifiedAt", answer, "answeredAt")
       SELECT 'e2e-follow-up-' || a.id, 'e2e-rating-' || a.id, i."sectionId", $2::date, now(), '已回访说明', now()
       FROM "Application" a JOIN "Item" i ON i.id = a."itemId" WHERE a.id = $1`,
      [applicationId, today()],
    );
  });
}

test("the director reads a day of supervision figures, with charts, tables and CSV", async ({ page }) => {
  const c = await insertCase({ itemCode: REISSUE, state: "ACCEPTED", acceptedAt: new Date().toISOString(), promisedDue: today(), statutoryDue: today(), subject: "统计浏览器测试" });
  await withDb((db) => db.query(`UPDATE "Application" SET state = 'AWAITING_SEAL', "decidedAt" = now(), "decidedById" = (SELECT id FROM "User" WHERE "loginId" = $2) WHERE id = $1`, [c.id, demoAccountOf("CLERK").loginId]));
  await insertAnsweredBadRating(c.id);
  // The chart library stays on the server: no script the browser loads carries it.
  const scripts: string[] = [];
  page.on("response", async (r) => {
    if (r.request().resourceType() === "script") scripts.push(await r.text().catch(() => ""));
  });

  await login(page, "DIRECTOR");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "监察统计" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("监察统计");
  await page.getByLabel("统计周期").selectOption("day");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/period=day/);
  await expect(page.getByTestId("dashboard-summary")).toContainText("办结（准予或不予许可）");
  await expect(page.getByTestId("by-item")).toContainText("食品(含保健食品)经营许可补办");
  await expect(page.getByTestId("by-staff")).toContainText(demoAccountOf("CLERK").name);
  for (const chart of ["trend-chart", "section-chart"]) {
    await expect(page.getByTestId(chart).locator("svg")).toHaveCount(1);
    await expect(page.getByTestId(chart).locator('[aria-hidden="true"] svg')).toHaveCount(1);
    await expect(page.getByTestId(chart).getByRole("table")).toBeVisible();
  }
  expect(scripts.filter((s) => /echarts|zrender/i.test(s))).toEqual([]);
  // 好差评 and complaints of the day: the rating names the clerk and the window; its follow-up was answered on time.
  await expect(page.getByTestId("rating-summary")).toContainText("差评整改按时率");
  await expect(page.getByRole("table", { name: "好差评：按科室" })).toBeVisible();
  await expect(page.getByTestId("rating-by-item")).toContainText("食品(含保健食品)经营许可补办");
  await expect(page.getByTestId("rating-by-window")).toContainText(RATED_WINDOW);
  await expect(page.getByTestId("rating-by-staff")).toContainText(demoAccountOf("CLERK").name);
  await expect(page.getByTestId("rating-by-staff").getByRole("columnheader", { name: "不满意", exact: true })).toBeVisible();
  await expect(page.getByTestId("complaints-by-section").getByRole("columnheader", { name: "已分派待办理" })).toBeVisible();
  await expectNoAxeViolations(page, { everyMode: true });

  const ratingCsv = await page.request.get(`/office/supervision/ratings.csv?period=day&on=${today()}&by=staff`);
  expect(ratingCsv.status()).toBe(200);
  expect([...(await ratingCsv.body()).subarray(0, 3)]).toEqual(BOM);
  expect((await ratingCsv.body()).toString("utf8")).toContain(demoAccountOf("CLERK").name);

  const csv = await page.request.get(`/office/supervision/dashboard.csv?period=day&on=${today()}&by=item`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual(BOM);
  expect(bytes.toString("utf8")).toContain("食品(含保健食品)经营许可补办");
});

test("a supervisor has the dashboard; a clerk is refused it and its CSV", async ({ page, browser }) => {
  await login(page, "SUPERVISOR");
  await page.goto("/office/supervision/dashboard?period=week");
  await expect(page.getByTestId("supervision-dashboard")).toBeVisible();
  const clerk = await (await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" })).newPage();
  await login(clerk, "CLERK");
  expect((await clerk.goto("/office/supervision/dashboard"))?.status()).toBe(403);
  expect((await clerk.request.get("/office/supervision/dashboard.csv?by=staff")).status()).toBe(403);
  expect((await clerk.request.get("/office/supervision/ratings.csv?by=staff")).status()).toBe(403);
});

test("anyone reads the public statistics without signing in, as a page, CSV and JSON", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "统计公开" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("统计数据公开");
  await expect(page.getByTestId("months-chart").locator('[aria-hidden="true"] svg')).toHaveCount(1);
  await expect(page.getByTestId("public-months").locator("tbody tr")).toHaveCount(12);
  // 好差评 and complaints month by month and by section: no window, no member of staff.
  await expect(page.getByTestId("public-rating-months").locator("tbody tr")).toHaveCount(12);
  await expect(page.getByTestId("public-complaint-months").locator("tbody tr")).toHaveCount(12);
  await expect(page.getByRole("table", { name: /各科室好差评$/ })).toBeVisible();
  await expect(page.getByTestId("public-rating-sections").getByRole("columnheader", { name: "整改按时率" })).toBeVisible();
  await expect(page.getByTestId("public-complaint-sections").getByRole("columnheader", { name: "已办结" })).toBeVisible();
  await expect(page.getByTestId("public-statistics")).not.toContainText(RATED_WINDOW);
  await expect(page.getByTestId("public-statistics")).not.toContainText(demoAccountOf("CLERK").name);
  await expectNoAxeViolations(page, { everyMode: true });

  const json = await page.request.get("/statistics/figures.json");
  expect(json.status()).toBe(200);
  const body = await json.json();
  expect(body.months).toHaveLength(12);
  expect(body.months[11]).toHaveProperty("onTime.promised.share");
  expect(body.ratings.months).toHaveLength(12);
  expect(body.ratings.months[11]).toHaveProperty("followUps.onTimeShare");
  expect(body.ratings.total).toHaveProperty("levels.veryUnsatisfied");
  expect(body.complaints.months).toHaveLength(12);
  expect(body.complaints.total).toHaveProperty("stages.closed");
  const text = JSON.stringify(body);
  expect(text).not.toContain(RATED_WINDOW);
  for (const role of ["APPLICANT", "CLERK", "CHIEF", "DIRECTOR"] as const) {
    expect(text).not.toContain(demoAccountOf(role).name);
    expect(text).not.toContain(demoAccountOf(role).loginId);
  }
  const csv = await page.request.get("/statistics/months.csv");
  expect([...(await csv.body()).subarray(0, 3)]).toEqual(BOM);
  expect((await page.request.get("/statistics/sections.csv")).headers()["content-type"]).toContain("text/csv");
});
