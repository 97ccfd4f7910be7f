// What loading a year of the holiday notice would do: the calendar it gives, and every open case
// whose stored due dates it moves. Shared by the preview and the publication, so the administrator
// is shown exactly what publishing then writes.
import "server-only";
import { createBureauCalendar } from "@/lib/domain/calendar/provisional-year";
import { CalendarDataError, createWorkingCalendar, toPlainDate, type CalendarYear, type WorkingCalendar } from "@/lib/domain/calendar/working-days";
import { recomputeDueDates, type DueDateMove, type StoredDueDates } from "@/lib/domain/clock/recompute-due-dates";
import { CLOCK_RUNNING_STATES } from "@/lib/domain/workflow/application-workflow";
import { AppError } from "@/lib/errors";
import { ledgerOf } from "@/lib/server/cases/case-clock";
import { fromDateColumn } from "@/lib/server/date-column";
import type { Tx } from "@/lib/server/db";
import { officialYears } from "./working-calendar";
import { ZCalendarYearInput, type TCalendarYearInput } from "./schemas";

export type CaseDueChange = {
  applicationId: string;
  applicantId: string;
  number: string;
  itemName: string;
  from: StoredDueDates;
  to: StoredDueDates;
  moves: DueDateMove[];
};

export type CalendarYearPlan = {
  year: CalendarYear & { source: string };
  /** The year is held already (a corrected notice replaces it). */
  replaces: boolean;
  /** Held already with exactly these days: loading it again changes nothing. */
  unchanged: boolean;
  openCases: number;
  changes: CaseDueChange[];
  /** The calendar with this year loaded (what the changes were counted on). */
  calendar: WorkingCalendar;
};

/** Validates the input as a calendar year; the refusals name the field. */
export function parseCalendarYear(raw: TCalendarYearInput): CalendarYear & { source: string } {
  const input = ZCalendarYearInput.parse(raw);
  const year = { year: input.year, off: [...new Set(input.off)].sort(), work: [...new Set(input.work)].sort(), source: input.source };
  try {
    createWorkingCalendar([year]);
  } catch (e) {
    if (e instanceof CalendarDataError || (e as { code?: string }).code === "INVALID_PLAIN_DATE") {
      throw new AppError("VALIDATION", "calendar.dates", { field: "off", details: { reason: (e as Error).message } });
    }
    throw e;
  }
  if (year.off.length === 0) throw new AppError("VALIDATION", "calendar.noHolidays", { field: "off" });
  return year;
}

/**
 * Reads inside `tx`; writes nothing. Publication calls it under the exclusive calendar lock, which
 * every transaction that stores due dates shares (see lockedWorkingCalendar), so no case can be
 * accepted or have its ledger changed on the old calendar while the plan is carried out.
 */
export async function planCalendarYear(tx: Tx, raw: TCalendarYearInput, now: Date): Promise<CalendarYearPlan> {
  const year = parseCalendarYear(raw);
  const held = await officialYears(tx);
  const last = held.length > 0 ? held[held.length - 1].year : year.year - 1;
  // A year beyond the provisional one would leave a year unknown between them.
  if (year.year > last + 1) throw new AppError("VALIDATION", "calendar.gap", { field: "year", details: { year: last + 1 } });
  const existing = held.find((y) => y.year === year.year);
  const previous = createBureauCalendar(held);
  const next = createBureauCalendar([...held.filter((y) => y.year !== year.year), year].sort((a, b) => a.year - b.year));
  const unchanged = !!existing && sameDays(existing, year);

  const open = await tx.application.findMany({
    where: { state: { in: [...CLOCK_RUNNING_STATES] }, acceptedAt: { not: null } },
    select: {
      id: true,
      applicantId: true,
      number: true,
      acceptedAt: true,
      promisedDue: true,
      statutoryDue: true,
      owedBy: true,
      itemVersion: { select: { name: true, promisedDays: true, statutoryDays: true } },
      clockEntries: { select: { kind: true, startedOn: true, endedOn: true, days: true } },
    },
    orderBy: { acceptedAt: "asc" },
  });
  const today = toPlainDate(now);
  const changes: CaseDueChange[] = [];
  for (const a of open) {
    const stored: StoredDueDates = { promisedDue: fromDateColumn(a.promisedDue), statutoryDue: fromDateColumn(a.statutoryDue), owedBy: fromDateColumn(a.owedBy) };
    const r = recompute(previous, next, a, stored, today);
    if (r.moves.length > 0) changes.push({ applicationId: a.id, applicantId: a.applicantId, number: a.number ?? "", itemName: a.itemVersion.name, from: stored, to: r.dates, moves: r.moves });
  }
  return { year, replaces: !!existing, unchanged, openCases: open.length, changes, calendar: next };
}

function recompute(
  previous: WorkingCalendar,
  next: WorkingCalendar,
  a: { acceptedAt: Date | null; itemVersion: { promisedDays: number; statutoryDays: number }; clockEntries: Parameters<typeof ledgerOf>[0] },
  stored: StoredDueDates,
  today: string,
) {
  return recomputeDueDates(previous, next, { acceptedOn: toPlainDate(a.acceptedAt!), promisedDays: a.itemVersion.promisedDays, statutoryDays: a.itemVersion.statutoryDays, ...ledgerOf(a.clockEntries), stored }, today);
}

function sameDays(a: CalendarYear, b: CalendarYear): boolean {
  const key = (y: CalendarYear) => JSON.stringify([[...y.off].sort(), [...y.work].sort()]);
  return key(a) === key(b);
}

/** How far dates move: cases per shift in calendar days, for the administrator's preview. */
export function summarisePlan(plan: CalendarYearPlan) {
  const shifts = new Map<number, number>();
  for (const c of plan.changes) {
    const shift = c.moves.find((m) => m.field === "statutoryDue")?.shift ?? c.moves[0].shift;
    shifts.set(shift, (shifts.get(shift) ?? 0) + 1);
  }
  return {
    year: plan.year.year,
    replaces: plan.replaces,
    unchanged: plan.unchanged,
    openCases: plan.openCases,
    moved: plan.changes.length,
    shifts: [...shifts].sort(([a], [b]) => a - b).map(([days, cases]) => ({ days, cases })),
    sample: plan.changes.slice(0, 20).map((c) => ({ number: c.number, itemName: c.itemName, moves: c.moves })),
  };
}
export type CalendarYearSummary = ReturnType<typeof summarisePlan>;
