// The supervision figures on real PostgreSQL against a small bureau whose answers were worked out by
// hand: a month, a week and October across National Day; by section, item and member of staff;
// summed days and live days agreeing; a late change and a corrected calendar counted again; the
// public statistics with the same numbers and nobody's name; only the director and supervisors in.
import { beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { ROLES } from "@/lib/domain/access/roles";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { NO_FIGURES, ratesOf, type FigureCounts } from "@/lib/domain/statistics/figures";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { db } from "@/lib/server/db";
import { exportSupervisionFigures } from "@/lib/server/statistics/export-supervision-figures";
import { getPublicStatistics } from "@/lib/server/statistics/get-public-statistics";
import { getSupervisionDashboard } from "@/lib/server/statistics/get-supervision-dashboard";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

/** A Beijing wall-clock time as an instant. */
const bj = (s: string) => new Date(`${s.replace(" ", "T")}:00+08:00`);
const NOW = bj("2026-11-30 10:00");
const f = (counts: Partial<FigureCounts>): FigureCounts => ({ ...NO_FIGURES, ...counts });

let director: Actor;
let supervisor: Actor;
let clerk: Actor;
let chief: Actor;
let chief2: Actor;
let applicantName: string;
const ids = { sectionA: "", sectionB: "", itemA: "", itemB: "", itemC: "" };

type Case = {
  id: string;
  item: "A" | "B" | "C";
  state: string;
  submitted: string;
  accepted?: string;
  decided?: string;
  decider?: "clerk" | "chief" | "chief2";
  promisedDue?: string;
  statutoryDue?: string;
  suspended?: boolean;
};

// Item A: promised 5 / statutory 20 working days (section A). Item B: instant, 0 / 20 (section B).
// Item C: promised 10 / statutory 20 (section A). Every acceptance is the clerk's.
const CASES: Case[] = [
  // Instant: the same day; 23:50 filed and decided next morning (not the same day); filed at 00:10
  // Beijing time (still the day before in UTC) and decided that day; refused at intake; waiting.
  { id: "b1", item: "B", state: "ISSUED", submitted: "2026-11-02 09:00", accepted: "2026-11-02 09:10", decided: "2026-11-02 09:20", decider: "clerk", promisedDue: "2026-11-02", statutoryDue: "2026-11-30" },
  { id: "b2", item: "B", state: "AWAITING_SEAL", submitted: "2026-11-02 23:50", accepted: "2026-11-03 08:40", decided: "2026-11-03 08:50", decider: "clerk", promisedDue: "2026-11-03", statutoryDue: "2026-12-01" },
  { id: "b3", item: "B", state: "DENIED", submitted: "2026-11-03 00:10", accepted: "2026-11-03 09:00", decided: "2026-11-03 09:05", decider: "clerk", promisedDue: "2026-11-03", statutoryDue: "2026-12-01" },
  { id: "b4", item: "B", state: "REJECTED", submitted: "2026-11-04 10:00", decided: "2026-11-04 10:30" },
  { id: "b5", item: "B", state: "SUBMITTED", submitted: "2026-11-05 10:00" },
  // Promised: 4 working days used; 6 used (10 elapsed, 4 suspended) and a day late on the promise;
  // accepted in November from an October filing, overdue on the promise now; overdue; suspended
  // (never overdue while the clock stops); today's filing, counted live.
  { id: "a1", item: "A", state: "ISSUED", submitted: "2026-11-02 10:00", accepted: "2026-11-02 11:00", decided: "2026-11-06 15:00", decider: "chief", promisedDue: "2026-11-09", statutoryDue: "2026-11-30" },
  { id: "a2", item: "A", state: "DENIED", submitted: "2026-11-03 10:00", accepted: "2026-11-03 10:30", decided: "2026-11-17 10:00", decider: "chief", promisedDue: "2026-11-16", statutoryDue: "2026-12-07" },
  { id: "a3", item: "A", state: "ACCEPTED", submitted: "2026-10-30 16:00", accepted: "2026-11-02 09:00", promisedDue: "2026-11-09", statutoryDue: "2026-11-30" },
  { id: "a4", item: "A", state: "REVIEWED", submitted: "2026-11-20 10:00", accepted: "2026-11-20 10:30", promisedDue: "2026-11-27", statutoryDue: "2026-12-18" },
  { id: "a5", item: "A", state: "ACCEPTED", submitted: "2026-11-10 10:00", accepted: "2026-11-10 10:30", promisedDue: "2026-11-17", statutoryDue: "2026-12-08", suspended: true },
  { id: "a6", item: "A", state: "ACCEPTED", submitted: "2026-11-30 09:00", accepted: "2026-11-30 09:30", promisedDue: "2026-12-07", statutoryDue: "2026-12-28" },
  // Across National Day: (09-29, 10-12] holds 09-30, 10-08, 10-09, the make-up Saturday 10-10 and 10-12.
  { id: "a7", item: "A", state: "ISSUED", submitted: "2026-09-29 10:00", accepted: "2026-09-29 11:00", decided: "2026-10-12 10:00", decider: "chief", promisedDue: "2026-10-12", statutoryDue: "2026-10-30" },
  // 11 working days used, a day late on the promise; an extension and a survey stop nothing.
  { id: "c1", item: "C", state: "AWAITING_SEAL", submitted: "2026-11-09 10:00", accepted: "2026-11-09 10:30", decided: "2026-11-24 10:00", decider: "chief2", promisedDue: "2026-11-23", statutoryDue: "2026-12-14" },
];

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  director = actorOf(await createUser(db(), { role: "DIRECTOR" }));
  supervisor = actorOf(await createUser(db(), { role: "SUPERVISOR" }));
  clerk = actorOf(await createUser(db(), { role: "CLERK", name: "统计窗口" }));
  const a = await createItem(db(), { promisedDays: 5, statutoryDays: 20 });
  const b = await createItem(db(), { kind: "INSTANT", promisedDays: 0, statutoryDays: 20 });
  const c = await createItem(db(), { promisedDays: 10, statutoryDays: 20 });
  await db().item.update({ where: { id: c.item.id }, data: { sectionId: a.section.id } });
  Object.assign(ids, { sectionA: a.section.id, sectionB: b.section.id, itemA: a.item.id, itemB: b.item.id, itemC: c.item.id });
  chief = actorOf(await createUser(db(), { role: "CHIEF", name: "统计科长甲", sectionId: a.section.id }));
  chief2 = actorOf(await createUser(db(), { role: "CHIEF", name: "统计科长乙", sectionId: a.section.id }));
  const applicant = await createUser(db(), { role: "APPLICANT", name: "统计申请人" });
  applicantName = applicant.name;
  const item = { A: a, B: b, C: c };
  const staff = { clerk, chief, chief2 };
  for (const k of CASES) {
    await db().application.create({
      data: {
        id: `sf-${k.id}`,
        number: `511602-sf-${k.id}`,
        submissionKey: `sf-${k.id}`,
        applicantId: applicant.id,
        filedById: applicant.id,
        channel: "ONLINE",
        itemId: item[k.item].item.id,
        itemVersionId: item[k.item].version.id,
        state: k.state as never,
        subject: "统计测试",
        contactName: applicant.name,
        contactPhone: "13800000000",
        submittedAt: bj(k.submitted),
        acceptedAt: k.accepted ? bj(k.accepted) : null,
        acceptedById: k.accepted ? clerk.id : null,
        decidedAt: k.decided ? bj(k.decided) : null,
        decidedById: k.decider ? staff[k.decider].id : null,
        promisedDue: k.promisedDue ? new Date(`${k.promisedDue}T00:00:00Z`) : null,
        statutoryDue: k.statutoryDue ? new Date(`${k.statutoryDue}T00:00:00Z`) : null,
        clockSuspended: k.suspended ?? false,
        ...(k.state === "DENIED" ? { decisionReason: "不符合法定条件", decisionBasis: "《行政许可法》第三十八条" } : {}),
        ...(k.state === "REJECTED" ? { rejectionReason: "不属于本机关职权范围", rejectionBasis: "《行政许可法》第三十二条" } : {}),
      },
    });
  }
  await db().clockEntry.createMany({
    data: [
      { applicationId: "sf-a2", kind: "SUSPENSION", reason: "TESTING", startedOn: new Date("2026-11-04T00:00:00Z"), endedOn: new Date("2026-11-10T00:00:00Z"), orderedById: chief.id },
      { applicationId: "sf-a2", kind: "SURVEY", startedOn: new Date("2026-11-12T00:00:00Z"), endedOn: new Date("2026-11-12T00:00:00Z"), orderedById: chief.id },
      { applicationId: "sf-c1", kind: "EXTENSION", days: 5, startedOn: new Date("2026-11-20T00:00:00Z"), orderedById: chief2.id },
      { applicationId: "sf-a5", kind: "SUSPENSION", reason: "EXPERT_REVIEW", startedOn: new Date("2026-11-12T00:00:00Z"), orderedById: chief.id },
    ],
  });
  const seal = await db().seal.create({ data: { name: "统计测试章", holder: "测试", status: "ARCHIVED", archivedAt: new Date() } });
  // First certificates of b1, a1 and a7; a1's replacement (补办) is not a new issuance.
  await db().$executeRawUnsafe(
    `INSERT INTO "Certificate" (id, identifier, number, "applicationId", "originalOf", version, "replacesId", "replacementKind", "itemId", "itemVersionId", name, "typeCode", "holderName", "holderIdType", "holderId",
       "issuerName", "issuerCode", "issuedOn", "validFrom", content, "decisionRef", "sealId", "pdfSha256", "canonicalRecord", "recordSm3", "sm2Signature")
     SELECT 'sfc-' || x.app || '-' || x.version, 'sf-ident-' || x.app || x.version, 'sf-no-' || x.app, a.id, CASE WHEN x.version = 1 THEN a.id END, x.version,
            CASE WHEN x.version = 2 THEN 'sfc-' || x.app || '-1' END, CASE WHEN x.version = 2 THEN 'REISSUE' END, a."itemId", a."itemVersionId", '测试证', 'T', '持证人', '身份证', 'x', '审批局', 'c', x.issued::date, x.issued::date, '{}', 'r', $1,
            md5(x.app || x.version), '{}', 's', 's'
     FROM (VALUES ('b1', 1, '2026-11-02'), ('a1', 1, '2026-11-09'), ('a7', 1, '2026-10-13'), ('a1', 2, '2026-11-20')) AS x(app, version, issued)
     JOIN "Application" a ON a.id = 'sf-' || x.app
     ORDER BY x.version`,
    seal.id,
  );
  await db().card.createMany({
    data: [
      { applicationId: "sf-a3", kind: "PROMISED", colour: "YELLOW", dueOn: new Date("2026-11-09T00:00:00Z"), responsibleId: chief.id, sectionId: a.section.id, raisedAt: bj("2026-11-06 10:00"), closedAt: bj("2026-11-10 10:00") },
      { applicationId: "sf-a3", kind: "PROMISED", colour: "RED", dueOn: new Date("2026-11-09T00:00:00Z"), responsibleId: chief.id, sectionId: a.section.id, raisedAt: bj("2026-11-10 10:00") },
      { applicationId: "sf-a4", kind: "PROMISED", colour: "YELLOW", dueOn: new Date("2026-11-27T00:00:00Z"), responsibleId: chief2.id, sectionId: a.section.id, raisedAt: bj("2026-11-26 10:00") },
      { applicationId: "sf-c1", kind: "PROMISED", colour: "RED", dueOn: new Date("2026-11-23T00:00:00Z"), responsibleId: chief2.id, sectionId: a.section.id, raisedAt: bj("2026-11-24 09:00"), closedAt: bj("2026-11-24 11:00") },
    ],
  });
});

const NOVEMBER = f({ received: 11, accepted: 10, decided: 6, onTimePromised: 4, onTimeStatutory: 6, daysCounted: 6, daysUsed: 21, promisedDays: 20, statutoryDays: 120, instantReceived: 5, instantSameDay: 2, issued: 2 });

describe("the supervision dashboard", () => {
  it("gives November's figures as counted by hand, with what is overdue now and the cards", async () => {
    const d = await getSupervisionDashboard({ actor: director, query: { period: "month", on: "2026-11-15" }, now: NOW });
    expect(d.period).toEqual({ kind: "month", from: "2026-11-01", to: "2026-11-30" });
    expect(d.total.figures).toEqual(NOVEMBER);
    expect(d.total.watch).toEqual({ overduePromised: 2, overdueStatutory: 0, cardsYellow: 2, cardsRed: 2 });
    expect(d.total.openCards).toEqual({ yellow: 1, red: 1 });
    const r = ratesOf(d.total.figures);
    expect(r.instantSameDayShare).toBeCloseTo(2 / 5);
    expect(r.onTimePromisedShare).toBeCloseTo(4 / 6);
    expect(r.averageDaysUsed).toBeCloseTo(3.5);
    expect(r.averagePromisedDays).toBeCloseTo(20 / 6);
    expect(r.compression).toBeCloseTo(1 - 21 / 120);
    expect(d.previous.from).toBe("2026-10-01");
    expect(d.next).toBeNull();
    // A day in the future, or before anything the bureau counts, is today.
    for (const on of ["2027-03-01", "0001-01-01", "2026-02-30"]) expect((await getSupervisionDashboard({ actor: director, query: { period: "day", on }, now: NOW })).period.from).toBe("2026-11-30");
  });

  it("breaks November down by section, item and member of staff", async () => {
    const d = await getSupervisionDashboard({ actor: supervisor, query: { period: "month", on: "2026-11-15" }, now: NOW });
    const section = (id: string) => d.bySection.find((s) => s.id === id)!;
    expect(section(ids.sectionA).figures).toEqual(f({ received: 6, accepted: 7, decided: 3, onTimePromised: 1, onTimeStatutory: 3, daysCounted: 3, daysUsed: 21, promisedDays: 20, statutoryDays: 60, issued: 1 }));
    expect(section(ids.sectionA).watch).toEqual({ overduePromised: 2, overdueStatutory: 0, cardsYellow: 2, cardsRed: 2 });
    expect(section(ids.sectionB).figures).toEqual(f({ received: 5, accepted: 3, decided: 3, onTimePromised: 3, onTimeStatutory: 3, daysCounted: 3, statutoryDays: 60, instantReceived: 5, instantSameDay: 2, issued: 1 }));
    const item = (id: string) => d.byItem.find((i) => i.id === id)!;
    expect(item(ids.itemC).figures).toEqual(f({ received: 1, accepted: 1, decided: 1, onTimeStatutory: 1, daysCounted: 1, daysUsed: 11, promisedDays: 10, statutoryDays: 20 }));
    expect(item(ids.itemA).figures.accepted).toBe(6);
    expect(item(ids.itemA).sectionName).toBe(section(ids.sectionA).name);
    const staff = (id: string) => d.byStaff.find((u) => u.id === id)!;
    expect(staff(clerk.id).figures).toEqual(f({ accepted: 10, decided: 3, onTimePromised: 3, onTimeStatutory: 3, daysCounted: 3, statutoryDays: 60, instantReceived: 3, instantSameDay: 2 }));
    expect(staff(chief.id).figures).toEqual(f({ decided: 2, onTimePromised: 1, onTimeStatutory: 2, daysCounted: 2, daysUsed: 10, promisedDays: 10, statutoryDays: 40 }));
    expect(staff(chief.id).watch).toEqual({ overduePromised: 0, overdueStatutory: 0, cardsYellow: 1, cardsRed: 1 });
    expect(staff(chief2.id).figures.daysUsed).toBe(11);
    expect(d.byStaff.map((u) => u.id)).toEqual([clerk.id, chief.id, chief2.id]);
  });

  it("gives a week and October (across National Day and its make-up Saturday), and the trend before them", async () => {
    const week = await getSupervisionDashboard({ actor: director, query: { period: "week", on: "2026-11-04" }, now: NOW });
    expect(week.period).toEqual({ kind: "week", from: "2026-11-02", to: "2026-11-08" });
    expect(week.total.figures).toEqual(f({ received: 7, accepted: 6, decided: 4, onTimePromised: 4, onTimeStatutory: 4, daysCounted: 4, daysUsed: 4, promisedDays: 5, statutoryDays: 80, instantReceived: 5, instantSameDay: 2, issued: 1 }));
    expect(week.total.watch.cardsYellow).toBe(1);
    const october = await getSupervisionDashboard({ actor: director, query: { period: "month", on: "2026-10-01" }, now: NOW });
    expect(october.total.figures).toEqual(f({ received: 1, decided: 1, onTimePromised: 1, onTimeStatutory: 1, daysCounted: 1, daysUsed: 5, promisedDays: 5, statutoryDays: 20, issued: 1 }));
    expect(october.next?.from).toBe("2026-11-01");
    const trend = (await getSupervisionDashboard({ actor: director, query: { period: "month" }, now: NOW })).trend;
    expect(trend.map((t) => t.period.from.slice(0, 7))).toEqual(["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]);
    expect(trend.map((t) => [t.figures.received, t.figures.accepted, t.figures.decided]).slice(9)).toEqual([[1, 1, 0], [1, 0, 1], [11, 10, 6]]);
    const days = (await getSupervisionDashboard({ actor: director, query: { period: "day", on: "2026-11-03" }, now: NOW })).trend;
    expect(days).toHaveLength(14);
    expect(days[13].figures).toEqual(f({ received: 2, accepted: 3, decided: 2, onTimePromised: 2, onTimeStatutory: 2, daysCounted: 2, statutoryDays: 40, instantReceived: 1, instantSameDay: 1 }));
  });

  it("counts the same whether the days are summed or counted live", async () => {
    // As of 3 November nearly all of the month is counted live; as of New Year's Eve all of it is summed.
    const early = await getSupervisionDashboard({ actor: director, query: { period: "month", on: "2026-11-01" }, now: bj("2026-11-03 08:00") });
    const late = await getSupervisionDashboard({ actor: director, query: { period: "month", on: "2026-11-01" }, now: bj("2026-12-31 18:00") });
    expect(early.total.figures).toEqual(NOVEMBER);
    expect(late.total.figures).toEqual(NOVEMBER);
    expect(late.byStaff.map((u) => [u.id, u.figures])).toEqual(early.byStaff.map((u) => [u.id, u.figures]));
    expect(await db().figureDay.count({ where: { day: { gte: new Date("2026-11-01T00:00:00Z"), lte: new Date("2026-11-30T00:00:00Z") } } })).toBe(30);
    // Seen on New Year's Eve, today's filing (a6) is overdue too, and all three statutory dates have passed.
    expect(late.total.watch).toMatchObject({ overduePromised: 3, overdueStatutory: 3 });
  });

  it("counts a summed day again when a late change lands on it", async () => {
    const before = await getSupervisionDashboard({ actor: director, query: { period: "month", on: "2026-11-01" }, now: bj("2026-12-31 18:00") });
    expect(before.total.figures.received).toBe(11);
    const a = await db().application.findUniqueOrThrow({ where: { id: "sf-b5" } });
    await db().application.create({
      data: { ...a, id: "sf-late", number: "511602-sf-late", submissionKey: "sf-late", submittedAt: bj("2026-11-05 16:00"), formData: {}, createdAt: undefined, updatedAt: undefined },
    });
    expect(await db().figureDay.findUnique({ where: { day: new Date("2026-11-05T00:00:00Z") } })).toBeNull();
    const summedAt = async (day: string) => (await db().figureDay.findUniqueOrThrow({ where: { day: new Date(`${day}T00:00:00Z`) } })).summedAt.getTime();
    const neighbour = await summedAt("2026-11-04");
    const after = await getSupervisionDashboard({ actor: director, query: { period: "month", on: "2026-11-01" }, now: bj("2026-12-31 18:00") });
    expect(after.total.figures).toEqual({ ...NOVEMBER, received: 12, instantReceived: 6 });
    // Only the day sent back was summed again.
    expect(await summedAt("2026-11-04")).toBe(neighbour);
    expect(await summedAt("2026-11-05")).toBeGreaterThan(neighbour);
    // Taken out again: the day is counted again without it.
    await db().application.delete({ where: { id: "sf-late" } });
    const again = await getSupervisionDashboard({ actor: director, query: { period: "month", on: "2026-11-01" }, now: bj("2026-12-31 18:00") });
    expect(again.total.figures).toEqual(NOVEMBER);
  });

  it("counts working days again on a corrected calendar, from the first changed day on", async () => {
    const year = await db().holidayCalendarYear.findUniqueOrThrow({ where: { year: 2026 } });
    try {
      // A (made-up) correction: 5 November off. a1 then used 3 days, a2 still 6 (the day lay in its suspension).
      await db().holidayCalendarYear.update({ where: { year: 2026 }, data: { off: [...year.off, "2026-11-05"] } });
      const d = await getSupervisionDashboard({ actor: director, query: { period: "month", on: "2026-11-01" }, now: bj("2026-12-31 18:00") });
      expect(d.total.figures.daysUsed).toBe(20);
      expect(d.byItem.find((i) => i.id === ids.itemA)!.figures.daysUsed).toBe(9);
      // October's summed days lie before the change and were not counted again.
      const october = await db().figureDay.findUnique({ where: { day: new Date("2026-10-12T00:00:00Z") } });
      expect(october).not.toBeNull();
    } finally {
      await db().holidayCalendarYear.update({ where: { year: 2026 }, data: { off: year.off } });
    }
    const back = await getSupervisionDashboard({ actor: director, query: { period: "month", on: "2026-11-01" }, now: bj("2026-12-31 18:00") });
    expect(back.total.figures.daysUsed).toBe(21);
  });

  it("exports each breakdown with every row and the bureau's total", async () => {
    const items = await exportSupervisionFigures({ actor: supervisor, query: { period: "month", on: "2026-11-15", by: "item" }, now: NOW });
    expect(items.columns.slice(0, 4)).toEqual(["received", "accepted", "decided", "issued"]);
    const c = await db().item.findUniqueOrThrow({ where: { id: ids.itemC } });
    const row = items.rows.find((r) => r.labels[0] === c.implementationCode)!;
    expect(row.cells.slice(0, 4)).toEqual(["1", "1", "1", "0"]);
    expect(row.cells[items.columns.indexOf("averageDaysUsed")]).toBe("11.0");
    expect(row.cells[items.columns.indexOf("onTimePromisedShare")]).toBe("0.0");
    expect(row.cells[items.columns.indexOf("instantSameDayShare")]).toBe("");
    expect(items.total?.slice(0, 4)).toEqual(["11", "10", "6", "2"]);
    const staff = await exportSupervisionFigures({ actor: director, query: { period: "month", on: "2026-11-15", by: "staff" }, now: NOW });
    expect(staff.columns).not.toContain("received");
    expect(staff.rows[0].labels[1]).toBe(clerk.name);
    expect(staff.rows[0].cells.slice(0, 2)).toEqual(["10", "3"]);
    expect(staff.total).toBeNull();
  });

  it("is only for the director and supervisors", async () => {
    for (const role of ROLES) {
      const actor = role === "DIRECTOR" ? director : role === "SUPERVISOR" ? supervisor : actorOf(await createUser(db(), { role }));
      const call = getSupervisionDashboard({ actor, query: { period: "day" }, now: NOW });
      if (role === "DIRECTOR" || role === "SUPERVISOR") await expect(call).resolves.toBeDefined();
      else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(exportSupervisionFigures({ actor: clerk, query: {}, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getSupervisionDashboard({ actor: null, now: NOW })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("the public statistics", () => {
  it("gives twelve months and November by section, the same figures, and no one's name", async () => {
    const p = await getPublicStatistics({ query: { month: "2026-11" }, now: NOW });
    expect(p.months.map((m) => m.month)).toEqual(["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]);
    expect(p.months[11]).toEqual({ month: "2026-11", figures: NOVEMBER, toDate: true });
    expect(p.months[10].toDate).toBe(false);
    expect(p.months[10].figures.daysUsed).toBe(5);
    expect(p.total).toEqual(NOVEMBER);
    expect(p.sections.find((s) => s.figures.instantReceived === 5)?.figures.instantSameDay).toBe(2);
    const text = JSON.stringify(p);
    for (const secret of [clerk.name, chief.name, chief2.name, applicantName, clerk.id, chief.id, "511602-sf-"]) expect(text).not.toContain(secret);
    // A month in the future is not offered: the current one is shown instead.
    expect((await getPublicStatistics({ query: { month: "2027-05" }, now: NOW })).month).toBe("2026-11");
    expect((await getPublicStatistics({ query: { month: "0001-01" }, now: NOW })).month).toBe("2026-11");
  });
});
