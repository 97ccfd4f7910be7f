// 好差评 and complaint figures on real PostgreSQL against a small bureau whose answers were worked out
// by hand: November 2026 by item, section, window and member of staff; an appeal upheld takes a
// rating out of every figure; follow-ups on time and late on the bureau's date (an answer at 00:30
// Beijing time is the next day, though still the same day in UTC); complaints by stage; a week; the
// public statistics month by month and by section with nobody's name and no window; the CSV export.
import { beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import type { RatingLevel } from "@/lib/domain/ratings/ratings";
import { NO_COMPLAINTS, NO_FOLLOW_UPS, NO_RATINGS, ratingRatesOf, type ComplaintCounts, type FollowUpCounts, type RatingCounts, type RatingRow } from "@/lib/domain/statistics/rating-figures";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { db } from "@/lib/server/db";
import { exportRatingFigures } from "@/lib/server/statistics/export-rating-figures";
import { getPublicStatistics } from "@/lib/server/statistics/get-public-statistics";
import { getSupervisionDashboard } from "@/lib/server/statistics/get-supervision-dashboard";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

/** A Beijing wall-clock time as an instant. */
const bj = (s: string) => new Date(`${s.replace(" ", "T")}:00+08:00`);
const date = (d: string) => new Date(`${d}T00:00:00Z`);
const NOW = bj("2026-11-30 10:00");
const WINDOW_1 = "综合受理1号窗口";
const WINDOW_2 = "综合受理2号窗口";

const levels = (l: Partial<RatingCounts>): RatingCounts => ({ ...NO_RATINGS, ...l });
const followUps = (f: Partial<FollowUpCounts>): FollowUpCounts => ({ ...NO_FOLLOW_UPS, ...f });
const row = (r: Partial<RatingCounts>, f: Partial<FollowUpCounts> = {}): RatingRow => ({ ratings: levels(r), followUps: followUps(f) });
const complaints = (stages: Partial<ComplaintCounts["stages"]>, satisfaction: Partial<ComplaintCounts["satisfaction"]> = {}): ComplaintCounts => ({
  stages: { ...NO_COMPLAINTS.stages, ...stages },
  satisfaction: { ...NO_COMPLAINTS.satisfaction, ...satisfaction },
});

let director: Actor, supervisor: Actor, clerk1: Actor, clerk2: Actor, chief: Actor;
let applicantName: string;
const ids = { sectionA: "", sectionB: "", itemA1: "", itemA2: "", itemB: "", itemN: "" };

type Seeded = {
  id: string;
  item: "A1" | "A2" | "B" | "N";
  service: "ONLINE" | "WINDOW";
  staff: "clerk1" | "clerk2" | "chief" | null;
  level: RatingLevel;
  at: string;
  excluded?: boolean;
  /** The follow-up of a bad rating: its section, due day, and when answered (Beijing time). */
  followUp?: { section: "A" | "B"; due: string; answered?: string };
};

// Items A1 and A2 belong to section A, item B to section B, item N to no section. A2 belonged to
// section B until lately: r4's follow-up was opened for section B and stays with it.
const RATINGS: Seeded[] = [
  { id: "r1", item: "A1", service: "WINDOW", staff: "clerk1", level: "VERY_SATISFIED", at: "2026-11-02 10:00" },
  { id: "r2", item: "A1", service: "WINDOW", staff: "clerk1", level: "SATISFIED", at: "2026-11-03 10:00" },
  // Answered at 23:50 on its due day: on time.
  { id: "r3", item: "A1", service: "WINDOW", staff: "clerk1", level: "UNSATISFIED", at: "2026-11-04 10:00", followUp: { section: "A", due: "2026-11-11", answered: "2026-11-11 23:50" } },
  // Answered the day after its due day: late; its section is the one answerable (B), not the item's now (A).
  { id: "r4", item: "A2", service: "ONLINE", staff: "chief", level: "VERY_UNSATISFIED", at: "2026-11-05 10:00", followUp: { section: "B", due: "2026-11-12", answered: "2026-11-13 09:00" } },
  { id: "r5", item: "B", service: "WINDOW", staff: "clerk2", level: "BASIC", at: "2026-11-06 10:00" },
  // Open past its due day (27 November; today is the 30th): late.
  { id: "r6", item: "B", service: "WINDOW", staff: "clerk2", level: "UNSATISFIED", at: "2026-11-20 10:00", followUp: { section: "B", due: "2026-11-27" } },
  // Today's, no member of staff recorded.
  { id: "r7", item: "B", service: "ONLINE", staff: null, level: "VERY_SATISFIED", at: "2026-11-30 09:00" },
  // Open, due today: not yet late.
  { id: "r8", item: "A1", service: "WINDOW", staff: "clerk2", level: "VERY_UNSATISFIED", at: "2026-11-23 10:00", followUp: { section: "A", due: "2026-11-30" } },
  // An appeal upheld: out of every figure, its (late) follow-up too.
  { id: "r9", item: "A1", service: "WINDOW", staff: "clerk1", level: "VERY_UNSATISFIED", at: "2026-11-10 10:00", excluded: true, followUp: { section: "A", due: "2026-11-17", answered: "2026-11-20 10:00" } },
  // 23:30 on 31 October in Beijing is October; 00:10 on 1 November is November (still 31 October in UTC).
  { id: "r10", item: "B", service: "WINDOW", staff: "clerk2", level: "SATISFIED", at: "2026-10-31 23:30" },
  { id: "r11", item: "A2", service: "ONLINE", staff: "chief", level: "SATISFIED", at: "2026-11-01 00:10" },
  // Rated in October, its follow-up due in November and answered at 00:30 on the day after: late in
  // Beijing, though the UTC date (4 November) is the due day.
  { id: "r12", item: "A2", service: "ONLINE", staff: "chief", level: "UNSATISFIED", at: "2026-10-28 10:00", followUp: { section: "A", due: "2026-11-04", answered: "2026-11-05 00:30" } },
  { id: "r13", item: "N", service: "ONLINE", staff: "chief", level: "BASIC", at: "2026-11-15 10:00" },
];

type SeededComplaint = { id: string; stage: "RECEIVED" | "ASSIGNED" | "HANDLED" | "ANSWERED" | "CLOSED"; section: "A" | "B" | null; at: string; satisfaction?: "SATISFIED" | "BASIC" | "UNSATISFIED" };
const COMPLAINTS: SeededComplaint[] = [
  { id: "c1", stage: "RECEIVED", section: null, at: "2026-11-28 10:00" },
  { id: "c2", stage: "ASSIGNED", section: "A", at: "2026-11-10 10:00" },
  { id: "c3", stage: "HANDLED", section: "A", at: "2026-11-12 10:00" },
  { id: "c4", stage: "ANSWERED", section: "B", at: "2026-11-05 10:00" },
  { id: "c5", stage: "CLOSED", section: "B", at: "2026-11-03 10:00", satisfaction: "SATISFIED" },
  { id: "c6", stage: "CLOSED", section: "A", at: "2026-11-02 10:00", satisfaction: "UNSATISFIED" },
  // October's.
  { id: "c7", stage: "CLOSED", section: "B", at: "2026-10-20 10:00", satisfaction: "BASIC" },
  { id: "c8", stage: "RECEIVED", section: null, at: "2026-10-31 23:59" },
];

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  director = actorOf(await createUser(db(), { role: "DIRECTOR" }));
  supervisor = actorOf(await createUser(db(), { role: "SUPERVISOR" }));
  clerk1 = actorOf(await createUser(db(), { role: "CLERK", name: "评价窗口甲" }));
  clerk2 = actorOf(await createUser(db(), { role: "CLERK", name: "评价窗口乙" }));
  const a1 = await createItem(db());
  const a2 = await createItem(db());
  const b = await createItem(db());
  const n = await createItem(db());
  await db().item.update({ where: { id: a2.item.id }, data: { sectionId: a1.section.id } });
  await db().item.update({ where: { id: n.item.id }, data: { sectionId: null } });
  Object.assign(ids, { sectionA: a1.section.id, sectionB: b.section.id, itemA1: a1.item.id, itemA2: a2.item.id, itemB: b.item.id, itemN: n.item.id });
  chief = actorOf(await createUser(db(), { role: "CHIEF", name: "评价科长", sectionId: a1.section.id }));
  const applicant = await createUser(db(), { role: "APPLICANT", name: "评价申请人" });
  applicantName = applicant.name;
  const items = { A1: a1, A2: a2, B: b, N: n };
  const staff = { clerk1, clerk2, chief };
  const windows: Record<string, string> = { clerk1: WINDOW_1, clerk2: WINDOW_2 };
  const section = { A: ids.sectionA, B: ids.sectionB };
  for (const r of RATINGS) {
    const item = items[r.item];
    await db().application.create({
      data: {
        id: `rf-${r.id}`,
        number: `511602-rf-${r.id}`,
        submissionKey: `rf-${r.id}`,
        applicantId: applicant.id,
        filedById: applicant.id,
        channel: r.service === "WINDOW" ? "WINDOW" : "ONLINE",
        itemId: item.item.id,
        itemVersionId: item.version.id,
        state: "ISSUED",
        subject: "评价统计测试",
        contactName: applicant.name,
        contactPhone: "13800000000",
        submittedAt: bj(r.at),
      },
    });
    await db().rating.create({
      data: {
        id: `rf-${r.id}`,
        serviceKey: r.service === "WINDOW" ? `rf-${r.id}:VISIT:INTAKE` : `rf-${r.id}:ONLINE`,
        service: r.service,
        applicationId: `rf-${r.id}`,
        itemVersionId: item.version.id,
        channel: r.service === "WINDOW" ? "WINDOW_DEVICE" : "WEB",
        staffId: r.staff ? staff[r.staff].id : null,
        window: r.service === "WINDOW" && r.staff ? windows[r.staff] : "",
        level: r.level,
        createdAt: bj(r.at),
        ...(r.excluded ? { appealReason: "误评", appealedById: clerk1.id, appealedAt: bj(r.at), appealDecidedById: supervisor.id, appealUpheld: true, appealDecidedAt: bj(r.at), excludedAt: bj(r.at) } : {}),
      },
    });
    if (r.followUp) {
      await db().ratingFollowUp.create({
        data: { ratingId: `rf-${r.id}`, sectionId: section[r.followUp.section], dueOn: date(r.followUp.due), createdAt: bj(r.at), ...(r.followUp.answered ? { answer: "已回访并说明", answeredById: chief.id, verifiedAt: bj(r.followUp.answered), answeredAt: bj(r.followUp.answered) } : {}) },
      });
    }
  }
  for (const c of COMPLAINTS) {
    await db().complaint.create({
      data: {
        id: `rf-${c.id}`,
        number: `TS-rf-${c.id}`,
        category: "ATTITUDE",
        text: "投诉统计测试",
        phone: "13800000001",
        name: "投诉人",
        stage: c.stage,
        sectionId: c.section ? section[c.section] : null,
        satisfaction: c.satisfaction ?? null,
        createdAt: bj(c.at),
      },
    });
  }
});

// November as counted by hand. Ratings: r1–r8, r11, r13 (r9 excluded; r10 and r12 are October's).
// Follow-ups due in November: r3 on time; r4 and r12 answered late; r6 open past due; r8 due today.
const NOVEMBER = row(
  { VERY_SATISFIED: 2, SATISFIED: 2, BASIC: 2, UNSATISFIED: 2, VERY_UNSATISFIED: 2 },
  { due: 5, onTime: 1, answeredLate: 2, openOverdue: 1, openNotDue: 1 },
);
const NOVEMBER_COMPLAINTS = complaints({ RECEIVED: 1, ASSIGNED: 1, HANDLED: 1, ANSWERED: 1, CLOSED: 2 }, { SATISFIED: 1, UNSATISFIED: 1 });

describe("好差评 on the supervision dashboard", () => {
  it("gives November's ratings, shares and follow-ups as counted by hand; the appeal upheld counts nowhere", async () => {
    const d = await getSupervisionDashboard({ actor: director, query: { period: "month", on: "2026-11-15" }, now: NOW });
    const r = d.ratings;
    expect(r.total).toEqual(NOVEMBER);
    const rates = ratingRatesOf(r.total.ratings, r.total.followUps);
    expect(rates.satisfiedShare).toBeCloseTo(4 / 10);
    expect(rates.badShare).toBeCloseTo(4 / 10);
    // On time among those whose outcome is known: 1 of (1 on time + 2 answered late + 1 open past due).
    expect(rates.followUpOnTimeShare).toBeCloseTo(1 / 4);
  });

  it("breaks November down by item, section, window and member of staff", async () => {
    const { ratings: r } = await getSupervisionDashboard({ actor: supervisor, query: { period: "month", on: "2026-11-15" }, now: NOW });
    const item = (id: string) => r.byItem.find((i) => i.id === id)?.row;
    expect(item(ids.itemA1)).toEqual(row({ VERY_SATISFIED: 1, SATISFIED: 1, UNSATISFIED: 1, VERY_UNSATISFIED: 1 }, { due: 2, onTime: 1, openNotDue: 1 }));
    expect(item(ids.itemA2)).toEqual(row({ SATISFIED: 1, VERY_UNSATISFIED: 1 }, { due: 2, answeredLate: 2 }));
    expect(item(ids.itemB)).toEqual(row({ VERY_SATISFIED: 1, BASIC: 1, UNSATISFIED: 1 }, { due: 1, openOverdue: 1 }));
    expect(item(ids.itemN)).toEqual(row({ BASIC: 1 }));
    // Most ratings first.
    expect(r.byItem.map((i) => i.id)).toEqual([ids.itemA1, ids.itemB, ids.itemA2, ids.itemN]);

    // Ratings by the item's section now; follow-ups by the section answerable (r4's stays with B).
    const section = (id: string | null) => r.bySection.find((s) => s.id === id)?.row;
    expect(section(ids.sectionA)).toEqual(row({ VERY_SATISFIED: 1, SATISFIED: 2, UNSATISFIED: 1, VERY_UNSATISFIED: 2 }, { due: 3, onTime: 1, answeredLate: 1, openNotDue: 1 }));
    expect(section(ids.sectionB)).toEqual(row({ VERY_SATISFIED: 1, BASIC: 1, UNSATISFIED: 1 }, { due: 2, answeredLate: 1, openOverdue: 1 }));
    expect(section(null)).toEqual(row({ BASIC: 1 }));

    const window = (w: string | null) => r.byWindow.find((x) => x.window === w)?.row;
    expect(window(WINDOW_1)).toEqual(row({ VERY_SATISFIED: 1, SATISFIED: 1, UNSATISFIED: 1 }, { due: 1, onTime: 1 }));
    expect(window(WINDOW_2)).toEqual(row({ BASIC: 1, UNSATISFIED: 1, VERY_UNSATISFIED: 1 }, { due: 2, openOverdue: 1, openNotDue: 1 }));
    expect(window(null)).toEqual(row({ VERY_SATISFIED: 1, SATISFIED: 1, BASIC: 1, VERY_UNSATISFIED: 1 }, { due: 2, answeredLate: 2 }));
    expect(r.byWindow.map((w) => w.window)).toEqual([WINDOW_1, WINDOW_2, null]);

    const staff = (id: string | null) => r.byStaff.find((u) => u.id === id);
    expect(staff(clerk1.id)).toMatchObject({ name: clerk1.name, role: "CLERK", row: row({ VERY_SATISFIED: 1, SATISFIED: 1, UNSATISFIED: 1 }, { due: 1, onTime: 1 }) });
    expect(staff(clerk2.id)?.row).toEqual(row({ BASIC: 1, UNSATISFIED: 1, VERY_UNSATISFIED: 1 }, { due: 2, openOverdue: 1, openNotDue: 1 }));
    expect(staff(chief.id)).toMatchObject({ name: chief.name, row: row({ SATISFIED: 1, BASIC: 1, VERY_UNSATISFIED: 1 }, { due: 2, answeredLate: 2 }) });
    expect(staff(null)?.row).toEqual(row({ VERY_SATISFIED: 1 }));
    expect(r.byStaff.at(-1)?.id).toBeNull();
  });

  it("counts November's complaints by stage, in total and by the section they are assigned to", async () => {
    const { ratings: r } = await getSupervisionDashboard({ actor: director, query: { period: "month", on: "2026-11-15" }, now: NOW });
    expect(r.complaints.total).toEqual(NOVEMBER_COMPLAINTS);
    const section = (id: string | null) => r.complaints.bySection.find((s) => s.id === id)?.complaints;
    expect(section(ids.sectionA)).toEqual(complaints({ ASSIGNED: 1, HANDLED: 1, CLOSED: 1 }, { UNSATISFIED: 1 }));
    expect(section(ids.sectionB)).toEqual(complaints({ ANSWERED: 1, CLOSED: 1 }, { SATISFIED: 1 }));
    expect(section(null)).toEqual(complaints({ RECEIVED: 1 }));
  });

  it("gives a week: ratings given in it, follow-ups due in it", async () => {
    // 9–15 November: r13 (r9 excluded); r3 (on time) and r4 (late) due; c2 and c3 received.
    const { ratings: r, period } = await getSupervisionDashboard({ actor: director, query: { period: "week", on: "2026-11-11" }, now: NOW });
    expect(period).toEqual({ kind: "week", from: "2026-11-09", to: "2026-11-15" });
    expect(r.total).toEqual(row({ BASIC: 1 }, { due: 2, onTime: 1, answeredLate: 1 }));
    expect(r.complaints.total).toEqual(complaints({ ASSIGNED: 1, HANDLED: 1 }));
    // Seen a month later, r8's follow-up (due 30 November, still open) is late.
    const later = await getSupervisionDashboard({ actor: director, query: { period: "month", on: "2026-11-15" }, now: bj("2026-12-31 10:00") });
    expect(later.ratings.total.followUps).toEqual(followUps({ due: 5, onTime: 1, answeredLate: 2, openOverdue: 2 }));
  });

  it("exports each breakdown with every row and the bureau's total; by section with the complaints", async () => {
    const bySection = await exportRatingFigures({ actor: supervisor, query: { period: "month", on: "2026-11-15", by: "section" }, now: NOW });
    const a = await db().section.findUniqueOrThrow({ where: { id: ids.sectionA } });
    const rowA = bySection.rows.find((x) => x.labels[0] === a.name)!;
    const col = (k: string) => bySection.columns.indexOf(k as never);
    expect(rowA.cells.slice(0, 6)).toEqual(["6", "1", "2", "0", "1", "2"]);
    expect(rowA.cells[col("badShare")]).toBe("50.0");
    expect(rowA.cells[col("followUpOnTimeShare")]).toBe("50.0");
    expect(rowA.cells.slice(bySection.columns.length)).toEqual(["3", "0", "1", "1", "0", "1", "0", "0", "1"]);
    expect(bySection.total.slice(0, 6)).toEqual(["10", "2", "2", "2", "2", "2"]);
    expect(bySection.total.slice(bySection.columns.length)).toEqual(["6", "1", "1", "1", "1", "2", "1", "0", "1"]);
    const byStaff = await exportRatingFigures({ actor: director, query: { period: "month", on: "2026-11-15", by: "staff" }, now: NOW });
    expect(byStaff.rows.map((x) => x.labels[1])).toEqual(expect.arrayContaining([clerk1.name, clerk2.name, chief.name, null]));
    expect(byStaff.complaintColumns).toEqual([]);
    const byWindow = await exportRatingFigures({ actor: director, query: { period: "month", on: "2026-11-15", by: "window" }, now: NOW });
    expect(byWindow.rows.map((x) => x.labels[0])).toEqual([WINDOW_1, WINDOW_2, null]);
    await expect(exportRatingFigures({ actor: clerk1, query: {}, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("好差评 in the public statistics", () => {
  it("gives each month in total and November by section, without any name, window or member of staff", async () => {
    const p = await getPublicStatistics({ query: { month: "2026-11" }, now: NOW });
    const r = p.ratings;
    expect(r.months.map((m) => m.month)).toEqual(p.months.map((m) => m.month));
    expect(r.months[11]).toEqual({ month: "2026-11", row: NOVEMBER, complaints: NOVEMBER_COMPLAINTS });
    // October: r10 and r12 (its follow-up is due in November); c7 and c8.
    expect(r.months[10]).toEqual({ month: "2026-10", row: row({ SATISFIED: 1, UNSATISFIED: 1 }), complaints: complaints({ RECEIVED: 1, CLOSED: 1 }, { BASIC: 1 }) });
    expect(r.months.slice(0, 10).every((m) => m.row.ratings.SATISFIED === 0 && m.row.followUps.due === 0)).toBe(true);
    expect(r.total).toEqual({ row: NOVEMBER, complaints: NOVEMBER_COMPLAINTS });
    const a = await db().section.findUniqueOrThrow({ where: { id: ids.sectionA } });
    expect(r.sections.find((s) => s.code === a.code)).toMatchObject({
      row: row({ VERY_SATISFIED: 1, SATISFIED: 2, UNSATISFIED: 1, VERY_UNSATISFIED: 2 }, { due: 3, onTime: 1, answeredLate: 1, openNotDue: 1 }),
      complaints: complaints({ ASSIGNED: 1, HANDLED: 1, CLOSED: 1 }, { UNSATISFIED: 1 }),
    });
    expect(r.sections.find((s) => s.code === null)).toEqual({ code: null, name: null, row: row({ BASIC: 1 }), complaints: complaints({ RECEIVED: 1 }) });
    // The filings' and the ratings' sections are the same rows.
    expect(r.sections.map((s) => s.code)).toEqual(p.sections.map((s) => s.code));
    const text = JSON.stringify(p);
    for (const secret of [clerk1.name, clerk2.name, chief.name, applicantName, clerk1.id, chief.id, WINDOW_1, WINDOW_2, "投诉人", "13800000001", "511602-rf-", "TS-rf-"]) expect(text).not.toContain(secret);
  });
});
