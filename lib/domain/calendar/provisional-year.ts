// A year whose State Council notice is not out yet, computed from what is certain: weekends and the
// public holidays fixed by the holiday regulation (全国年节及纪念日放假办法, as revised in 2024).
//
// The regulation fixes which days are holidays; each year's notice then adds bridging days off and
// make-up working days (调休), which cannot be foreseen. So a provisional year has the holidays,
// the regulation's compensation for a holiday that falls on a weekend, and no make-up working day.
// Every deadline it decides is marked provisional until an administrator loads the official year.
import { Lunar, Solar } from "lunar-typescript";
import { addCalendarDays, createWorkingCalendar, isoWeekday, type CalendarYear, type PlainDate, type WorkingCalendar } from "./working-days";

export const REGULATION_HOLIDAYS = ["NEW_YEAR", "SPRING_FESTIVAL", "QINGMING", "LABOUR_DAY", "DRAGON_BOAT", "MID_AUTUMN", "NATIONAL_DAY"] as const;
export type RegulationHoliday = (typeof REGULATION_HOLIDAYS)[number];

/** One day of one holiday: a date may carry two (mid-autumn falling inside National Day). */
export type HolidayDay = { holiday: RegulationHoliday; date: PlainDate };

const pad = (n: number) => String(n).padStart(2, "0");
const solarDate = (s: Solar): PlainDate => `${s.getYear()}-${pad(s.getMonth())}-${pad(s.getDay())}`;
const lunarDay = (year: number, month: number, day: number) => Lunar.fromYmd(year, month, day).getSolar();

/**
 * The holiday days of the regulation (art. 2) in `year`. Lunar dates and the Qingming solar term
 * come from the lunar-typescript library (astronomical tables, Beijing time), never from a table
 * kept here.
 */
export function regulationHolidays(year: number): HolidayDay[] {
  const days: HolidayDay[] = [];
  const add = (holiday: RegulationHoliday, ...dates: PlainDate[]) => dates.forEach((date) => days.push({ holiday, date }));
  add("NEW_YEAR", `${year}-01-01`);
  // Spring festival: the eve (the last day of the twelfth lunar month) and the first three days.
  const newYear = lunarDay(year, 1, 1);
  add("SPRING_FESTIVAL", solarDate(newYear.next(-1)), solarDate(newYear), solarDate(newYear.next(1)), solarDate(newYear.next(2)));
  // The Qingming term always falls on 4–6 April; the lunar year of 1 April is the one that holds it.
  const qingming = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"];
  add("QINGMING", solarDate(qingming));
  add("LABOUR_DAY", `${year}-05-01`, `${year}-05-02`);
  add("DRAGON_BOAT", solarDate(lunarDay(year, 5, 5)));
  add("MID_AUTUMN", solarDate(lunarDay(year, 8, 15)));
  add("NATIONAL_DAY", `${year}-10-01`, `${year}-10-02`, `${year}-10-03`);
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

const isWeekend = (date: PlainDate) => isoWeekday(date) >= 6;

/**
 * The provisional calendar year: every holiday day off, plus the regulation's compensation (art. 6):
 * a holiday that falls on a Saturday or Sunday — or on a day that is already another holiday — is
 * given back on the working days right after its block of consecutive holiday days. No make-up
 * working days: only the notice can set those.
 */
export function provisionalCalendarYear(year: number): CalendarYear {
  const holidays = regulationHolidays(year);
  const perDate = new Map<PlainDate, number>();
  for (const h of holidays) perDate.set(h.date, (perDate.get(h.date) ?? 0) + 1);
  const off = new Set(perDate.keys());
  const dates = [...perDate.keys()].sort();
  for (let i = 0; i < dates.length; ) {
    // A block: consecutive calendar days that each hold a holiday.
    let j = i;
    while (j + 1 < dates.length && addCalendarDays(dates[j], 1) === dates[j + 1]) j++;
    const block = dates.slice(i, j + 1);
    let owed = block.reduce((sum, d) => sum + (isWeekend(d) ? perDate.get(d)! : perDate.get(d)! - 1), 0);
    for (let day = addCalendarDays(block[block.length - 1], 1); owed > 0; day = addCalendarDays(day, 1)) {
      if (isWeekend(day) || off.has(day)) continue;
      off.add(day);
      owed--;
    }
    i = j + 1;
  }
  return { year, off: [...off].filter((d) => d.startsWith(`${year}-`)).sort(), work: [] };
}

/**
 * The calendar the bureau counts deadlines with: every official year it holds, and the year right
 * after the last of them as a provisional year. Anything earlier than the first official year, or
 * later than that provisional year, is still refused (CALENDAR_YEAR_MISSING names the year).
 */
export function createBureauCalendar(official: CalendarYear[]): WorkingCalendar {
  if (official.length === 0) return createWorkingCalendar([]);
  const next = Math.max(...official.map((y) => y.year)) + 1;
  return createWorkingCalendar(official, { provisional: [provisionalCalendarYear(next)] });
}
