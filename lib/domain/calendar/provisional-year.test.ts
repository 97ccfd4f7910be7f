// Provisional years: the holiday regulation's days, compensation for weekend holidays, and deadlines
// that run into a year without its notice — marked provisional, never silently guessed.
import { describe, expect, it } from "vitest";
import data from "../../../prisma/data/cn-holidays-2007-2026.json";
import { calendarYearsFromHolidayJson } from "./holiday-data";
import { createBureauCalendar, provisionalCalendarYear, regulationHolidays } from "./provisional-year";
import { CalendarYearMissingError, addWorkingDays, createWorkingCalendar, holdsYear, isProvisionalDate, isWorkingDay, workingDaysBetween } from "./working-days";

const official = calendarYearsFromHolidayJson(data);
const officialCal = createWorkingCalendar(official);
const cal = createBureauCalendar(official);

const datesOf = (year: number, holiday: string) => regulationHolidays(year).filter((h) => h.holiday === holiday).map((h) => h.date);

describe("the regulation's holidays", () => {
  it("fall on the right dates in 2027", () => {
    expect(datesOf(2027, "NEW_YEAR")).toEqual(["2027-01-01"]);
    // Spring festival 2027: the eve is Friday 5 February, new year's day Saturday 6 February.
    expect(datesOf(2027, "SPRING_FESTIVAL")).toEqual(["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"]);
    expect(datesOf(2027, "QINGMING")).toEqual(["2027-04-05"]);
    expect(datesOf(2027, "LABOUR_DAY")).toEqual(["2027-05-01", "2027-05-02"]);
    expect(datesOf(2027, "DRAGON_BOAT")).toEqual(["2027-06-09"]);
    expect(datesOf(2027, "MID_AUTUMN")).toEqual(["2027-09-15"]);
    expect(datesOf(2027, "NATIONAL_DAY")).toEqual(["2027-10-01", "2027-10-02", "2027-10-03"]);
    expect(regulationHolidays(2027)).toHaveLength(13);
  });

  it("agree with the official notices of the years under the revised regulation (2025, 2026)", () => {
    for (const year of [2025, 2026]) {
      const notice = new Set(official.find((y) => y.year === year)!.off);
      expect(regulationHolidays(year).filter((h) => !notice.has(h.date))).toEqual([]);
    }
  });

  it("agree with every official notice on the lunar and solar-term holidays since 2008", () => {
    // Qingming, dragon boat and mid-autumn became holidays in 2008; the spring festival's first day always was.
    for (let year = 2008; year <= 2026; year++) {
      const notice = new Set(official.find((y) => y.year === year)!.off);
      const lunar = regulationHolidays(year).filter((h) => ["QINGMING", "DRAGON_BOAT", "MID_AUTUMN"].includes(h.holiday) || (h.holiday === "SPRING_FESTIVAL" && datesOf(year, "SPRING_FESTIVAL")[1] === h.date));
      expect({ year, missing: lunar.filter((h) => !notice.has(h.date)) }).toEqual({ year, missing: [] });
    }
  });
});

describe("a provisional year", () => {
  const y2027 = provisionalCalendarYear(2027);

  it("compensates holidays that fall on a weekend on the working days right after the block, and has no make-up days", () => {
    // Spring festival: Sat 6 and Sun 7 are holidays, so Tue 9 and Wed 10 are given back.
    expect(y2027.off).toEqual(expect.arrayContaining(["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10"]));
    expect(y2027.off).not.toContain("2027-02-11");
    // Labour day falls on Saturday 1 and Sunday 2 May: Monday 3 and Tuesday 4 May are off instead.
    expect(y2027.off).toEqual(expect.arrayContaining(["2027-05-03", "2027-05-04"]));
    expect(y2027.off).not.toContain("2027-05-05");
    // National day: Sat 2 and Sun 3 October are given back on Mon 4 and Tue 5.
    expect(y2027.off).toEqual(expect.arrayContaining(["2027-10-04", "2027-10-05"]));
    expect(y2027.work).toEqual([]);
    expect(y2027.off).toHaveLength(13 + 2 + 2 + 2);
  });

  it("gives back a day when two holidays share one date", () => {
    // 2028: mid-autumn is 3 October, the third day of National Day (Sun 1, Mon 2, Tue 3).
    expect(datesOf(2028, "MID_AUTUMN")).toEqual(["2028-10-03"]);
    expect(provisionalCalendarYear(2028).off.filter((d) => d.startsWith("2028-10"))).toEqual(["2028-10-01", "2028-10-02", "2028-10-03", "2028-10-04", "2028-10-05"]);
  });

  it("is weekends and holidays only", () => {
    const c = createWorkingCalendar([y2027]);
    expect(isWorkingDay(c, "2027-02-20")).toBe(false); // a Saturday: no make-up day is guessed
    expect(isWorkingDay(c, "2027-02-11")).toBe(true);
  });
});

describe("the bureau's calendar", () => {
  it("adds the year after the last official one as provisional, and holds only the official ones", () => {
    expect(cal.heldYears).toEqual(officialCal.heldYears);
    expect(cal.provisionalYears).toEqual([2027]);
    expect(holdsYear(cal, 2027)).toBe(false);
  });

  it("runs a deadline from 2026-12-04 + 20 working days into January 2027, marked provisional", () => {
    const due = addWorkingDays(cal, "2026-12-04", 20);
    // Dec 7–31 gives 19 working days; 1 January is new year's day; Monday 4 January is day 20.
    expect(due).toBe("2027-01-04");
    expect(isProvisionalDate(cal, due)).toBe(true);
    expect(isProvisionalDate(cal, addWorkingDays(cal, "2026-12-04", 5))).toBe(false);
    expect(workingDaysBetween(cal, "2026-12-04", due)).toBe(20);
  });

  it("gives every 2007–2026 result unchanged", () => {
    const differing: string[] = [];
    for (let ms = Date.UTC(2007, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 86_400_000) {
      const d = new Date(ms).toISOString().slice(0, 10);
      if (isWorkingDay(cal, d) !== isWorkingDay(officialCal, d) || isProvisionalDate(cal, d)) differing.push(d);
    }
    expect(differing).toEqual([]);
    expect(addWorkingDays(cal, "2026-12-20", 9)).toBe(addWorkingDays(officialCal, "2026-12-20", 9));
  });

  it("still refuses a year before the first official one, and more than one year past the last", () => {
    expect(() => addWorkingDays(cal, "2027-12-20", 20)).toThrow(expect.objectContaining({ code: "CALENDAR_YEAR_MISSING", year: 2028 }));
    expect(() => isWorkingDay(cal, "2006-12-29")).toThrow(CalendarYearMissingError);
  });

  it("refuses a provisional year placed before an official one", () => {
    expect(() => createWorkingCalendar(official, { provisional: [provisionalCalendarYear(2020)] })).toThrow(/twice|before/);
  });
});
