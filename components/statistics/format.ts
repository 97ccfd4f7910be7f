// How figures read on the page: counts as integers, shares as percentages, averages with one decimal,
// nothing counted as a dash; periods as the language writes dates.
import type { getFormatter } from "next-intl/server";
import { AVERAGE_COLUMNS, SHARE_COLUMNS, type ColumnKey } from "@/lib/domain/statistics/figures";
import type { Period } from "@/lib/domain/statistics/period";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export const NONE = "—";

export function formatShare(format: Formatter, value: number | null): string {
  return value === null ? NONE : format.number(value, { style: "percent", maximumFractionDigits: 1 });
}

export function formatAverage(format: Formatter, value: number | null): string {
  return value === null ? NONE : format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function formatColumn(format: Formatter, key: ColumnKey, value: number | null): string {
  if (value === null) return NONE;
  if (SHARE_COLUMNS.has(key)) return formatShare(format, value);
  if (AVERAGE_COLUMNS.has(key)) return formatAverage(format, value);
  return format.number(value);
}

/** A plain date as the language writes it (the date itself, no time zone involved). */
export function formatDay(format: Formatter, day: string): string {
  return format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
}

export function formatMonth(format: Formatter, month: string): string {
  return format.dateTime(new Date(`${month}-01T00:00:00Z`), { year: "numeric", month: "long", timeZone: "UTC" });
}

/** A period in words: a day, "from … to …", or a month. */
export function formatPeriod(format: Formatter, period: Period, weekTemplate: (from: string, to: string) => string): string {
  if (period.kind === "day") return formatDay(format, period.from);
  if (period.kind === "month") return formatMonth(format, period.from.slice(0, 7));
  return weekTemplate(formatDay(format, period.from), formatDay(format, period.to));
}

/** A short label for a period in a chart: MM-DD for days and weeks (their Monday), YYYY-MM for months. */
export function shortPeriod(period: Period): string {
  return period.kind === "month" ? period.from.slice(0, 7) : period.from.slice(5);
}
