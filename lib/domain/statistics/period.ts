// The periods the bureau's figures are read over — a bureau day, an ISO week (Monday to Sunday) or a
// calendar month, all in Beijing time — the trend of periods before one, and months as YYYY-MM.
import { addCalendarDays, isoWeekday, isPlainDate, type PlainDate } from "../calendar/working-days";

export const PERIOD_KINDS = ["day", "week", "month"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Bureau days from `from` to `to`, both included. */
export type Period = { kind: PeriodKind; from: PlainDate; to: PlainDate };

/** How many periods a trend shows, the chosen one last. */
export const TREND_LENGTH: Record<PeriodKind, number> = { day: 14, week: 12, month: 12 };

const MONTH = /^(\d{4})-(\d{2})$/;

export function isMonth(value: unknown): value is string {
  const m = typeof value === "string" ? MONTH.exec(value) : null;
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 1;
}

/** The month (YYYY-MM) a day lies in. */
export function monthOf(day: PlainDate): string {
  return day.slice(0, 7);
}

function monthStart(year: number, month: number): PlainDate {
  // month may run past 12 or below 1: normalise first.
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-01`;
}

/** The period of `kind` that holds `day`. */
export function periodOf(kind: PeriodKind, day: PlainDate): Period {
  if (!isPlainDate(day)) throw new RangeError(`Not a date: ${JSON.stringify(day)}`);
  if (kind === "day") return { kind, from: day, to: day };
  if (kind === "week") {
    const from = addCalendarDays(day, 1 - isoWeekday(day));
    return { kind, from, to: addCalendarDays(from, 6) };
  }
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return { kind, from: monthStart(year, month), to: addCalendarDays(monthStart(year, month + 1), -1) };
}

/** The month YYYY-MM as a period. */
export function monthPeriod(month: string): Period {
  if (!isMonth(month)) throw new RangeError(`Not a month: ${JSON.stringify(month)}`);
  return periodOf("month", `${month}-01`);
}

/** The period `n` periods after `p` (before it when `n` is negative). */
export function shiftPeriod(p: Period, n: number): Period {
  if (!Number.isInteger(n)) throw new RangeError(`Period count must be an integer, got ${n}`);
  if (p.kind === "day") return periodOf("day", addCalendarDays(p.from, n));
  if (p.kind === "week") return periodOf("week", addCalendarDays(p.from, 7 * n));
  return periodOf("month", monthStart(Number(p.from.slice(0, 4)), Number(p.from.slice(5, 7)) + n));
}

/** The `length` periods ending with `p`, oldest first. */
export function trendOf(p: Period, length = TREND_LENGTH[p.kind]): Period[] {
  return Array.from({ length }, (_, i) => shiftPeriod(p, i - length + 1));
}

/** Whether `day` lies in the period. Plain dates compare as strings. */
export function inPeriod(p: Period, day: PlainDate): boolean {
  return day >= p.from && day <= p.to;
}

/**
 * The first instant of a bureau day. Beijing time is UTC+8 all year (China has kept no daylight
 * saving time since 1991), so the offset is fixed.
 */
export function bureauDayStart(day: PlainDate): Date {
  if (!isPlainDate(day)) throw new RangeError(`Not a date: ${JSON.stringify(day)}`);
  return new Date(`${day}T00:00:00+08:00`);
}

/** The instants [start, end) a period covers, for range conditions on timestamps. */
export function periodInstants(p: Pick<Period, "from" | "to">): { start: Date; end: Date } {
  return { start: bureauDayStart(p.from), end: bureauDayStart(addCalendarDays(p.to, 1)) };
}

/** The earlier of two days (plain dates compare as strings). */
export function earlierOf(a: PlainDate, b: PlainDate): PlainDate {
  return a <= b ? a : b;
}

/** The later of two days. */
export function laterOf(a: PlainDate, b: PlainDate): PlainDate {
  return a >= b ? a : b;
}
