// Derived figures: shares, averages and compression from summed counts; breakdown columns.
import { describe, expect, it } from "vitest";
import { periodOf, trendOf } from "./period";
import { addFigures, BREAKDOWN_COLUMNS, columnCell, columnValue, DECIDED_STATES, NO_FIGURES, OVERDUE_STATES, ratesOf, sumByPeriod, type FigureCounts } from "./figures";

const f = (counts: Partial<FigureCounts>): FigureCounts => ({ ...NO_FIGURES, ...counts });

describe("figures", () => {
  it("counts as decided exactly the states that carry a decision", () => {
    expect([...DECIDED_STATES].sort()).toEqual(["AWAITING_SEAL", "DENIED", "ISSUED"]);
    expect(OVERDUE_STATES).not.toContain("AWAITING_SEAL");
    expect(OVERDUE_STATES).toContain("ACCEPTED_WITH_DEFICIENCIES");
  });

  it("derives shares and averages, null where nothing was counted", () => {
    const r = ratesOf(f({ decided: 4, onTimePromised: 3, onTimeStatutory: 4, daysCounted: 4, daysUsed: 10, promisedDays: 20, statutoryDays: 80, instantReceived: 5, instantSameDay: 4 }));
    expect(r).toEqual({ instantSameDayShare: 0.8, onTimePromisedShare: 0.75, onTimeStatutoryShare: 1, averageDaysUsed: 2.5, averagePromisedDays: 5, averageStatutoryDays: 20, compression: 0.875 });
    expect(ratesOf(NO_FIGURES)).toEqual({ instantSameDayShare: null, onTimePromisedShare: null, onTimeStatutoryShare: null, averageDaysUsed: null, averagePromisedDays: null, averageStatutoryDays: null, compression: null });
  });

  it("adds counts and sums days into the periods of a trend", () => {
    expect(addFigures(f({ received: 2 }), f({ received: 3, issued: 1 }))).toEqual(f({ received: 5, issued: 1 }));
    const trend = trendOf(periodOf("day", "2026-11-30"), 3);
    const days = [
      { day: "2026-11-27", figures: f({ received: 9 }) },
      { day: "2026-11-28", figures: f({ received: 1 }) },
      { day: "2026-11-30", figures: f({ received: 2 }) },
      { day: "2026-11-30", figures: f({ received: 3 }) },
    ];
    expect(sumByPeriod(trend, days).map((p) => [p.period.from, p.figures.received])).toEqual([["2026-11-28", 1], ["2026-11-29", 0], ["2026-11-30", 5]]);
  });

  it("gives each breakdown column its value and CSV cell", () => {
    const counts = f({ decided: 3, onTimePromised: 2, daysCounted: 3, daysUsed: 4, statutoryDays: 60 });
    expect(columnValue("onTimePromisedShare", counts)).toBeCloseTo(2 / 3);
    expect(columnCell("onTimePromisedShare", columnValue("onTimePromisedShare", counts))).toBe("66.7");
    expect(columnCell("averageDaysUsed", columnValue("averageDaysUsed", counts))).toBe("1.3");
    expect(columnValue("cardsRed", counts, { overduePromised: 0, overdueStatutory: 0, cardsYellow: 1, cardsRed: 2 })).toBe(2);
    expect(columnCell("instantSameDayShare", columnValue("instantSameDayShare", counts))).toBe("");
    // Staff are not answerable for filings received or cases overdue.
    expect(BREAKDOWN_COLUMNS.staff).not.toContain("received");
    expect(BREAKDOWN_COLUMNS.staff).not.toContain("overduePromised");
  });
});

describe("open data", () => {
  it("shapes a row with stable keys, rounded", async () => {
    const { openDataFigures, PUBLIC_COLUMNS } = await import("./figures");
    expect(openDataFigures(f({ received: 3, decided: 3, onTimePromised: 2, onTimeStatutory: 3, daysCounted: 3, daysUsed: 2, promisedDays: 10, statutoryDays: 60, instantReceived: 1, instantSameDay: 1 }))).toEqual({
      received: 3,
      accepted: 0,
      decided: 3,
      issued: 0,
      instant: { received: 1, decidedSameDay: 1, share: 1 },
      onTime: { promised: { decided: 2, share: 0.6667 }, statutory: { decided: 3, share: 1 } },
      workingDays: { counted: 3, averageUsed: 0.67, averagePromisedLimit: 3.33, averageStatutoryLimit: 20, compression: 0.9667 },
    });
    expect(PUBLIC_COLUMNS).not.toContain("cardsRed");
  });
});
