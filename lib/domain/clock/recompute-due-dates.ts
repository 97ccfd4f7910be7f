// When the calendar changes (an official year replaces a provisional one, or a notice is corrected),
// the due dates an open case was told are counted again on the new calendar.
import { addWorkingDays, calendarDaysBetween, workingDaysBetween, type PlainDate, type WorkingCalendar } from "../calendar/working-days";
import { clockState, type LedgerExtension, type LedgerSuspension } from "./clock-ledger";

export const DUE_DATE_FIELDS = ["promisedDue", "statutoryDue", "owedBy"] as const;
export type DueDateField = (typeof DUE_DATE_FIELDS)[number];
export type StoredDueDates = Record<DueDateField, PlainDate | null>;

export type OpenCaseClock = {
  acceptedOn: PlainDate;
  promisedDays: number;
  statutoryDays: number;
  suspensions: readonly LedgerSuspension[];
  extensions: readonly LedgerExtension[];
  /** What the applicant was last told. */
  stored: StoredDueDates;
};

export type DueDateMove = { field: DueDateField; from: PlainDate; to: PlainDate; /** calendar days, + later */ shift: number };

/**
 * The case's due dates on `next`, and which of the stored ones move. Stored dates were set when the
 * ledger last changed; while a suspension runs, that was its first day, so the count is made as of
 * that day, not today — only the calendar's change may move a date here. The owed-materials date
 * keeps its number of working days after acceptance, read back on the calendar it was set with.
 */
export function recomputeDueDates(previous: WorkingCalendar, next: WorkingCalendar, c: OpenCaseClock, today: PlainDate): { dates: StoredDueDates; moves: DueDateMove[] } {
  const running = c.suspensions.find((s) => s.endedOn === null);
  const asOf = running ? running.startedOn : today;
  const clock = clockState(next, { acceptedOn: c.acceptedOn, promisedDays: c.promisedDays, statutoryDays: c.statutoryDays, suspensions: c.suspensions, extensions: c.extensions, today: asOf });
  const owedBy = c.stored.owedBy === null ? null : addWorkingDays(next, c.acceptedOn, workingDaysBetween(previous, c.acceptedOn, c.stored.owedBy));
  const dates: StoredDueDates = { promisedDue: clock.promisedDue, statutoryDue: clock.statutoryDue, owedBy };
  const moves: DueDateMove[] = [];
  for (const field of DUE_DATE_FIELDS) {
    const from = c.stored[field];
    const to = dates[field];
    if (from !== null && to !== null && from !== to) moves.push({ field, from, to, shift: calendarDaysBetween(from, to) });
  }
  return { dates, moves };
}
