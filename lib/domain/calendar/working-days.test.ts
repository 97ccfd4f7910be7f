// Working-day calculator and holiday-data converter, checked against the real State Council calendar 2007–2026.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import data from "../../../prisma/data/cn-holidays-2007-2026.json";
import { calendarYearsFromHolidayJson } from "./holiday-data";
import {
  CalendarDataError,
  CalendarYearMissingError,
  InvalidPlainDateError,
  addCalendarDays,
  addWorkingDays,
  createWorkingCalendar,
  holdsYear,
  isPlainDate,
  isWorkingDay,
  isoWeekday,
  nextWorkingDay,
  toPlainDate,
  workingDaysBetween,
} from "./working-days";

const cal = createWorkingCalendar(calendarYearsFromHolidayJson(data));

// ---- An independent oracle: read straight from the file, with its own date arithmetic (Date.UTC), so a
// shared bug in the calculator's day numbers or regrouping could not make both sides agree.
const notices = Object.values(data.years as Record<string, { off: string[]; work: string[] }>);
const listedOff = new Set(notices.flatMap((n) => n.off));
const listedWork = new Set(notices.flatMap((n) => n.work));
const DAY_MS = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
function oracleWorking(iso: string): boolean {
  if (listedOff.has(iso)) return false;
  if (listedWork.has(iso)) return true;
  const weekday = new Date(msOf(iso)).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}
function oracleNextWorking(iso: string): string {
  let ms = msOf(iso) + DAY_MS;
  while (!oracleWorking(isoOf(ms))) ms += DAY_MS;
  return isoOf(ms);
}
function daysOf(...years: number[]): string[] {
  const out: string[] = [];
  for (const year of years) {
    for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += DAY_MS) out.push(isoOf(ms));
  }
  return out;
}

describe("plain dates", () => {
  it("parses only real YYYY-MM-DD dates", () => {
    expect(isPlainDate("2024-02-29")).toBe(true);
    for (const bad of ["2025-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "2026-01-05T00:00", "", 20260105, null]) {
      expect(isPlainDate(bad)).toBe(false);
    }
    expect(() => isWorkingDay(cal, "2026-02-30")).toThrow(InvalidPlainDateError);
  });

  it("does calendar arithmetic and weekdays without Date", () => {
    expect(addCalendarDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addCalendarDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addCalendarDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(addCalendarDays("2000-02-28", 366)).toBe("2001-02-28");
    expect(isoWeekday("2026-02-14")).toBe(6);
    expect(isoWeekday("2026-01-04")).toBe(7);
    expect(isoWeekday("1970-01-01")).toBe(4);
    expect(isoWeekday("1969-12-29")).toBe(1);
  });

  it("agrees with Date.UTC on every day 1990–2040", () => {
    let iso = "1990-01-01";
    for (let ms = Date.UTC(1990, 0, 1); ms < Date.UTC(2041, 0, 1); ms += DAY_MS) {
      if (iso !== isoOf(ms)) expect(iso).toBe(isoOf(ms));
      iso = addCalendarDays(iso, 1);
    }
  });

  it("takes the bureau's date of an instant in Beijing time, not the server's", () => {
    // 2026-02-13 23:59:59 in Beijing is 15:59:59 UTC; one second later it is the 14th in Beijing.
    expect(toPlainDate(new Date("2026-02-13T15:59:59Z"))).toBe("2026-02-13");
    expect(toPlainDate(new Date("2026-02-13T16:00:00Z"))).toBe("2026-02-14");
    expect(toPlainDate(new Date("2026-02-13T16:00:00Z"), "UTC")).toBe("2026-02-13");
    expect(toPlainDate(new Date("2026-02-13T16:00:00Z"), "America/New_York")).toBe("2026-02-13");
    expect(() => toPlainDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("known 2026 dates", () => {
  it("Spring Festival: 15–23 Feb off, make-up Saturdays 14 and 28 Feb work", () => {
    expect(isWorkingDay(cal, "2026-02-13")).toBe(true); // Friday
    expect(isWorkingDay(cal, "2026-02-14")).toBe(true); // Saturday, make-up
    expect(isWorkingDay(cal, "2026-02-16")).toBe(false); // Monday inside the holiday
    expect(isWorkingDay(cal, "2026-02-23")).toBe(false); // Monday, last holiday day
    expect(isWorkingDay(cal, "2026-02-24")).toBe(true);
    expect(isWorkingDay(cal, "2026-02-28")).toBe(true); // Saturday, make-up
    expect(isWorkingDay(cal, "2026-03-07")).toBe(false); // ordinary Saturday
  });

  it("art. 42's 20 working days from acceptance on Friday 2026-02-13 end on 2026-03-19", () => {
    // Worked by hand: day 1 = Sat 14 Feb (make-up); 15–23 Feb holiday; days 2–5 = 24–27 Feb;
    // day 6 = Sat 28 Feb (make-up); days 7–11 = 2–6 Mar; 12–16 = 9–13 Mar; 17–20 = 16–19 Mar.
    expect(addWorkingDays(cal, "2026-02-13", 1)).toBe("2026-02-14");
    expect(addWorkingDays(cal, "2026-02-13", 2)).toBe("2026-02-24");
    expect(addWorkingDays(cal, "2026-02-13", 6)).toBe("2026-02-28");
    expect(addWorkingDays(cal, "2026-02-13", 20)).toBe("2026-03-19");
    expect(workingDaysBetween(cal, "2026-02-13", "2026-03-19")).toBe(20);
  });

  it("Mid-Autumn and National Day: make-up Sunday 20 Sep and Saturday 10 Oct work, 25–27 Sep and 1–7 Oct off", () => {
    expect(isWorkingDay(cal, "2026-09-20")).toBe(true); // Sunday, make-up
    expect(isWorkingDay(cal, "2026-09-25")).toBe(false); // Friday, Mid-Autumn
    expect(isWorkingDay(cal, "2026-10-05")).toBe(false); // Monday inside the holiday
    expect(isWorkingDay(cal, "2026-10-10")).toBe(true); // Saturday, make-up
    expect(isWorkingDay(cal, "2026-10-11")).toBe(false); // ordinary Sunday
    // Accepted Friday 18 Sep: 1 = Sun 20 Sep, 2–5 = 21–24 Sep, 6–8 = 28–30 Sep, 9 = Thu 8 Oct, 10 = Fri 9 Oct,
    // 11 = Sat 10 Oct, 12 = Mon 12 Oct.
    expect(addWorkingDays(cal, "2026-09-18", 1)).toBe("2026-09-20");
    expect(addWorkingDays(cal, "2026-09-18", 10)).toBe("2026-10-09");
    expect(addWorkingDays(cal, "2026-09-18", 11)).toBe("2026-10-10");
    expect(addWorkingDays(cal, "2026-09-18", 12)).toBe("2026-10-12");
    expect(nextWorkingDay(cal, "2026-09-30")).toBe("2026-10-08");
  });

  it("the acceptance day does not count, even when it is a rest day", () => {
    expect(addWorkingDays(cal, "2026-02-16", 0)).toBe("2026-02-16");
    expect(addWorkingDays(cal, "2026-02-16", 1)).toBe("2026-02-24");
    expect(addWorkingDays(cal, "2026-02-24", 1)).toBe("2026-02-25");
  });

  it("honours a notice reaching into the previous December (2019 notice: 2018-12-29 works, 12-31 is off)", () => {
    expect(isWorkingDay(cal, "2018-12-29")).toBe(true); // Saturday
    expect(isWorkingDay(cal, "2018-12-31")).toBe(false); // Monday
    expect(nextWorkingDay(cal, "2018-12-28")).toBe("2018-12-29");
    expect(nextWorkingDay(cal, "2018-12-29")).toBe("2019-01-02");
  });
});

describe("workingDaysBetween", () => {
  it("counts (from, to], negative backwards, and across years", () => {
    expect(workingDaysBetween(cal, "2026-02-13", "2026-02-13")).toBe(0);
    expect(workingDaysBetween(cal, "2026-02-13", "2026-02-24")).toBe(2);
    expect(workingDaysBetween(cal, "2026-02-24", "2026-02-13")).toBe(-2);
    expect(workingDaysBetween(cal, "2024-12-31", "2026-12-31")).toBe(248 + 248);
    const allYears = Array.from({ length: 20 }, (_, i) => 2007 + i);
    // (2007-01-01, 2026-12-31] leaves out New Year's Day 2007, a holiday, so it is every working day held.
    expect(workingDaysBetween(cal, "2007-01-01", "2026-12-31")).toBe(daysOf(...allYears).filter(oracleWorking).length);
    expect(workingDaysBetween(cal, "2026-02-24", "2026-02-24")).toBe(0);
    expect(Object.is(workingDaysBetween(cal, "2026-02-22", "2026-02-21"), 0)).toBe(true);
  });
});

describe("the calculator agrees with the official calendar", () => {
  it("on every day of 2025 and 2026", () => {
    const days = daysOf(2025, 2026);
    expect(days).toHaveLength(730);
    const mismatches = days.filter((d) => isWorkingDay(cal, d) !== oracleWorking(d));
    expect(mismatches).toEqual([]);
  });

  it("on the next working day after every day of 2025", () => {
    const mismatches = daysOf(2025).filter((d) => addWorkingDays(cal, d, 1) !== oracleNextWorking(d));
    expect(mismatches).toEqual([]);
  });

  it("on every day 2007–2026 (status only)", () => {
    const years = Array.from({ length: 20 }, (_, i) => 2007 + i);
    expect(daysOf(...years).filter((d) => isWorkingDay(cal, d) !== oracleWorking(d))).toEqual([]);
  });
});

describe("years the calendar does not hold", () => {
  it("refuses to run a deadline into 2027", () => {
    let error: unknown;
    try {
      addWorkingDays(cal, "2026-12-20", 20);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarYearMissingError);
    expect(error).toMatchObject({ year: 2027, code: "CALENDAR_YEAR_MISSING" });
    // Nine working days are left in 2026 (21–25 and 28–31 Dec), so up to 9 still works.
    expect(addWorkingDays(cal, "2026-12-20", 9)).toBe("2026-12-31");
    expect(() => addWorkingDays(cal, "2026-12-20", 10)).toThrow(CalendarYearMissingError);
  });

  it("refuses any question about a missing year", () => {
    expect(() => isWorkingDay(cal, "2027-01-04")).toThrow(CalendarYearMissingError);
    expect(() => nextWorkingDay(cal, "2026-12-31")).toThrow(CalendarYearMissingError);
    expect(() => addWorkingDays(cal, "2027-03-01", 0)).toThrow(CalendarYearMissingError);
    expect(() => workingDaysBetween(cal, "2026-12-01", "2027-01-10")).toThrow(CalendarYearMissingError);
    expect(() => workingDaysBetween(cal, "2027-01-10", "2026-12-01")).toThrow(CalendarYearMissingError);
    // The 2007 notice mentions 2006-12-30, but that does not make 2006 known.
    expect(() => isWorkingDay(cal, "2006-12-30")).toThrow(CalendarYearMissingError);
  });

  it("refuses a gap between held years rather than skipping it", () => {
    const gappy = createWorkingCalendar([
      { year: 2024, off: [], work: [] },
      { year: 2026, off: [], work: [] },
    ]);
    let error: unknown;
    try {
      workingDaysBetween(gappy, "2024-06-01", "2026-06-01");
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ year: 2025 });
  });

  it("rejects negative or fractional working-day counts", () => {
    expect(() => addWorkingDays(cal, "2026-02-13", -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, "2026-02-13", 1.5)).toThrow(RangeError);
  });
});

describe("createWorkingCalendar", () => {
  it("rejects dates outside their year, days both off and working, and repeated years", () => {
    expect(() => createWorkingCalendar([{ year: 2019, off: ["2018-12-31"], work: [] }])).toThrow(CalendarDataError);
    expect(() => createWorkingCalendar([{ year: 2026, off: ["2026-02-14"], work: ["2026-02-14"] }])).toThrow(/both/);
    expect(() => createWorkingCalendar([{ year: 2026, off: ["2026-02-30"], work: [] }])).toThrow(CalendarDataError);
    expect(() =>
      createWorkingCalendar([
        { year: 2026, off: [], work: [] },
        { year: 2026, off: [], work: [] },
      ]),
    ).toThrow(/twice/);
  });

  it("holds exactly the years it was given", () => {
    expect(cal.heldYears).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
    expect(holdsYear(cal, 2026)).toBe(true);
    expect(holdsYear(cal, 2027)).toBe(false);
  });
});

describe("calendarYearsFromHolidayJson", () => {
  const years = calendarYearsFromHolidayJson(data);
  const byYear = new Map(years.map((y) => [y.year, y]));

  it("converts the real file into 2007–2026, regrouping dates into the year they fall in", () => {
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
    expect(byYear.get(2018)!.work).toContain("2018-12-29");
    expect(byYear.get(2018)!.off).toEqual(expect.arrayContaining(["2018-12-30", "2018-12-31"]));
    expect(byYear.get(2019)!.off.every((d) => d.startsWith("2019-"))).toBe(true);
    expect(byYear.get(2026)!.work).toEqual(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"]);
    // 2006 has no notice of its own, so the two December days from the 2007 notice are dropped.
    expect(byYear.has(2006)).toBe(false);
    const dateCount = years.reduce((sum, y) => sum + y.off.length + y.work.length, 0);
    expect(dateCount).toBe(listedOff.size + listedWork.size - 2);
  });

  it("rejects malformed data", () => {
    expect(() => calendarYearsFromHolidayJson(null)).toThrow(CalendarDataError);
    expect(() => calendarYearsFromHolidayJson([])).toThrow(CalendarDataError);
    expect(() => calendarYearsFromHolidayJson({})).toThrow(/years/);
    expect(() => calendarYearsFromHolidayJson({ years: { "26": { off: [], work: [] } } })).toThrow(/four-digit/);
    expect(() => calendarYearsFromHolidayJson({ years: { "2026": { off: [] } } })).toThrow(/work/);
    expect(() => calendarYearsFromHolidayJson({ years: { "2026": { off: ["2026-2-14"], work: [] } } })).toThrow(/invalid date/);
    expect(() => calendarYearsFromHolidayJson({ years: { "2026": { off: ["2023-05-01"], work: [] } } })).toThrow(/neighbouring/);
    expect(() =>
      calendarYearsFromHolidayJson({ years: { "2018": { off: [], work: ["2018-12-31"] }, "2019": { off: ["2018-12-31"], work: [] } } }),
    ).toThrow(/both/);
  });
});

describe("properties (fast-check)", () => {
  // Start dates 2008-01-01 … 2025-12-31; 60 working days from late 2025 still end inside 2026.
  const start = fc.integer({ min: Date.UTC(2008, 0, 1) / DAY_MS, max: Date.UTC(2025, 11, 31) / DAY_MS }).map((d) => isoOf(d * DAY_MS));
  const count = fc.integer({ min: 0, max: 60 });

  it("workingDaysBetween(d, addWorkingDays(d, n)) === n", () => {
    fc.assert(fc.property(start, count, (d, n) => workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n));
  });

  it("the result of adding n ≥ 1 working days is a working day", () => {
    fc.assert(fc.property(start, fc.integer({ min: 1, max: 60 }), (d, n) => isWorkingDay(cal, addWorkingDays(cal, d, n))));
  });

  it("is strictly increasing in n", () => {
    fc.assert(
      fc.property(start, count, count, (d, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        return addWorkingDays(cal, d, lo) < addWorkingDays(cal, d, hi);
      }),
    );
  });

  it("adding a then b equals adding a + b", () => {
    const half = fc.integer({ min: 0, max: 30 });
    fc.assert(fc.property(start, half, half, (d, a, b) => addWorkingDays(cal, addWorkingDays(cal, d, a), b) === addWorkingDays(cal, d, a + b)));
  });

  it("workingDaysBetween is antisymmetric and additive", () => {
    fc.assert(
      fc.property(start, start, start, (a, b, c) => {
        expect(workingDaysBetween(cal, b, a) + workingDaysBetween(cal, a, b)).toBe(0);
        expect(workingDaysBetween(cal, a, b) + workingDaysBetween(cal, b, c)).toBe(workingDaysBetween(cal, a, c));
      }),
    );
  });
});
