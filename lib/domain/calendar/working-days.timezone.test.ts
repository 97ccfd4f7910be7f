// Re-runs the working-day suite with the process in New York time, and spot-checks other zones: results must not move.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

// vi.hoisted runs before every import below (plain statements would run after them, since ES imports
// are hoisted), so the imported suite is collected and run with the process already on New York time.
const originalTz = vi.hoisted(() => {
  const previous = process.env.TZ;
  process.env.TZ = "America/New_York";
  return previous;
});

import data from "../../../prisma/data/cn-holidays-2007-2026.json";
import { calendarYearsFromHolidayJson } from "./holiday-data";
import { addWorkingDays, createWorkingCalendar, isWorkingDay, nextWorkingDay, toPlainDate, workingDaysBetween } from "./working-days";
// The whole main suite, registered again inside this file, i.e. run under America/New_York.
import "./working-days.test";

const cal = createWorkingCalendar(calendarYearsFromHolidayJson(data));

function restoreTz() {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
}
afterAll(restoreTz);

describe("under America/New_York", () => {
  it("the process really is on New York time (guards the hoisting above)", () => {
    // Winter offset of New York is UTC−5, i.e. +300 minutes in getTimezoneOffset terms.
    expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(300);
    expect(new Date(2026, 6, 15).getTimezoneOffset()).toBe(240);
  });
});

// Zones on both sides of the date line, so a local-time slip in either direction would show.
// Each comes with its January offset as getTimezoneOffset reports it, to prove the switch took effect.
const ZONES: [string, number][] = [
  ["UTC", 0],
  ["Asia/Shanghai", -480],
  ["America/New_York", 300],
  ["Pacific/Kiritimati", -840],
  ["Pacific/Pago_Pago", 660],
];

describe.each(ZONES)("with the process in %s", (zone, januaryOffset) => {
  afterEach(() => {
    process.env.TZ = "America/New_York";
  });

  it("gives the same answers", () => {
    process.env.TZ = zone;
    expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(januaryOffset);
    expect(isWorkingDay(cal, "2026-02-14")).toBe(true);
    expect(isWorkingDay(cal, "2026-02-16")).toBe(false);
    expect(isWorkingDay(cal, "2026-09-20")).toBe(true);
    expect(isWorkingDay(cal, "2026-10-05")).toBe(false);
    expect(addWorkingDays(cal, "2026-02-13", 20)).toBe("2026-03-19");
    expect(addWorkingDays(cal, "2026-09-18", 11)).toBe("2026-10-10");
    expect(nextWorkingDay(cal, "2018-12-29")).toBe("2019-01-02");
    expect(workingDaysBetween(cal, "2024-12-31", "2026-12-31")).toBe(496);
  });

  it("dates instants near midnight Beijing time by Beijing time", () => {
    process.env.TZ = zone;
    // Beijing is UTC+8 all year (no daylight saving), so midnight there is 16:00 UTC the day before.
    expect(toPlainDate(new Date("2026-02-13T15:59:59.999Z"))).toBe("2026-02-13");
    expect(toPlainDate(new Date("2026-02-13T16:00:00.000Z"))).toBe("2026-02-14");
    expect(toPlainDate(new Date("2026-09-30T16:00:00Z"))).toBe("2026-10-01");
    expect(toPlainDate(new Date("2025-12-31T16:30:00Z"))).toBe("2026-01-01");
    // A filing at 23:30 Beijing on the eve of a holiday: accepted that day, and day 1 is after the holiday.
    const accepted = toPlainDate(new Date("2026-09-30T15:30:00Z"));
    expect(accepted).toBe("2026-09-30");
    expect(addWorkingDays(cal, accepted, 1)).toBe("2026-10-08");
    // An explicit zone still wins over the process zone.
    expect(toPlainDate(new Date("2026-02-13T16:00:00Z"), "America/New_York")).toBe("2026-02-13");
    expect(toPlainDate(new Date("2026-02-13T16:00:00Z"), "UTC")).toBe("2026-02-13");
  });
});
