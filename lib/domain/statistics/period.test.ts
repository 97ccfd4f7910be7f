// Periods in Beijing time: days, ISO weeks, months, their trends and their instants.
import { describe, expect, it } from "vitest";
import { toPlainDate } from "../calendar/working-days";
import { bureauDayStart, inPeriod, isMonth, monthOf, monthPeriod, periodInstants, periodOf, shiftPeriod, trendOf } from "./period";

describe("periods", () => {
  it("a week runs Monday to Sunday, across a month's and a year's end", () => {
    expect(periodOf("week", "2026-11-30")).toEqual({ kind: "week", from: "2026-11-30", to: "2026-12-06" });
    expect(periodOf("week", "2026-12-06")).toEqual({ kind: "week", from: "2026-11-30", to: "2026-12-06" });
    expect(periodOf("week", "2027-01-01")).toEqual({ kind: "week", from: "2026-12-28", to: "2027-01-03" });
  });

  it("a month has its own length, February in leap years too", () => {
    expect(periodOf("month", "2028-02-10")).toEqual({ kind: "month", from: "2028-02-01", to: "2028-02-29" });
    expect(periodOf("month", "2026-02-28")).toEqual({ kind: "month", from: "2026-02-01", to: "2026-02-28" });
    expect(periodOf("month", "2026-12-31")).toEqual({ kind: "month", from: "2026-12-01", to: "2026-12-31" });
    expect(monthPeriod("2026-11")).toEqual({ kind: "month", from: "2026-11-01", to: "2026-11-30" });
    expect(() => periodOf("day", "2026-02-30")).toThrow(RangeError);
    expect(() => monthPeriod("2026-13")).toThrow(RangeError);
  });

  it("shifts by whole periods and lists a trend oldest first", () => {
    expect(shiftPeriod(periodOf("month", "2026-01-15"), -1)).toEqual({ kind: "month", from: "2025-12-01", to: "2025-12-31" });
    expect(shiftPeriod(periodOf("month", "2026-11-15"), 14).from).toBe("2028-01-01");
    expect(shiftPeriod(periodOf("day", "2026-03-01"), -1).from).toBe("2026-02-28");
    expect(shiftPeriod(periodOf("week", "2026-11-30"), 1).from).toBe("2026-12-07");
    const trend = trendOf(periodOf("month", "2026-11-30"));
    expect(trend).toHaveLength(12);
    expect(trend[0].from).toBe("2025-12-01");
    expect(trend[11].to).toBe("2026-11-30");
    expect(trendOf(periodOf("day", "2026-11-30"))[0].from).toBe("2026-11-17");
  });

  it("a bureau day starts at midnight Beijing time, 16:00 UTC the day before", () => {
    expect(bureauDayStart("2026-11-30").toISOString()).toBe("2026-11-29T16:00:00.000Z");
    expect(toPlainDate(bureauDayStart("2026-11-30"))).toBe("2026-11-30");
    const { start, end } = periodInstants(periodOf("month", "2026-11-02"));
    expect([start.toISOString(), end.toISOString()]).toEqual(["2026-10-31T16:00:00.000Z", "2026-11-30T16:00:00.000Z"]);
    expect(inPeriod(periodOf("week", "2026-11-30"), "2026-12-06")).toBe(true);
    expect(inPeriod(periodOf("week", "2026-11-30"), "2026-12-07")).toBe(false);
  });

  it("months are YYYY-MM", () => {
    expect(isMonth("2026-11")).toBe(true);
    expect(isMonth("2026-00")).toBe(false);
    expect(isMonth("2026-1")).toBe(false);
    expect(monthOf("2026-11-30")).toBe("2026-11");
  });
});
