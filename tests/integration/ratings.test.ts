// 好差评 on real PostgreSQL: a window visit rated on the clerk's tablet and (the same visit) refused a
// second time from the receipt's link; the rating tied to the clerk who served and their window; an
// online filing rateable only once answered, tied to whoever decided it, once; a bad rating opens a
// follow-up due in five working days.
import { beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { submitApplication } from "@/lib/server/applications/file-application";
import { decideIntake } from "@/lib/server/applications/intake";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { refreshCards, sweepCards } from "@/lib/server/cards/record-cards";
import { db } from "@/lib/server/db";
import { answerFollowUp, appealRating, decideRatingAppeal } from "@/lib/server/ratings/follow-ups";
import { listFollowUps } from "@/lib/server/ratings/list-follow-ups";
import { lastWindowService, ratingTarget, ratingToken, rateOnlineService, rateWindowVisitByLink, rateWindowVisitOnDevice } from "@/lib/server/ratings/rate-service";
import { draftWithMaterials } from "../factories/filings";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

const BEFORE_NATIONAL_DAY = new Date("2026-09-30T02:00:00Z");
let item: Awaited<ReturnType<typeof createItem>>;
let applicant: Actor, other: Actor, clerk: Actor, clerk2: Actor, chief: Actor;

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  item = await createItem(db());
  applicant = actorOf(await createUser(db(), { role: "APPLICANT" }));
  other = actorOf(await createUser(db(), { role: "APPLICANT" }));
  const c = await createUser(db(), { role: "CLERK" });
  await db().user.update({ where: { id: c.id }, data: { serviceWindow: "综合受理 3 号窗口" } });
  clerk = actorOf(c);
  clerk2 = actorOf(await createUser(db(), { role: "CLERK" }));
  const ch = await createUser(db(), { role: "CHIEF", sectionId: item.section.id });
  await db().user.update({ where: { id: ch.id }, data: { phone: "13900001111" } });
  chief = actorOf(ch);
});

async function accepted(by: Actor, opts: { walkIn: boolean }) {
  const filer = opts.walkIn ? by : applicant;
  const { id, materialIds } = await draftWithMaterials(filer, item, opts.walkIn ? { applicantId: applicant.id } : {});
  await submitApplication({ actor: filer, applicationId: id, declared: true });
  await decideIntake({ actor: by, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: materialIds }, now: BEFORE_NATIONAL_DAY });
  return id;
}

describe("a window visit", () => {
  it("is rated once, on the tablet, tied to the clerk and their window; the receipt's link then finds it rated and refuses a second", async () => {
    const id = await accepted(clerk, { walkIn: true });
    // The tablet shows the clerk's just-finished visit (and not to another clerk).
    expect(await lastWindowService({ actor: clerk, now: new Date(BEFORE_NATIONAL_DAY.getTime() + 5 * 60_000) })).toMatchObject({ id });
    expect(await lastWindowService({ actor: clerk2, now: new Date(BEFORE_NATIONAL_DAY.getTime() + 5 * 60_000) })).toBeNull();
    await expect(rateWindowVisitOnDevice({ actor: clerk2, applicationId: id, input: { level: "SATISFIED" } })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await rateWindowVisitOnDevice({ actor: clerk, applicationId: id, input: { level: "VERY_SATISFIED", aspects: { attitude: "VERY_SATISFIED", easeOfUse: "BASIC" }, comment: "办得很快" } });
    const rating = await db().rating.findFirstOrThrow({ where: { applicationId: id } });
    expect(rating).toMatchObject({ service: "WINDOW", channel: "WINDOW_DEVICE", staffId: clerk.id, window: "综合受理 3 号窗口", raterId: applicant.id, level: "VERY_SATISFIED", aspects: { attitude: "VERY_SATISFIED" }, comment: "办得很快", itemVersionId: item.version.id });
    expect(await lastWindowService({ actor: clerk, now: new Date(BEFORE_NATIONAL_DAY.getTime() + 6 * 60_000) })).toBeNull();

    const token = ratingToken(id);
    expect(await ratingTarget({ applicationId: id, token })).toMatchObject({ rated: true, itemName: item.version.name });
    await expect(rateWindowVisitByLink({ applicationId: id, token, input: { level: "UNSATISFIED" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    await expect(rateWindowVisitByLink({ applicationId: id, token: token.replace(/^./, (c) => (c === "A" ? "B" : "A")), input: { level: "SATISFIED" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().rating.count({ where: { applicationId: id } })).toBe(1);
  });

  it("from the receipt's link on a phone: anonymous, the clerk who served; an online filing has no such link", async () => {
    const id = await accepted(clerk, { walkIn: true });
    await rateWindowVisitByLink({ applicationId: id, token: ratingToken(id), input: { level: "BASIC" } });
    expect(await db().rating.findFirstOrThrow({ where: { applicationId: id } })).toMatchObject({ channel: "PHONE", staffId: clerk.id, raterId: null, window: "综合受理 3 号窗口" });
    const online = await accepted(clerk, { walkIn: false });
    await expect(rateWindowVisitByLink({ applicationId: online, token: ratingToken(online), input: { level: "BASIC" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("from the SMS sent after the visit: its own key, recorded as an SMS rating; an online filing gets no such SMS", async () => {
    const id = await accepted(clerk, { walkIn: true });
    const sms = await db().notification.findMany({ where: { userId: applicant.id, kind: "RATING_INVITE", channel: "SMS" }, orderBy: { createdAt: "desc" } });
    const invite = sms.find((n) => n.text.includes(`/rate/${id}?t=${ratingToken(id, "SMS")}`));
    expect(invite?.address).toBe("13800009999");
    await rateWindowVisitByLink({ applicationId: id, token: ratingToken(id, "SMS"), input: { level: "SATISFIED" } });
    expect(await db().rating.findFirstOrThrow({ where: { applicationId: id } })).toMatchObject({ channel: "SMS", staffId: clerk.id });
    // The receipt's key opens the same visit, now rated.
    await expect(rateWindowVisitByLink({ applicationId: id, token: ratingToken(id), input: { level: "BASIC" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    const online = await accepted(clerk, { walkIn: false });
    expect(await db().notification.count({ where: { kind: "RATING_INVITE", text: { contains: `/rate/${online}?` } } })).toBe(0);
  });
});

describe("an online filing", () => {
  it("is rateable once answered, by its applicant only, once; tied to who decided it; a bad rating opens a follow-up due in five working days", async () => {
    const id = await accepted(clerk, { walkIn: false });
    await expect(rateOnlineService({ actor: applicant, applicationId: id, input: { level: "SATISFIED" } })).rejects.toMatchObject({ code: "NOT_RATEABLE" });
    await db().application.update({ where: { id }, data: { state: "DENIED", decidedById: chief.id, decidedAt: BEFORE_NATIONAL_DAY, decisionReason: "不符合条件", decisionBasis: "《中华人民共和国行政许可法》第三十八条" } });
    await expect(rateOnlineService({ actor: other, applicationId: id, input: { level: "SATISFIED" } })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const result = await rateOnlineService({ actor: applicant, applicationId: id, input: { level: "VERY_UNSATISFIED", anonymous: "on", aspects: { guideAccuracy: "UNSATISFIED" }, comment: "材料要求前后不一" }, now: BEFORE_NATIONAL_DAY });
    // Rated on 30 Sep: 8, 9, 10 (a Saturday worked), 12, 13 Oct.
    expect(result.followUp).toMatchObject({ dueOn: "2026-10-13" });
    const rating = await db().rating.findFirstOrThrow({ where: { applicationId: id }, include: { followUp: true } });
    expect(rating).toMatchObject({ service: "ONLINE", channel: "WEB", staffId: chief.id, raterId: null, window: "", aspects: { guideAccuracy: "UNSATISFIED" } });
    expect(rating.followUp).toMatchObject({ sectionId: item.section.id, answeredAt: null });
    await expect(rateOnlineService({ actor: applicant, applicationId: id, input: { level: "SATISFIED" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    expect(await db().auditEvent.count({ where: { entityId: id, action: "rating.recorded" } })).toBe(1);
  });
});

describe("a bad rating's follow-up and an appeal", () => {
  it("is answered by the responsible section once; the rated officer appeals, a supervisor upholds, the rating leaves the figures but stays on record", async () => {
    const id = await accepted(clerk, { walkIn: false });
    await db().application.update({ where: { id }, data: { state: "DENIED", decidedById: chief.id, decidedAt: BEFORE_NATIONAL_DAY, decisionReason: "不符合条件", decisionBasis: "《中华人民共和国行政许可法》第三十八条" } });
    await rateOnlineService({ actor: applicant, applicationId: id, input: { level: "UNSATISFIED", comment: "说明不清" } });
    const rating = await db().rating.findFirstOrThrow({ where: { applicationId: id }, include: { followUp: true } });
    const followUpId = rating.followUp!.id;
    const outsider = actorOf(await createUser(db(), { role: "REVIEWER", sectionId: (await createItem(db())).section.id }));
    const reviewer = actorOf(await createUser(db(), { role: "REVIEWER", sectionId: item.section.id }));
    // The section sees it (due, answerable); another section does not.
    const seen = await listFollowUps({ actor: reviewer, now: BEFORE_NATIONAL_DAY });
    expect(seen.rows.find((r) => r.id === followUpId)).toMatchObject({ mayAnswer: true, level: "UNSATISFIED", comment: "说明不清" });
    expect((await listFollowUps({ actor: outsider })).rows.some((r) => r.id === followUpId)).toBe(false);
    await expect(answerFollowUp({ actor: outsider, input: { followUpId, verified: "on", answer: "已回访" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await answerFollowUp({ actor: reviewer, input: { followUpId, verified: "on", answer: "已电话回访申请人，补充说明了不予许可的依据" } });
    await expect(answerFollowUp({ actor: reviewer, input: { followUpId, verified: "on", answer: "再答一次" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    expect(await db().ratingFollowUp.findUniqueOrThrow({ where: { id: followUpId } })).toMatchObject({ answeredById: reviewer.id, answer: "已电话回访申请人，补充说明了不予许可的依据" });

    const supervisor = actorOf(await createUser(db(), { role: "SUPERVISOR" }));
    await expect(appealRating({ actor: clerk2, input: { ratingId: rating.id, reason: "不是我办的" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await appealRating({ actor: chief, input: { ratingId: rating.id, reason: "申请人对法定条件有误解，评价与服务无关" } });
    await expect(appealRating({ actor: chief, input: { ratingId: rating.id, reason: "再申诉" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    // Awaiting a decision, the appeal is on the supervisor's list (the whole bureau's).
    expect((await listFollowUps({ actor: supervisor, filter: { view: "appeals" } })).rows.find((r) => r.ratingId === rating.id)).toMatchObject({ appealActions: ["DECIDE_APPEAL"], appealReason: "申请人对法定条件有误解，评价与服务无关" });
    await decideRatingAppeal({ actor: supervisor, input: { ratingId: rating.id, uphold: "yes" } });
    expect((await listFollowUps({ actor: supervisor, filter: { view: "appeals" } })).rows.some((r) => r.ratingId === rating.id)).toBe(false);
    await expect(decideRatingAppeal({ actor: supervisor, input: { ratingId: rating.id, uphold: "no" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    expect(await db().rating.findUniqueOrThrow({ where: { id: rating.id } })).toMatchObject({ appealUpheld: true, level: "UNSATISFIED", comment: "说明不清" });
    expect((await db().rating.findUniqueOrThrow({ where: { id: rating.id } })).excludedAt).not.toBeNull();
    const actions = (await db().auditEvent.findMany({ where: { entityId: id, action: { startsWith: "rating." } }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["rating.recorded", "rating.followUpAnswered", "rating.appealed", "rating.appealUpheld"]);
  });

  it("a follow-up left unanswered gets a yellow card, then red the working day after its fifth; the chief is told; the answer closes the card", async () => {
    const id = await accepted(clerk, { walkIn: false });
    await db().application.update({ where: { id }, data: { state: "DENIED", decidedById: chief.id, decidedAt: BEFORE_NATIONAL_DAY, decisionReason: "不符合条件", decisionBasis: "《中华人民共和国行政许可法》第三十八条" } });
    const { followUp } = await rateOnlineService({ actor: applicant, applicationId: id, input: { level: "VERY_UNSATISFIED", comment: "态度差" }, now: BEFORE_NATIONAL_DAY });
    expect(followUp).toMatchObject({ dueOn: "2026-10-13" });
    const told = await db().notification.findMany({ where: { userId: chief.id, kind: "RATING_FOLLOW_UP" } });
    expect(told.some((n) => n.text.includes("2026-10-13"))).toBe(true);
    const cards = () => db().card.findMany({ where: { applicationId: id, kind: "RATING_FOLLOW_UP" }, orderBy: { raisedAt: "asc" }, select: { colour: true, subject: true, closedAt: true, responsibleId: true } });

    await refreshCards(id, new Date("2026-10-08T02:00:00Z"));
    expect(await cards()).toEqual([]);
    await refreshCards(id, new Date("2026-10-09T02:00:00Z"));
    expect(await cards()).toEqual([{ colour: "YELLOW", subject: followUp!.id, closedAt: null, responsibleId: chief.id }]);
    // The case itself is past every clock (denied): the nightly sweep still watches its follow-up.
    await sweepCards(new Date("2026-10-13T02:00:00Z"));
    expect((await cards()).map((c) => `${c.colour}:${c.closedAt === null}`)).toEqual(["YELLOW:true"]);
    await sweepCards(new Date("2026-10-14T02:00:00Z"));
    expect((await cards()).map((c) => `${c.colour}:${c.closedAt === null}`)).toEqual(["YELLOW:false", "RED:true"]);

    await answerFollowUp({ actor: chief, input: { followUpId: followUp!.id, verified: "on", answer: "已回访致歉，并对窗口人员批评教育" }, now: new Date("2026-10-14T03:00:00Z") });
    expect((await cards()).every((c) => c.closedAt !== null)).toBe(true);
    await sweepCards(new Date("2026-10-15T02:00:00Z"));
    expect(await cards()).toHaveLength(2);
  });

  it("a clerk sees the bad ratings that name them, and may appeal only those", async () => {
    const id = await accepted(clerk, { walkIn: true });
    await rateWindowVisitByLink({ applicationId: id, token: ratingToken(id), input: { level: "UNSATISFIED", comment: "等太久" } });
    const mine = (await listFollowUps({ actor: clerk })).rows.find((r) => r.applicationId === id);
    expect(mine).toMatchObject({ appealActions: ["APPEAL"], mayAnswer: false });
    expect((await listFollowUps({ actor: clerk2 })).rows.some((r) => r.applicationId === id)).toBe(false);
  });

  it("a good rating cannot be appealed", async () => {
    const id = await accepted(clerk, { walkIn: true });
    await rateWindowVisitOnDevice({ actor: clerk, applicationId: id, input: { level: "SATISFIED" } });
    const rating = await db().rating.findFirstOrThrow({ where: { applicationId: id } });
    await expect(appealRating({ actor: clerk, input: { ratingId: rating.id, reason: "无理由" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

