// The bureau's working-day calculator: statutory deadlines count working days (Administrative Licensing Law art. 82).
import { BUREAU_TIME_ZONE } from "./time-zone";

/**
 * A calendar date with no time and no zone, written `YYYY-MM-DD`. All arithmetic on it is integer
 * arithmetic on day numbers, never `Date` in local time, so results cannot depend on the server's TZ.
 */
export type PlainDate = string;

/** One year of the official calendar: statutory rest days (`off`) and make-up working days (`work`, 调休上班). */
export type CalendarYear = { year: number; off: string[]; work: string[] };

type YearTable = {
  /** Day number of 1 January. */
  readonly firstDay: number;
  /** 1 = working day, by day of the year (0-based). */
  readonly working: Uint8Array;
  /** prefix[i] = working days among days 0..i of the year; lets `workingDaysBetween` skip whole years. */
  readonly prefix: Uint16Array;
  /** Computed from the holiday regulation, not read from the year's official notice. */
  readonly provisional: boolean;
};

/** Built only by `createWorkingCalendar`; the tables are precomputed so lookups never re-derive the rules. */
export type WorkingCalendar = {
  /** Years whose official notice the bureau holds. */
  readonly heldYears: readonly number[];
  /** Years computed from the holiday regulation alone until their notice is loaded (see provisional-year.ts). */
  readonly provisionalYears: readonly number[];
  readonly tables: ReadonlyMap<number, YearTable>;
};

export type WorkingCalendarErrorCode = "CALENDAR_YEAR_MISSING" | "CALENDAR_DATA_INVALID" | "INVALID_PLAIN_DATE";

/**
 * Thrown instead of guessing: a year without its State Council notice may move holidays and add
 * make-up days, so weekend-only rules would produce wrong statutory deadlines.
 */
export class CalendarYearMissingError extends Error {
  readonly code = "CALENDAR_YEAR_MISSING" as const;
  constructor(readonly year: number) {
    super(`The working-day calendar does not hold ${year}; deadlines touching that year cannot be computed.`);
    this.name = "CalendarYearMissingError";
  }
}

export class CalendarDataError extends Error {
  readonly code = "CALENDAR_DATA_INVALID" as const;
  constructor(message: string) {
    super(message);
    this.name = "CalendarDataError";
  }
}

export class InvalidPlainDateError extends Error {
  readonly code = "INVALID_PLAIN_DATE" as const;
  constructor(readonly value: unknown) {
    super(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(value)}`);
    this.name = "InvalidPlainDateError";
  }
}

// ---------------------------------------------------------------------------------------------
// Plain dates. Day numbers count days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's
// days_from_civil / civil_from_days; no Date object is involved, so no time zone can leak in.

type Ymd = { year: number; month: number; day: number };

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(dayNumber: number): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function parse(date: unknown): Ymd & { dayNumber: number } {
  const m = typeof date === "string" ? PLAIN_DATE.exec(date) : null;
  if (!m) throw new InvalidPlainDateError(date);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const dayNumber = daysFromCivil(year, month, day);
  // Round-tripping rejects 2026-02-30 and month 13 without a table of month lengths.
  const back = civilFromDays(dayNumber);
  if (month < 1 || month > 12 || back.year !== year || back.month !== month || back.day !== day) throw new InvalidPlainDateError(date);
  return { year, month, day, dayNumber };
}

function format(dayNumber: number): PlainDate {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function isPlainDate(value: unknown): value is PlainDate {
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
}

/** Calendar days (not working days); `n` may be negative. */
export function addCalendarDays(date: PlainDate, n: number): PlainDate {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer, got ${n}`);
  return format(parse(date).dayNumber + n);
}

/** Calendar days from `a` to `b`; negative when `b` is earlier. */
export function calendarDaysBetween(a: PlainDate, b: PlainDate): number {
  return parse(b).dayNumber - parse(a).dayNumber;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: PlainDate): number {
  // Day 0 (1970-01-01) was a Thursday.
  return ((((parse(date).dayNumber + 3) % 7) + 7) % 7) + 1;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The bureau's local date of an instant. Receipts stamped 23:30 Beijing time are that day's
 * filings even though in UTC they are still the previous day, so never use the server's zone.
 */
export function toPlainDate(instant: Date, timeZone = BUREAU_TIME_ZONE): PlainDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError("toPlainDate needs a valid Date");
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, calendar: "gregory", numberingSystem: "latn", year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const date = `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
  // Years before 1 CE come out with an era; the bureau has no use for them, so refuse rather than mislabel.
  if (!isPlainDate(date)) throw new RangeError(`Instant ${instant.toISOString()} has no plain date representation`);
  return date;
}

// ---------------------------------------------------------------------------------------------
// The calendar.

/**
 * Validates and indexes the official years. Dates must lie in their own year (the converter of the
 * data file moves notice dates that reach into the previous December to the year they fall in),
 * and no day may be both off and work. Repeated dates within one list are harmless and accepted.
 * `provisional` years (computed from the holiday regulation, see provisional-year.ts) are indexed
 * the same way but flagged, so every date they decide can be marked provisional where it is shown.
 */
export function createWorkingCalendar(years: CalendarYear[], opts: { provisional?: CalendarYear[] } = {}): WorkingCalendar {
  const tables = new Map<number, YearTable>();
  const add = (entry: CalendarYear, provisional: boolean) => {
    if (tables.has(entry.year)) throw new CalendarDataError(`Calendar year ${entry.year} is given twice`);
    tables.set(entry.year, yearTable(entry, provisional));
  };
  for (const entry of years) add(entry, false);
  const lastOfficial = Math.max(0, ...years.map((y) => y.year));
  for (const entry of opts.provisional ?? []) {
    // Provisional years only extend the official ones, which keeps `isProvisionalDate` exact.
    if (entry.year < lastOfficial) throw new CalendarDataError(`Provisional year ${entry.year} lies before the official year ${lastOfficial}`);
    add(entry, true);
  }
  const sorted = (provisional: boolean) => [...tables].filter(([, t]) => t.provisional === provisional).map(([y]) => y).sort((a, b) => a - b);
  return { heldYears: sorted(false), provisionalYears: sorted(true), tables };
}

function yearTable(entry: CalendarYear, provisional: boolean): YearTable {
  const { year } = entry;
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new CalendarDataError(`Invalid calendar year: ${year}`);
  const firstDay = daysFromCivil(year, 1, 1);
  const length = daysFromCivil(year + 1, 1, 1) - firstDay;
  const dayIndexes = (list: unknown, kind: "off" | "work"): Set<number> => {
    if (!Array.isArray(list)) throw new CalendarDataError(`Calendar year ${year}: "${kind}" must be a list of dates`);
    const indexes = new Set<number>();
    for (const raw of list) {
      if (!isPlainDate(raw)) throw new CalendarDataError(`Calendar year ${year}: "${kind}" holds an invalid date ${JSON.stringify(raw)}`);
      const parsed = parse(raw);
      if (parsed.year !== year) throw new CalendarDataError(`Calendar year ${year}: "${kind}" date ${raw} belongs to ${parsed.year}`);
      indexes.add(parsed.dayNumber - firstDay);
    }
    return indexes;
  };
  const off = dayIndexes(entry.off, "off");
  const work = dayIndexes(entry.work, "work");
  for (const i of off) {
    if (work.has(i)) throw new CalendarDataError(`Calendar year ${year}: ${format(firstDay + i)} is listed both as off and as a working day`);
  }

  const working = new Uint8Array(length);
  const prefix = new Uint16Array(length);
  let count = 0;
  for (let i = 0; i < length; i++) {
    // Day 0 of the epoch was a Thursday; 5 and 6 here are Saturday and Sunday.
    const weekend = (((firstDay + i + 3) % 7) + 7) % 7 >= 5;
    const isWorking = off.has(i) ? false : work.has(i) ? true : !weekend;
    working[i] = isWorking ? 1 : 0;
    if (isWorking) count++;
    prefix[i] = count;
  }
  return { firstDay, working, prefix, provisional };
}

/** Whether the bureau holds the year's official notice (a provisional year is not held). */
export function holdsYear(cal: WorkingCalendar, year: number): boolean {
  return cal.tables.get(year)?.provisional === false;
}

/**
 * Whether a date lies in a provisional year, so that a deadline falling on it was counted over
 * days the official notice may still move. Calendars only ever add a provisional year after the
 * last official one, so a due date is provisional exactly when the date itself is.
 */
export function isProvisionalDate(cal: WorkingCalendar, date: PlainDate): boolean {
  return cal.tables.get(parse(date).year)?.provisional === true;
}

/** Which of several (possibly absent) dates are provisional, by the same names. */
export function provisionalOf<K extends string>(cal: WorkingCalendar, dates: Record<K, PlainDate | null>): Record<K, boolean> {
  const out = {} as Record<K, boolean>;
  for (const key of Object.keys(dates) as K[]) out[key] = dates[key] !== null && isProvisionalDate(cal, dates[key]);
  return out;
}

function tableOf(cal: WorkingCalendar, year: number): YearTable {
  const table = cal.tables.get(year);
  if (!table) throw new CalendarYearMissingError(year);
  return table;
}

function isWorkingDayNumber(cal: WorkingCalendar, dayNumber: number): boolean {
  const table = tableOf(cal, civilFromDays(dayNumber).year);
  return table.working[dayNumber - table.firstDay] === 1;
}

export function isWorkingDay(cal: WorkingCalendar, date: PlainDate): boolean {
  return isWorkingDayNumber(cal, parse(date).dayNumber);
}

/**
 * The date `n` working days after `start`. Day of acceptance does not count: day 1 is the first
 * working day after `start`, whatever `start` itself is; n = 0 gives `start` back (its year must
 * still be held, so a caller never gets an answer from a year the bureau cannot vouch for).
 */
export function addWorkingDays(cal: WorkingCalendar, start: PlainDate, n: number): PlainDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working-day count must be a non-negative integer, got ${n}`);
  let day = parse(start).dayNumber;
  tableOf(cal, civilFromDays(day).year);
  // A day-by-day walk is plenty for statutory limits (≤ a few hundred days) and keeps the rule obvious.
  for (let left = n; left > 0; ) {
    day++;
    if (isWorkingDayNumber(cal, day)) left--;
  }
  return format(day);
}

/** The first working day strictly after `date` (the same as `addWorkingDays(cal, date, 1)`). */
export function nextWorkingDay(cal: WorkingCalendar, date: PlainDate): PlainDate {
  return addWorkingDays(cal, date, 1);
}

/**
 * Working days in the half-open interval (from, to], matching `addWorkingDays`, so that
 * `workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n`. When `to` is before `from` the
 * result is the negative of `workingDaysBetween(cal, to, from)`, i.e. −(working days in (to, from]).
 * Every year from the earlier to the later date must be held.
 */
export function workingDaysBetween(cal: WorkingCalendar, from: PlainDate, to: PlainDate): number {
  const a = parse(from);
  const b = parse(to);
  // `0 - x` rather than `-x`: an empty backward interval must give 0, not -0.
  if (b.dayNumber < a.dayNumber) return 0 - countAfterUpTo(cal, b, a);
  return countAfterUpTo(cal, a, b);
}

function countAfterUpTo(cal: WorkingCalendar, a: Ymd & { dayNumber: number }, b: Ymd & { dayNumber: number }): number {
  const first = tableOf(cal, a.year);
  const indexA = a.dayNumber - first.firstDay;
  if (a.year === b.year) return first.prefix[b.dayNumber - first.firstDay] - first.prefix[indexA];
  let total = first.prefix[first.prefix.length - 1] - first.prefix[indexA];
  for (let year = a.year + 1; year < b.year; year++) {
    const table = tableOf(cal, year);
    total += table.prefix[table.prefix.length - 1];
  }
  const last = tableOf(cal, b.year);
  return total + last.prefix[b.dayNumber - last.firstDay];
}
