// 好差评 through the pages: the window's tablet takes a rating right after a visit; a phone opens the
// receipt's rating link without sign-in and rates the visit once (a very bad rating opens its
// follow-up, red once overdue, closed by the section's answer; an appeal upheld takes it out of the
// published figures); the applicant rates an answered online filing on its page. Every page
// axe-scanned in both languages and large-text mode.
import { expect, test } from "@playwright/test";
import { pdfText } from "../support/decode";
import { cardsRecordedFor, insertCase, withDb } from "./db";
import { expectNoAxeViolations, login } from "./fixtures";

// Each journey scans its pages in both languages and both text sizes: longer than the default limit.
test.describe.configure({ timeout: 480_000 });

const METROLOGY = "511A0041000003-511602000000-000-115113016823646795-1-00"; // 计量标准器具核准新建
const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

test("the window's tablet takes the rating of the visit just finished", async ({ page }) => {
  // Accepted "just now" by the demo clerk at the window (a little ahead, so it is the clerk's latest visit).
  const c = await insertCase({ itemCode: METROLOGY, state: "ACCEPTED", acceptedAt: at(2), promisedDue: inDays(20), statutoryDue: inDays(28), channel: "WINDOW" });
  await login(page, "CLERK");
  await page.getByTestId("tablet-link").click();
  const tablet = page.getByTestId("rating-tablet");
  await expect(tablet).toContainText(c.number);
  await expectNoAxeViolations(page, { everyMode: true });
  const form = page.getByTestId("rating-form");
  await form.getByLabel("总体评价").selectOption({ label: "满意" });
  await form.getByLabel("服务态度").selectOption({ label: "非常满意" });
  await form.getByRole("button", { name: "提交评价" }).click();
  await expect(form).toContainText("评价已提交");
  const rows = await withDb(async (db) => (await db.query(`SELECT r.channel, r.level, r.aspects, u."loginId" FROM "Rating" r JOIN "User" u ON u.id = r."staffId" WHERE r."applicationId" = $1`, [c.id])).rows);
  expect(rows).toEqual([{ channel: "WINDOW_DEVICE", level: "SATISFIED", aspects: { attitude: "VERY_SATISFIED" }, loginId: "CLERK01" }]);
  await page.reload();
  await expect(page.getByTestId("rating-tablet")).not.toContainText(c.number);
});

test("a phone opens the receipt's rating link without signing in, rates once; a very bad rating opens a follow-up", async ({ page, browser }) => {
  const c = await insertCase({ itemCode: METROLOGY, state: "ACCEPTED", acceptedAt: at(-60), promisedDue: inDays(20), statutoryDue: inDays(28), channel: "WINDOW" });
  await login(page, "APPLICANT");
  await page.goto(`/applications/${c.id}/receipt`);
  const link = await page.getByTestId("receipt-rating-link").getAttribute("href");
  expect(link).toMatch(new RegExp(`/rate/${c.id}\\?t=`));
  // The PDF receipt carries the same link, with its own QR code.
  const pdf = await page.request.get(`/applications/${c.id}/receipt.pdf`);
  const text = await pdfText(await pdf.body());
  expect(text).toContain("扫码评价本次服务");
  expect(text.replace(/\s+/g, "")).toContain(new URL(link!).search.slice(3));

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(phone.getByRole("heading", { name: "评价本次服务（好差评）" })).toBeVisible();
  await expectNoAxeViolations(phone, { everyMode: true });
  const form = phone.getByTestId("rating-form");
  await form.getByLabel("总体评价").selectOption({ label: "非常不满意" });
  await form.getByLabel("意见建议（可选）").fill("排队时间太长");
  await form.getByRole("button", { name: "提交评价" }).click();
  await expect(form).toContainText("评价已提交");
  await phone.reload();
  await expect(phone.getByText("本次服务已评价")).toBeVisible();
  const followUps = await withDb(async (db) => (await db.query(`SELECT r.channel, r."raterId", f."answeredAt" FROM "Rating" r JOIN "RatingFollowUp" f ON f."ratingId" = r.id WHERE r."applicationId" = $1`, [c.id])).rows);
  expect(followUps).toEqual([{ channel: "PHONE", raterId: null, answeredAt: null }]);
  // Left unanswered past its five working days (the rating moved back in time), it turns red.
  await withDb((db) => db.query(`UPDATE "RatingFollowUp" f SET "dueOn" = current_date - 10 FROM "Rating" r WHERE r.id = f."ratingId" AND r."applicationId" = $1`, [c.id]));
  expect(await cardsRecordedFor(c.id)).toEqual([{ kind: "RATING_FOLLOW_UP", colour: "RED" }]);
  // The section's chief sees the red card, follows it up — verified with the applicant — and answers.
  const chief = await (await browser.newContext()).newPage();
  await login(chief, "CHIEF");
  await chief.goto("/office/cards");
  await expect(chief.getByTestId(`card-${c.number}-RATING_FOLLOW_UP`)).toContainText("差评整改期限");
  await expect(chief.getByTestId(`card-${c.number}-RATING_FOLLOW_UP`)).toContainText("红牌");
  await chief.getByTestId("follow-ups-link").click();
  const row = chief.getByTestId(`follow-up-${c.number}`);
  await expect(row).toContainText("排队时间太长");
  await expectNoAxeViolations(chief, { everyMode: true });
  await row.getByLabel("已向办事群众核实情况").check();
  await row.getByLabel("整改或解释情况").fill("已增开午间窗口，并电话致歉");
  await row.getByRole("button", { name: "提交答复" }).click();
  await expect(chief.getByTestId(`follow-up-${c.number}`)).toHaveCount(0);
  await chief.goto("/office/ratings?view=answered");
  await expect(chief.getByTestId(`follow-up-${c.number}`)).toContainText("已增开午间窗口，并电话致歉");
  // The answer closed the card.
  await chief.goto("/office/cards");
  await expect(chief.getByTestId(`card-${c.number}-RATING_FOLLOW_UP`)).toHaveCount(0);
  // A link with a wrong key opens nothing.
  await phone.goto(`/rate/${c.id}?t=wrong`);
  await expect(phone.getByText("本次服务已评价")).toHaveCount(0);

  // The clerk the rating names appeals it as mistaken; the supervisor upholds the appeal: the
  // rating leaves the figures and stays on record.
  const clerk = await (await browser.newContext()).newPage();
  await login(clerk, "CLERK");
  await clerk.goto("/office/ratings?view=answered");
  const mine = clerk.getByTestId(`appeal-rating-${c.number}`);
  await mine.getByLabel("申诉理由").fill("该时段系统故障导致排队，非窗口服务问题");
  await mine.getByRole("button", { name: "申诉该评价" }).click();
  await expect(clerk.getByTestId(`appeal-${c.number}`)).toContainText("已申诉");
  await expectNoAxeViolations(clerk, { everyMode: true });
  const supervisor = await (await browser.newContext()).newPage();
  await login(supervisor, "SUPERVISOR");
  await supervisor.goto("/office/ratings?view=appeals");
  const decide = supervisor.getByTestId(`decide-appeal-${c.number}`);
  await expect(supervisor.getByTestId(`appeal-${c.number}`)).toContainText("该时段系统故障导致排队");
  await expectNoAxeViolations(supervisor, { everyMode: true });
  // The month's very bad ratings in the published figures (no other test gives one): before and after.
  const veryBad = async () => {
    const body = await (await supervisor.request.get("/statistics/figures.json")).json();
    return body.ratings.months.at(-1).levels.veryUnsatisfied as number;
  };
  const before = await veryBad();
  expect(before).toBeGreaterThanOrEqual(1);
  await decide.getByLabel("裁定结果").selectOption({ label: "申诉成立（不计入统计）" });
  await decide.getByRole("button", { name: "裁定" }).click();
  await expect(supervisor.getByTestId(`follow-up-${c.number}`)).toHaveCount(0);
  await supervisor.goto("/office/ratings?view=answered");
  await expect(supervisor.getByTestId(`appeal-${c.number}`)).toContainText("申诉成立");
  const kept = await withDb(async (db) => (await db.query(`SELECT level, "appealUpheld", "excludedAt" IS NOT NULL AS excluded FROM "Rating" WHERE "applicationId" = $1`, [c.id])).rows);
  expect(kept).toEqual([{ level: "VERY_UNSATISFIED", appealUpheld: true, excluded: true }]);
  expect(await veryBad()).toBe(before - 1);
});

test("the applicant rates an answered online filing on its page, once", async ({ page }) => {
  const c = await insertCase({ itemCode: METROLOGY, state: "AWAITING_SEAL", acceptedAt: at(-600), promisedDue: inDays(3), statutoryDue: inDays(10) });
  await login(page, "APPLICANT");
  await page.goto(`/my/applications/${c.id}`);
  const form = page.getByTestId("rating-form");
  await form.getByLabel("总体评价").selectOption({ label: "非常满意" });
  await form.getByLabel("办事指南准确性").selectOption({ label: "满意" });
  await form.getByLabel("匿名评价").check();
  await form.getByRole("button", { name: "提交评价" }).click();
  await expect(form).toContainText("评价已提交");
  await page.reload();
  await expect(page.getByText("本次服务已评价")).toBeVisible();
  await expect(page.getByTestId("rating-form")).toHaveCount(0);
  await expectNoAxeViolations(page, { everyMode: true });
});
