// Rating and complaint figures: totals, bad ratings, the shares (null where nothing was counted),
// the columns and their CSV cells, and the open-data shape.
import { describe, expect, it } from "vitest";
import {
  addRatingRows,
  COMPLAINT_COLUMNS,
  complaintColumnValue,
  NO_COMPLAINTS,
  NO_FOLLOW_UPS,
  NO_RATING_ROW,
  NO_RATINGS,
  openDataComplaints,
  openDataRatings,
  RATING_COLUMNS,
  ratingCell,
  ratingColumnValue,
  ratingRatesOf,
  type RatingRow,
} from "./rating-figures";

const sample: RatingRow = {
  ratings: { ...NO_RATINGS, VERY_SATISFIED: 5, SATISFIED: 2, BASIC: 1, UNSATISFIED: 1, VERY_UNSATISFIED: 1 },
  followUps: { due: 4, onTime: 1, answeredLate: 1, openOverdue: 1, openNotDue: 1 },
};

describe("rating figures", () => {
  it("derives the satisfied, bad and on-time shares; null where nothing was counted", () => {
    expect(ratingRatesOf(sample.ratings, sample.followUps)).toEqual({ satisfiedShare: 0.7, badShare: 0.2, followUpOnTimeShare: 1 / 3 });
    expect(ratingRatesOf(NO_RATINGS, NO_FOLLOW_UPS)).toEqual({ satisfiedShare: null, badShare: null, followUpOnTimeShare: null });
    // Follow-ups not yet due have no outcome: the share waits for them.
    expect(ratingRatesOf(NO_RATINGS, { ...NO_FOLLOW_UPS, due: 2, openNotDue: 2 }).followUpOnTimeShare).toBeNull();
  });

  it("gives every column its value and CSV cell, and adds rows", () => {
    expect(RATING_COLUMNS.map((c) => ratingColumnValue(c, sample))).toEqual([10, 5, 2, 1, 1, 1, 0.7, 2, 0.2, 4, 1, 1, 1, 1, 1 / 3]);
    expect(ratingCell("followUpOnTimeShare", ratingColumnValue("followUpOnTimeShare", sample))).toBe("33.3");
    expect(ratingCell("badShare", ratingColumnValue("badShare", NO_RATING_ROW))).toBe("");
    expect(ratingCell("total", 0)).toBe("0");
    expect(addRatingRows(sample, sample).followUps).toEqual({ due: 8, onTime: 2, answeredLate: 2, openOverdue: 2, openNotDue: 2 });
    expect(addRatingRows(sample, NO_RATING_ROW)).toEqual(sample);
  });

  it("counts complaints by stage with the satisfaction given", () => {
    const c = { stages: { ...NO_COMPLAINTS.stages, RECEIVED: 2, CLOSED: 3 }, satisfaction: { ...NO_COMPLAINTS.satisfaction, SATISFIED: 2, UNSATISFIED: 1 } };
    expect(COMPLAINT_COLUMNS.map((k) => complaintColumnValue(k, c))).toEqual([5, 2, 0, 0, 0, 3, 2, 0, 1]);
    expect(openDataComplaints(c)).toEqual({ total: 5, stages: { received: 2, assigned: 0, handled: 0, answered: 0, closed: 3 }, satisfaction: { satisfied: 2, basic: 0, unsatisfied: 1 } });
  });

  it("shapes open data with stable keys, shares rounded", () => {
    expect(openDataRatings(sample)).toEqual({
      total: 10,
      levels: { verySatisfied: 5, satisfied: 2, basic: 1, unsatisfied: 1, veryUnsatisfied: 1 },
      satisfiedShare: 0.7,
      bad: 2,
      badShare: 0.2,
      followUps: { due: 4, onTime: 1, answeredLate: 1, openOverdue: 1, openNotDue: 1, onTimeShare: 0.3333 },
    });
  });
});
