// The clock across the year end: acceptance in December 2026 stores provisional dates for 2027;
// loading the official 2027 (here a test notice with one extra bridging day off and one make-up
// Saturday) moves exactly the affected open cases, audits each, and tells each applicant; loading
// the same year again moves nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { provisionalCalendarYear } from "@/lib/domain/calendar/provisional-year";
import { submitApplication } from "@/lib/server/applications/file-application";
import { decideIntake } from "@/lib/server/applications/intake";
import { setNotifier, type OutboundMessage } from "@/lib/server/applications/notifier";
import { getApplication, lookupProgress } from "@/lib/server/applications/queries";
import type { Actor } from "@/lib/domain/access/actor";
import { previewCalendarYear } from "@/lib/server/calendar/preview-calendar-year";
import { publishCalendarYear } from "@/lib/server/calendar/publish-calendar-year";
import { listCalendarYears, seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { startSuspension } from "@/lib/server/cases/start-suspension";
import { listCaseQueue } from "@/lib/server/cases/list-case-queue";
import { db } from "@/lib/server/db";
import { draftWithMaterials } from "../factories/filings";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";
import { runQueuedJobs } from "../support/jobs";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-calendar-"));
const sent: OutboundMessage[] = [];
setNotifier({ send: async (m) => void sent.push(m) });

const at = (day: string) => new Date(`${day}T02:00:00Z`); // 10:00 in Beijing
let item: Awaited<ReturnType<typeof createItem>>;
let applicant: Actor, other: Actor, clerk: Actor, reviewer: Actor, admin: Actor;

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  item = await createItem(db(), { promisedDays: 5, statutoryDays: 20 });
  applicant = actorOf(await createUser(db(), { role: "APPLICANT" }));
  other = actorOf(await createUser(db(), { role: "APPLICANT" }));
  clerk = actorOf(await createUser(db(), { role: "CLERK" }));
  reviewer = actorOf(await createUser(db(), { role: "REVIEWER", sectionId: item.section.id }));
  admin = actorOf(await createUser(db(), { role: "ADMIN" }));
});

/** Filed and accepted on `day`; with `owedDays`, accepted with the supplementary material owed. */
async function accepted(day: string, opts: { by?: Actor; owedDays?: number } = {}) {
  const actor = opts.by ?? applicant;
  const { id, materialIds: ids } = await draftWithMaterials(actor, item);
  const { number } = await submitApplication({ actor, applicationId: id, now: at(day) });
  const input =
    opts.owedDays === undefined
      ? { applicationId: id, decision: "ACCEPT" as const, okMaterialIds: ids }
      : { applicationId: id, decision: "ACCEPT_WITH_DEFICIENCIES" as const, okMaterialIds: ids.slice(0, 2), owedDays: opts.owedDays };
  await decideIntake({ actor: clerk, input, now: at(day) });
  return { id, number: number! };
}

const stored = async (id: string) => {
  const a = await db().application.findUniqueOrThrow({ where: { id } });
  const d = (x: Date | null) => x?.toISOString().slice(0, 10) ?? null;
  return { promisedDue: d(a.promisedDue), statutoryDue: d(a.statutoryDue), owedBy: d(a.owedBy) };
};

// The test notice: the regulation's days, plus Monday 4 January off (bridging) and Saturday 20 February worked.
const p2027 = provisionalCalendarYear(2027);
const notice = { year: 2027, off: [...p2027.off, "2027-01-04"].join("\n"), work: "2027-02-20", source: "测试用 2027 年通知（非官方）" };

describe("a year loaded while cases are open", () => {
  it("moves exactly the affected open cases, audits each, tells each applicant; loading it again moves nothing", async () => {
    const a = await accepted("2026-12-04"); // statutory: 20th working day is Mon 4 Jan 2027 → moves
    const b = await accepted("2026-11-20"); // statutory 18 Dec 2026 → stays
    const c = await accepted("2026-12-04", { by: other }); // closed before the year is loaded → untouched
    const d = await accepted("2026-12-22", { owedDays: 8 }); // owed by Mon 4 Jan 2027 → moves
    const e = await accepted("2026-12-04"); // suspended from 10 Dec, still running → counted as of its start
    await startSuspension({ actor: reviewer, input: { applicationId: e.id, reason: "EXPERT_REVIEW", note: "专家评审" }, now: at("2026-12-10") });
    await db().application.update({ where: { id: c.id }, data: { state: "DENIED", decidedAt: at("2026-12-20"), decisionReason: "不符合条件", decisionBasis: "《行政许可法》第三十八条" } });

    expect(await stored(a.id)).toEqual({ promisedDue: "2026-12-11", statutoryDue: "2027-01-04", owedBy: null });
    expect(await stored(b.id)).toEqual({ promisedDue: "2026-11-27", statutoryDue: "2026-12-18", owedBy: null });
    expect(await stored(d.id)).toEqual({ promisedDue: "2026-12-29", statutoryDue: "2027-01-20", owedBy: "2027-01-04" });
    expect(await stored(e.id)).toEqual({ promisedDue: "2026-12-11", statutoryDue: "2027-01-04", owedBy: null });
    const cBefore = await stored(c.id);

    // Provisional wherever it is shown: the applicant's page, the public lookup, the section's queue.
    expect((await getApplication({ actor: applicant, applicationId: a.id })).provisional).toEqual({ promisedDue: false, statutoryDue: true, owedBy: false });
    const appRow = await db().application.findUniqueOrThrow({ where: { id: a.id }, include: { applicant: true } });
    expect((await lookupProgress({ number: a.number, idTail: appRow.applicant.residentId!.slice(-4) }))?.provisional).toEqual({ promisedDue: false, statutoryDue: true });
    const queue = (await listCaseQueue({ actor: reviewer, now: at("2026-12-10") })).rows;
    expect(queue.find((r) => r.id === a.id)?.provisional).toEqual({ promisedDue: false, statutoryDue: true });
    const accept = await db().message.findFirstOrThrow({ where: { applicationId: d.id, kind: "ACCEPT_WITH_DEFICIENCIES" } });
    expect(accept.params).toMatchObject({ owedBy: "2027-01-04", provisional: "1" });

    // The administrator's preview: how many open cases move, and by how much. Nothing is written yet.
    const eventsBefore = await db().auditEvent.count();
    const preview = await previewCalendarYear({ actor: admin, input: notice, now: at("2026-12-28") });
    expect(preview).toMatchObject({ year: 2027, replaces: false, openCases: 4, moved: 3, shifts: [{ days: 1, cases: 3 }] });
    expect(preview.sample.map((s) => s.number).sort()).toEqual([a.number, d.number, e.number].sort());
    expect(await db().auditEvent.count()).toBe(eventsBefore);
    expect(await db().holidayCalendarYear.findUnique({ where: { year: 2027 } })).toBeNull();
    await expect(previewCalendarYear({ actor: clerk, input: notice })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await runQueuedJobs();
    sent.length = 0;
    const published = await publishCalendarYear({ actor: admin, input: notice, now: at("2026-12-28") });
    expect(published).toMatchObject({ year: 2027, moved: 3, shifts: [{ days: 1, cases: 3 }] });

    expect(await stored(a.id)).toEqual({ promisedDue: "2026-12-11", statutoryDue: "2027-01-05", owedBy: null });
    expect(await stored(b.id)).toEqual({ promisedDue: "2026-11-27", statutoryDue: "2026-12-18", owedBy: null });
    expect(await stored(c.id)).toEqual(cBefore);
    expect(await stored(d.id)).toEqual({ promisedDue: "2026-12-29", statutoryDue: "2027-01-21", owedBy: "2027-01-05" });
    expect(await stored(e.id)).toEqual({ promisedDue: "2026-12-11", statutoryDue: "2027-01-05", owedBy: null });
    // No longer provisional: the year is official now.
    expect((await getApplication({ actor: applicant, applicationId: a.id })).provisional).toEqual({ promisedDue: false, statutoryDue: false, owedBy: false });

    // Each move audited on its case, with the old and the new dates.
    const audits = await db().auditEvent.findMany({ where: { action: "clock.calendarRecounted" }, orderBy: { id: "asc" } });
    expect(audits.map((x) => x.entityId).sort()).toEqual([a.id, d.id, e.id].sort());
    expect(audits.find((x) => x.entityId === a.id)).toMatchObject({ before: { statutoryDue: "2027-01-04" }, after: { statutoryDue: "2027-01-05" }, actorId: admin.id });
    expect(await db().auditEvent.count({ where: { action: "calendar.yearAdded", entityId: "2027" } })).toBe(1);

    // Each applicant whose date moved is told the old and the new date — in the inbox and by SMS.
    const moved = await db().message.findMany({ where: { kind: { startsWith: "DUE_DATES_MOVED" } } });
    expect(moved.map((m) => m.applicationId).sort()).toEqual([a.id, d.id, e.id].sort());
    expect(moved.find((m) => m.applicationId === a.id)).toMatchObject({ kind: "DUE_DATES_MOVED", params: { statutoryDueWas: "2027-01-04", statutoryDue: "2027-01-05", year: "2027" } });
    expect(moved.find((m) => m.applicationId === d.id)).toMatchObject({ kind: "DUE_DATES_MOVED_OWED", params: { owedByWas: "2027-01-04", owedBy: "2027-01-05" } });
    await runQueuedJobs();
    expect(sent).toHaveLength(3);
    await runQueuedJobs();
    expect(sent.find((m) => m.text.includes(a.number))?.text).toMatch(/2027-01-05.*原 2027-01-04/);

    // The same year again: nothing moves, nothing is written, no one is messaged.
    const [eventsAfter, messagesAfter, row] = await Promise.all([db().auditEvent.count(), db().message.count(), db().holidayCalendarYear.findUniqueOrThrow({ where: { year: 2027 } })]);
    await runQueuedJobs();
    sent.length = 0;
    expect(await publishCalendarYear({ actor: admin, input: notice, now: at("2026-12-29") })).toMatchObject({ moved: 0, unchanged: true, replaces: true });
    expect(await db().auditEvent.count()).toBe(eventsAfter);
    expect(await db().message.count()).toBe(messagesAfter);
    await runQueuedJobs();
    expect(sent).toEqual([]);
    expect((await db().holidayCalendarYear.findUniqueOrThrow({ where: { year: 2027 } })).updatedAt).toEqual(row.updatedAt);

    // The administrator's page names where each year comes from; 2028 is now the provisional year.
    const years = await listCalendarYears({ actor: admin });
    expect(years.official[0]).toMatchObject({ year: 2027, source: notice.source });
    expect(years.official.find((y) => y.year === 2026)?.source).toContain("国务院办公厅");
    expect(years.provisional?.year).toBe(2028);
  });
});
