// The calendar as rows for SQL: ordinals count exactly what workingDaysBetween counts.
import { describe, expect, it } from "vitest";
import data from "../../../prisma/data/cn-holidays-2007-2026.json";
import { calendarDayRows, firstCalendarChange } from "./day-table";
import { calendarYearsFromHolidayJson } from "./holiday-data";
import { createBureauCalendar } from "./provisional-year";
import { createWorkingCalendar, workingDaysBetween } from "./working-days";

const years = calendarYearsFromHolidayJson(data);
const cal = createBureauCalendar(years);

describe("calendarDayRows", () => {
  const rows = calendarDayRows(cal);
  const byDay = new Map(rows.map((r) => [r.day, r]));

  it("covers every official year and the provisional one after them, day by day", () => {
    expect(rows[0].day).toBe("2007-01-01");
    expect(rows[rows.length - 1].day).toBe("2027-12-31");
    expect(rows.length).toBe(7670);
  });

  it("gives the working days in (a, b] as a difference of ordinals, as workingDaysBetween does", () => {
    for (const [a, b] of [["2026-09-30", "2026-10-09"], ["2025-12-31", "2026-01-05"], ["2026-02-13", "2026-02-24"], ["2026-11-02", "2027-01-29"], ["2010-06-01", "2021-03-15"]]) {
      expect(byDay.get(b)!.ordinal - byDay.get(a)!.ordinal, `${a} → ${b}`).toBe(workingDaysBetween(cal, a, b));
    }
    // A make-up Saturday (调休) works; a National Day weekday does not.
    expect(byDay.get("2026-09-20")?.working).toBe(true);
    expect(byDay.get("2026-10-05")?.working).toBe(false);
  });

  it("starts after a missing year, so no count runs across it", () => {
    const gappy = createWorkingCalendar(years.filter((y) => y.year !== 2015));
    const r = calendarDayRows(gappy);
    expect(r[0].day).toBe("2016-01-01");
    expect(calendarDayRows(createWorkingCalendar([]))).toEqual([]);
  });
});

describe("firstCalendarChange", () => {
  const a = [
    { day: "2027-01-01", working: false },
    { day: "2027-01-02", working: false },
    { day: "2027-01-04", working: true },
  ];
  it("finds the first date whose working flag or presence differs", () => {
    expect(firstCalendarChange(a, a)).toBeNull();
    expect(firstCalendarChange(a, [a[0], { day: "2027-01-02", working: true }, a[2]])).toBe("2027-01-02");
    expect(firstCalendarChange(a, [a[0], a[1]])).toBe("2027-01-04");
    expect(firstCalendarChange([], a)).toBe("2027-01-01");
  });
});
