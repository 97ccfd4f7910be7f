import fc from "fast-check";
import { describe, expect, it } from "vitest";
import holidays from "../../../prisma/data/cn-holidays-2007-2026.json";
import { calendarYearsFromHolidayJson } from "../calendar/holiday-data";
import { addWorkingDays, createWorkingCalendar } from "../calendar/working-days";
import { checkExtension, checkSuspensionStart, clockState, dueMark, dueMarkBounds, latestStartDueBefore, MAX_EXTENSION_DAYS } from "./clock-ledger";

const cal = createWorkingCalendar(calendarYearsFromHolidayJson(holidays));

describe("clock ledger: a hand-worked example around Mid-Autumn and National Day 2026", () => {
  // Accepted Mon 14 Sep 2026; promised 15, statutory 20 working days.
  // Counting from Tue 15 Sep: 15,16,17,18 (4); Sat 19 off; Sun 20 make-up working day (5);
  // 21–24 (9); Fri 25–Sun 27 Mid-Autumn off; Mon 28 (10), Tue 29 (11), Wed 30 (12);
  // 1–7 Oct National Day off; Thu 8 (13), Fri 9 (14), Sat 10 make-up (15), Mon 12 … Fri 16 (20).
  const base = { acceptedOn: "2026-09-14", promisedDays: 15, statutoryDays: 20, today: "2026-11-01" };

  it("without suspension: promised Sat 10 Oct (a make-up working day), statutory Fri 16 Oct", () => {
    const s = clockState(cal, { ...base, suspensions: [], extensions: [] });
    expect(s).toMatchObject({ promisedDue: "2026-10-10", statutoryDue: "2026-10-16", suspendedWorkingDays: 0, suspended: false });
  });

  it("an expert review from Tue 29 Sep to Fri 9 Oct spans the National Day holiday and stops 3 working days", () => {
    // Not counted: (29 Sep, 9 Oct] → Wed 30 Sep, Thu 8 Oct, Fri 9 Oct; 1–7 Oct were off anyway.
    // Counting resumes Sat 10 Oct: promised reaches 15 on Wed 14 Oct (10, 12, 13, 14 → 12..15).
    // Statutory 20 + a 5-day extension = 25: Thu 15 (16), Fri 16 (17), 19–23 (18–22), 26, 27, 28 (25).
    const s = clockState(cal, { ...base, suspensions: [{ startedOn: "2026-09-29", endedOn: "2026-10-09" }], extensions: [{ days: 5 }] });
    expect(s).toMatchObject({ promisedDue: "2026-10-14", statutoryDue: "2026-10-28", suspendedWorkingDays: 3, extensionDays: 5, suspended: false });
  });

  it("a suspension that starts after a due date was reached does not move it", () => {
    const s = clockState(cal, { ...base, promisedDays: 5, suspensions: [{ startedOn: "2026-10-12", endedOn: "2026-10-16" }], extensions: [] });
    expect(s.promisedDue).toBe("2026-09-20"); // the 5th working day: Sunday 20 Sep, a make-up day
    // Mon 12 Oct still counts (16); 13–16 Oct do not; then 19, 20, 21, 22 Oct (17–20): 4 days later.
    expect(s.statutoryDue).toBe("2026-10-22");
  });

  it("an open suspension keeps moving the dates until today", () => {
    const open = clockState(cal, { ...base, today: "2026-09-30", suspensions: [{ startedOn: "2026-09-28", endedOn: null }], extensions: [] });
    expect(open).toMatchObject({ suspended: true, suspendedWorkingDays: 2, statutoryDue: addWorkingDays(cal, "2026-10-16", 2) });
  });

  it("without suspensions, the due date is plain working-day addition (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 60 }), (offset, days) => {
        const acceptedOn = addWorkingDays(cal, "2025-01-02", offset);
        return clockState(cal, { acceptedOn, promisedDays: days, statutoryDays: days, today: acceptedOn, suspensions: [], extensions: [] }).statutoryDue === addWorkingDays(cal, acceptedOn, days);
      }),
    );
  });
});

describe("clock rules", () => {
  it("extensions total at most the legal limit", () => {
    expect(() => checkExtension([], MAX_EXTENSION_DAYS)).not.toThrow();
    expect(() => checkExtension([{ days: 6 }], 5)).toThrow(expect.objectContaining({ code: "EXTENSION_TOO_LONG" }));
    expect(() => checkExtension([], 0)).toThrow(expect.objectContaining({ code: "EXTENSION_TOO_LONG" }));
  });
  it("one suspension at a time", () => {
    expect(() => checkSuspensionStart([{ startedOn: "2026-10-12", endedOn: null }], "2026-10-13")).toThrow(expect.objectContaining({ code: "SUSPENSION_OVERLAPS" }));
    expect(() => checkSuspensionStart([{ startedOn: "2026-10-12", endedOn: "2026-10-13" }], "2026-10-14")).not.toThrow();
  });
  it("marks due dates red when overdue and yellow within the warning window", () => {
    expect(dueMark(cal, "2026-10-17", "2026-10-16", 3)).toBe("overdue");
    expect(dueMark(cal, "2026-10-13", "2026-10-16", 3)).toBe("soon");
    expect(dueMark(cal, "2026-09-30", "2026-10-16", 3)).toBe("ok"); // 1–7 Oct are not working days, but 8–16 are 7
  });
});

describe("due-mark bounds for queries", () => {
  it("a due date is 'soon' exactly when today <= due < soonBefore, and 'overdue' exactly when due < today (any day of 2025–2026, warnings 0–5)", () => {
    const day = fc.integer({ min: 0, max: 660 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -10, max: 30 }), fc.integer({ min: 0, max: 5 }), (today, offset, warn) => {
        const due = new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
        const { soonBefore } = dueMarkBounds(cal, today, warn);
        const mark = dueMark(cal, today, due, warn);
        expect(mark === "overdue").toBe(due < today);
        expect(mark === "soon").toBe(due >= today && due < soonBefore);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("start-date bounds for a limit counted from a start (art. 44)", () => {
  it("a start is overdue exactly when on or before latestStartDueBefore(today), and due soon exactly up to latestStartDueBefore(soonBefore)", () => {
    const day = fc.integer({ min: 30, max: 690 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5 }), (today, back, warn) => {
        const start = new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
        const mark = dueMark(cal, today, addWorkingDays(cal, start, 10), warn);
        const overdueUpTo = latestStartDueBefore(cal, today, 10);
        const soonUpTo = latestStartDueBefore(cal, dueMarkBounds(cal, today, warn).soonBefore, 10);
        expect(mark === "overdue").toBe(start <= overdueUpTo);
        expect(mark === "soon").toBe(start > overdueUpTo && start <= soonUpTo);
      }),
      { numRuns: 1500 },
    );
  });
});
