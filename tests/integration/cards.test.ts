// Cards (预警) with a test clock on real PostgreSQL: the nightly sweep raises yellow and red on the
// right working days across National Day 2026 (1–7 Oct off, Sat 10 Oct a working day), records
// each colour once, tells the responsible chief once per colour and the supervisor once (red);
// a filing unanswered for four working days raises the art. 32 card; a supervision notice is
// answered by the person the card names, which closes it; all of it audited.
import { beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { submitApplication } from "@/lib/server/applications/file-application";
import { refreshCards, sweepCards } from "@/lib/server/cards/record-cards";
import { listCards } from "@/lib/server/cards/list-cards";
import { answerSupervisionNotice, issueSupervisionNotice } from "@/lib/server/cards/supervision-notices";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { db } from "@/lib/server/db";
import { draftWithMaterials } from "../factories/filings";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

/** 02:00 Beijing on a date: when the nightly sweep runs. */
const night = (date: string) => new Date(`${date}T02:00:00+08:00`);
let item: Awaited<ReturnType<typeof createItem>>;
let applicant: Actor, chief: Actor, supervisor: Actor, reviewer: Actor;

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  item = await createItem(db(), { promisedDays: 5, statutoryDays: 20 });
  applicant = actorOf(await createUser(db(), { role: "APPLICANT" }));
  chief = actorOf(await createUser(db(), { role: "CHIEF", sectionId: item.section.id }));
  reviewer = actorOf(await createUser(db(), { role: "REVIEWER", sectionId: item.section.id }));
  supervisor = actorOf(await createUser(db(), { role: "SUPERVISOR" }));
  for (const u of [chief, supervisor]) await db().user.update({ where: { id: u.id }, data: { phone: "13700000000" } });
});

async function submitted(at: Date) {
  const { id } = await draftWithMaterials(applicant, item);
  await submitApplication({ actor: applicant, applicationId: id, declared: true, now: at });
  await db().application.update({ where: { id }, data: { submittedAt: at } });
  return id;
}

const cardsOf = (applicationId: string) => db().card.findMany({ where: { applicationId }, orderBy: { raisedAt: "asc" } });
const noticesTo = (userId: string, kind: string) => db().notification.count({ where: { userId, kind } });

describe("the nightly sweep", () => {
  it("raises the promised-date card yellow three working days before and red the day after, once each, across National Day", async () => {
    const id = await submitted(night("2026-09-30"));
    // Accepted on 30 Sep with a 5-working-day promise: due Tue 13 Oct (8, 9, 10, 12, 13 Oct).
    await db().application.update({ where: { id }, data: { state: "ACCEPTED", acceptedAt: night("2026-09-30"), promisedDue: new Date("2026-10-13"), statutoryDue: new Date("2026-11-03") } });
    const colours: Record<string, string[]> = {};
    for (const day of ["2026-10-01", "2026-10-07", "2026-10-08", "2026-10-09", "2026-10-10", "2026-10-12", "2026-10-13", "2026-10-14", "2026-10-15"]) {
      await sweepCards(night(day));
      colours[day] = (await cardsOf(id)).filter((c) => c.closedAt === null).map((c) => `${c.kind}:${c.colour}`);
    }
    expect(colours).toEqual({
      "2026-10-01": [],
      "2026-10-07": [], // the last day of the holiday: five working days left
      "2026-10-08": [], // four left (9, 10, 12, 13 Oct)
      "2026-10-09": ["PROMISED:YELLOW"], // three left
      "2026-10-10": ["PROMISED:YELLOW"],
      "2026-10-12": ["PROMISED:YELLOW"],
      "2026-10-13": ["PROMISED:YELLOW"],
      "2026-10-14": ["PROMISED:RED"], // overdue; the yellow card gives way
      "2026-10-15": ["PROMISED:RED"],
    });
    const cards = await cardsOf(id);
    expect(cards.map((c) => [c.kind, c.colour, c.raisedAt.toISOString(), c.responsibleId, c.dueOn.toISOString().slice(0, 10)])).toEqual([
      ["PROMISED", "YELLOW", night("2026-10-09").toISOString(), chief.id, "2026-10-13"],
      ["PROMISED", "RED", night("2026-10-14").toISOString(), chief.id, "2026-10-13"],
    ]);
    expect(await noticesTo(chief.id, "CARD_YELLOW")).toBe(1);
    expect(await noticesTo(chief.id, "CARD_RED")).toBe(1);
    expect(await noticesTo(supervisor.id, "CARD_RED")).toBe(1);
    expect(await noticesTo(supervisor.id, "CARD_YELLOW")).toBe(0);
    const text = (await db().notification.findFirstOrThrow({ where: { userId: chief.id, kind: "CARD_RED" } })).text;
    expect(text).toContain("承诺办结期限已于 2026-10-13 届满");
    expect(await db().auditEvent.count({ where: { entityId: id, action: "card.raised" } })).toBe(2);
    expect(await db().auditEvent.count({ where: { entityId: id, action: "card.closed" } })).toBe(1);

    // Another sweep, or the refresh after a change, records nothing twice.
    await sweepCards(night("2026-10-16"));
    await refreshCards(id, night("2026-10-16"));
    expect(await cardsOf(id)).toHaveLength(2);
    expect(await noticesTo(supervisor.id, "CARD_RED")).toBe(1);

    // Decided: the clock stops and its open card closes.
    await db().application.update({ where: { id }, data: { state: "AWAITING_SEAL", decidedAt: night("2026-10-16") } });
    await refreshCards(id, night("2026-10-16"));
    expect((await cardsOf(id)).every((c) => c.closedAt !== null)).toBe(true);
  });

  it("raises the art. 32 card on a filing left unanswered: yellow after two working days, red after four, naming the deemed-acceptance day", async () => {
    // Filed Tue 29 Sep; working days after it: 30 Sep (1), [1–7 Oct off], 8 Oct (2), 9 Oct (3), Sat 10 Oct (4), 12 Oct (5, deemed accepted).
    const id = await submitted(night("2026-09-29"));
    const seen: Record<string, string[]> = {};
    for (const day of ["2026-09-30", "2026-10-07", "2026-10-08", "2026-10-09", "2026-10-10", "2026-10-12"]) {
      await sweepCards(night(day));
      seen[day] = (await cardsOf(id)).filter((c) => c.closedAt === null).map((c) => `${c.kind}:${c.colour}:${c.dueOn.toISOString().slice(0, 10)}`);
    }
    expect(seen).toEqual({
      "2026-09-30": [],
      "2026-10-07": [], // one working day passed
      "2026-10-08": [],
      "2026-10-09": ["UNANSWERED_FILING:YELLOW:2026-10-12"], // two passed (30 Sep, 8 Oct)
      "2026-10-10": ["UNANSWERED_FILING:YELLOW:2026-10-12"],
      "2026-10-12": ["UNANSWERED_FILING:RED:2026-10-12"], // four passed: the last day to answer
    });
    const red = (await cardsOf(id)).find((c) => c.colour === "RED")!;
    expect(red.responsibleId).toBe(chief.id);
    const text = (await db().notification.findFirstOrThrow({ where: { userId: chief.id, kind: "CARD_RED", text: { contains: "视为受理" } } })).text;
    expect(text).toContain("将于 2026-10-12 视为受理");
  });
});

describe("supervision notices (督办)", () => {
  it("a supervisor presses on a red card; only the named person answers; the answer closes the card; all audited", async () => {
    const { rows } = await listCards({ actor: supervisor, filter: { colour: "RED" } });
    const card = rows.find((r) => r.kind === "UNANSWERED_FILING")!;
    expect(card.actions).toEqual(["ISSUE_NOTICE"]);
    await expect(issueSupervisionNotice({ actor: chief, input: { cardId: card.id, text: "请今日内答复申请人" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id: noticeId } = await issueSupervisionNotice({ actor: supervisor, input: { cardId: card.id, text: "请今日内答复申请人" } });
    await expect(issueSupervisionNotice({ actor: supervisor, input: { cardId: card.id, text: "再次督办" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    expect(await noticesTo(chief.id, "CARD_NOTICE")).toBe(1);

    // The chief sees it among their cards, with the notice and the answer to give; the reviewer of the section does not answer it.
    const mine = await listCards({ actor: chief });
    expect(mine.rows.find((r) => r.id === card.id)).toMatchObject({ noticeText: "请今日内答复申请人", actions: ["ANSWER_NOTICE"] });
    await expect(answerSupervisionNotice({ actor: reviewer, input: { noticeId, answer: "已督促窗口处理" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await answerSupervisionNotice({ actor: chief, input: { noticeId, answer: "已通知窗口今日受理并告知申请人" } });
    await expect(answerSupervisionNotice({ actor: chief, input: { noticeId, answer: "再答一次" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    expect((await db().card.findUniqueOrThrow({ where: { id: card.id } })).closedAt).not.toBeNull();
    expect(await noticesTo(supervisor.id, "CARD_ANSWER")).toBe(1);
    expect((await listCards({ actor: supervisor })).rows.some((r) => r.id === card.id)).toBe(false);
    const closed = await listCards({ actor: supervisor, filter: { closed: "1" } });
    expect(closed.rows.find((r) => r.id === card.id)).toMatchObject({ lastAnswer: "已通知窗口今日受理并告知申请人", actions: [] });
    const actions = (await db().auditEvent.findMany({ where: { entityId: card.applicationId, action: { startsWith: "card." } }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["card.raised", "card.closed", "card.raised", "card.noticeIssued", "card.noticeAnswered"]);
  });
});
