// The working-day calendar as one row per date, for counting working days in SQL: `ordinal` is the
// number of working days from the first date of the table up to and including the date, so the
// working days in (a, b] are ordinal(b) − ordinal(a) — the same count as `workingDaysBetween`.
import { addCalendarDays, isWorkingDay, type PlainDate, type WorkingCalendar } from "./working-days";

export type CalendarDayRow = { day: PlainDate; working: boolean; ordinal: number };

/**
 * Every date of the calendar's last unbroken run of years (official years and the provisional one
 * after them). A year missing in between would make a count across it wrong, so the table starts
 * after the gap; dates outside it are simply not counted.
 */
export function calendarDayRows(cal: WorkingCalendar): CalendarDayRow[] {
  const years = [...cal.tables.keys()].sort((a, b) => a - b);
  if (years.length === 0) return [];
  let first = years.length - 1;
  while (first > 0 && years[first - 1] === years[first] - 1) first--;
  const rows: CalendarDayRow[] = [];
  let ordinal = 0;
  const end = `${String(years[years.length - 1] + 1).padStart(4, "0")}-01-01`;
  for (let day = `${String(years[first]).padStart(4, "0")}-01-01`; day < end; day = addCalendarDays(day, 1)) {
    const working = isWorkingDay(cal, day);
    if (working) ordinal++;
    rows.push({ day, working, ordinal });
  }
  return rows;
}

/**
 * The first date at which two tables disagree (a date present in one only, or working in one and
 * not in the other), or null when they are the same. Working days counted over intervals that end
 * before it are unchanged.
 */
export function firstCalendarChange(before: readonly Pick<CalendarDayRow, "day" | "working">[], after: readonly Pick<CalendarDayRow, "day" | "working">[]): PlainDate | null {
  const old = new Map(before.map((r) => [r.day, r.working]));
  const now = new Map(after.map((r) => [r.day, r.working]));
  let first: PlainDate | null = null;
  for (const [day, working] of now) if (old.get(day) !== working && (first === null || day < first)) first = day;
  for (const day of old.keys()) if (!now.has(day) && (first === null || day < first)) first = day;
  return first;
}
