// Counting open cases' due dates again when the official year replaces the provisional one.
import { describe, expect, it } from "vitest";
import data from "../../../prisma/data/cn-holidays-2007-2026.json";
import { calendarYearsFromHolidayJson } from "../calendar/holiday-data";
import { createBureauCalendar, provisionalCalendarYear } from "../calendar/provisional-year";
import { addWorkingDays, createWorkingCalendar } from "../calendar/working-days";
import { recomputeDueDates, type OpenCaseClock } from "./recompute-due-dates";

const official = calendarYearsFromHolidayJson(data);
const before = createBureauCalendar(official);
// A test notice for 2027: the regulation's days, plus Monday 4 January off (a bridging day) and
// Saturday 20 February worked instead (a make-up day).
const p2027 = provisionalCalendarYear(2027);
const notice = { year: 2027, off: [...p2027.off, "2027-01-04"].sort(), work: ["2027-02-20"] };
const after = createWorkingCalendar([...official, notice]);

const openCase = (acceptedOn: string, promisedDays: number, statutoryDays: number, extra: Partial<OpenCaseClock> = {}): OpenCaseClock => ({
  acceptedOn,
  promisedDays,
  statutoryDays,
  suspensions: [],
  extensions: [],
  stored: { promisedDue: addWorkingDays(before, acceptedOn, promisedDays), statutoryDue: addWorkingDays(before, acceptedOn, statutoryDays), owedBy: null },
  ...extra,
});

describe("recomputeDueDates", () => {
  it("moves a date counted over the new bridging day, and leaves one before it alone", () => {
    const c = openCase("2026-12-04", 5, 20);
    expect(c.stored).toEqual({ promisedDue: "2026-12-11", statutoryDue: "2027-01-04", owedBy: null });
    const r = recomputeDueDates(before, after, c, "2026-12-10");
    expect(r.dates).toEqual({ promisedDue: "2026-12-11", statutoryDue: "2027-01-05", owedBy: null });
    expect(r.moves).toEqual([{ field: "statutoryDue", from: "2027-01-04", to: "2027-01-05", shift: 1 }]);
  });

  it("moves a date earlier over a make-up Saturday", () => {
    // Accepted Mon 15 Feb 2027 (a date only reached by a case accepted in 2027; here to check direction).
    const c = openCase("2027-02-15", 5, 5);
    expect(c.stored.promisedDue).toBe("2027-02-22");
    const r = recomputeDueDates(before, after, c, "2027-02-15");
    expect(r.moves).toEqual([
      { field: "promisedDue", from: "2027-02-22", to: "2027-02-20", shift: -2 },
      { field: "statutoryDue", from: "2027-02-22", to: "2027-02-20", shift: -2 },
    ]);
  });

  it("keeps the owed-materials date's working days, and counts a running suspension as of its start", () => {
    const owedBy = addWorkingDays(before, "2026-12-22", 8); // 23..31 Dec = 7, then Mon 4 Jan
    expect(owedBy).toBe("2027-01-04");
    const suspensions = [{ startedOn: "2026-12-24", endedOn: null }];
    const stored = { promisedDue: null, statutoryDue: null, owedBy };
    const c = { ...openCase("2026-12-22", 5, 20), suspensions, stored };
    // What ledgerChange stored on the day the suspension began:
    const atStart = recomputeDueDates(before, before, { ...c, stored: { ...stored } }, "2027-03-01").dates;
    const r = recomputeDueDates(before, after, { ...c, stored: { ...atStart } }, "2027-03-01");
    expect(r.dates.owedBy).toBe("2027-01-05");
    expect(r.moves.map((m) => m.field).sort()).toEqual(["owedBy", "statutoryDue"]); // promised: 29 Dec, before the new year
    // The same calendar again moves nothing, however late it is.
    expect(recomputeDueDates(after, after, { ...c, stored: r.dates }, "2027-06-01").moves).toEqual([]);
  });
});
