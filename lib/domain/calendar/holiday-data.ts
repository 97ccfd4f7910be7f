// Turns the holiday data file (prisma/data/cn-holidays-*.json) into calendar years, so server code can seed the calendar.
import { CalendarDataError, isPlainDate, type CalendarYear } from "./working-days";

type Notice = { off: string[]; work: string[]; papers: string[] };

/** An official year and the notice it comes from. */
export type OfficialCalendarYear = CalendarYear & { source: string };

function fail(message: string): never {
  throw new CalendarDataError(`Holiday data: ${message}`);
}

function dateList(value: unknown, where: string): string[] {
  if (!Array.isArray(value)) fail(`${where} must be a list of dates`);
  for (const item of value) {
    if (!isPlainDate(item)) fail(`${where} holds an invalid date ${JSON.stringify(item)}`);
  }
  return value as string[];
}

/**
 * The file is keyed by the year of each State Council notice, but a notice can reach into the
 * previous December (the 2019 notice makes 2018-12-29 a working day and 2018-12-30/31 holidays).
 * Dates are therefore regrouped by the year they fall in. A date in a year that has no notice of
 * its own in the file (2006-12-30 from the 2007 notice) is dropped: two stray days do not make
 * that year known, and the calendar must keep refusing it.
 */
export function calendarYearsFromHolidayJson(json: unknown): OfficialCalendarYear[] {
  if (typeof json !== "object" || json === null || Array.isArray(json)) fail("expected an object");
  const years = (json as { years?: unknown }).years;
  if (typeof years !== "object" || years === null || Array.isArray(years)) fail(`expected a "years" object`);

  const notices = new Map<number, Notice>();
  for (const [key, value] of Object.entries(years)) {
    if (!/^\d{4}$/.test(key)) fail(`year key ${JSON.stringify(key)} is not a four-digit year`);
    if (typeof value !== "object" || value === null || Array.isArray(value)) fail(`year ${key} must be an object`);
    const entry = value as { off?: unknown; work?: unknown; papers?: unknown; status?: unknown };
    // Only official notices belong in the file; provisional years are computed, never stored.
    if (entry.status !== undefined && entry.status !== "official") fail(`year ${key} is not marked official`);
    const papers = Array.isArray(entry.papers) ? entry.papers.filter((p): p is string => typeof p === "string") : [];
    notices.set(Number(key), { off: dateList(entry.off, `year ${key} "off"`), work: dateList(entry.work, `year ${key} "work"`), papers });
  }

  const off = new Map<number, Set<string>>();
  const work = new Map<number, Set<string>>();
  for (const year of notices.keys()) {
    off.set(year, new Set());
    work.set(year, new Set());
  }
  const status = new Map<string, "off" | "work">();
  for (const [noticeYear, notice] of notices) {
    for (const kind of ["off", "work"] as const) {
      for (const date of notice[kind]) {
        const year = Number(date.slice(0, 4));
        // Notices only ever reach into the neighbouring year; anything further is a typo in the data.
        if (Math.abs(year - noticeYear) > 1) fail(`the ${noticeYear} notice lists ${date}, outside its neighbouring years`);
        const seen = status.get(date);
        if (seen && seen !== kind) fail(`${date} is listed both as off and as a working day`);
        status.set(date, kind);
        (kind === "off" ? off : work).get(year)?.add(date);
      }
    }
  }

  return [...notices.keys()]
    .sort((a, b) => a - b)
    .map((year) => ({
      year,
      off: [...off.get(year)!].sort(),
      work: [...work.get(year)!].sort(),
      source: `国务院办公厅关于${year}年部分节假日安排的通知（官方）${notices.get(year)!.papers.map((p) => ` ${p}`).join("")}`,
    }));
}
