// The figures of 好差评 and complaints (#16, "Results"): ratings counted per level, the shares derived
// from them, bad ratings' follow-ups on time, complaints by stage — and the columns the dashboard,
// the public statistics, their CSV files and the open data show, so every place counts them alike.
import { RATING_LEVELS, type RatingLevel } from "../ratings/ratings";
import { COMPLAINT_SATISFACTION as COMPLAINT_SATISFACTIONS, COMPLAINT_STAGES, type ComplaintSatisfaction, type ComplaintStage } from "@/lib/domain/complaints/complaints";

// ---- Ratings ---------------------------------------------------------------------------------

/** Ratings given in a period, per level (an upheld appeal takes a rating out of every figure). */
export type RatingCounts = Record<RatingLevel, number>;

export const NO_RATINGS: RatingCounts = Object.freeze(Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as RatingCounts);

export function addRatings(a: RatingCounts, b: RatingCounts): RatingCounts {
  return Object.fromEntries(RATING_LEVELS.map((l) => [l, a[l] + b[l]])) as RatingCounts;
}

export function ratingTotal(r: RatingCounts): number {
  return RATING_LEVELS.reduce((n, l) => n + r[l], 0);
}

/** Bad ratings: 不满意 and 非常不满意 (as isBadRating). */
export function badRatings(r: RatingCounts): number {
  return r.UNSATISFIED + r.VERY_UNSATISFIED;
}

// ---- Follow-ups --------------------------------------------------------------------------------

/**
 * Bad ratings' follow-ups (差评整改) due in a period, by what became of them: answered on or before
 * the due day (bureau date), answered after it, still open past it, or open and not yet due. The four
 * are disjoint; "late" is the second and third together.
 */
export type FollowUpCounts = { due: number; onTime: number; answeredLate: number; openOverdue: number; openNotDue: number };

export const NO_FOLLOW_UPS: FollowUpCounts = Object.freeze({ due: 0, onTime: 0, answeredLate: 0, openOverdue: 0, openNotDue: 0 });

export function addFollowUps(a: FollowUpCounts, b: FollowUpCounts): FollowUpCounts {
  return { due: a.due + b.due, onTime: a.onTime + b.onTime, answeredLate: a.answeredLate + b.answeredLate, openOverdue: a.openOverdue + b.openOverdue, openNotDue: a.openNotDue + b.openNotDue };
}

/** Follow-ups whose outcome is known: answered, or past their due day. */
export function followUpsDecided(f: FollowUpCounts): number {
  return f.onTime + f.answeredLate + f.openOverdue;
}

// ---- Complaints --------------------------------------------------------------------------------

// The complaint's stages and the complainant's satisfaction are the complaint workflow's own.
export { COMPLAINT_STAGES, COMPLAINT_SATISFACTION as COMPLAINT_SATISFACTIONS } from "@/lib/domain/complaints/complaints";
export type { ComplaintStage, ComplaintSatisfaction } from "@/lib/domain/complaints/complaints";

/** Complaints received in a period, by the stage they are at now, and the satisfaction given. */
export type ComplaintCounts = { stages: Record<ComplaintStage, number>; satisfaction: Record<ComplaintSatisfaction, number> };

export const NO_COMPLAINTS: ComplaintCounts = Object.freeze({
  stages: Object.freeze(Object.fromEntries(COMPLAINT_STAGES.map((s) => [s, 0])) as Record<ComplaintStage, number>),
  satisfaction: Object.freeze(Object.fromEntries(COMPLAINT_SATISFACTIONS.map((s) => [s, 0])) as Record<ComplaintSatisfaction, number>),
});

export function addComplaints(a: ComplaintCounts, b: ComplaintCounts): ComplaintCounts {
  return {
    stages: Object.fromEntries(COMPLAINT_STAGES.map((s) => [s, a.stages[s] + b.stages[s]])) as Record<ComplaintStage, number>,
    satisfaction: Object.fromEntries(COMPLAINT_SATISFACTIONS.map((s) => [s, a.satisfaction[s] + b.satisfaction[s]])) as Record<ComplaintSatisfaction, number>,
  };
}

export function complaintTotal(c: ComplaintCounts): number {
  return COMPLAINT_STAGES.reduce((n, s) => n + c.stages[s], 0);
}

// ---- Shares --------------------------------------------------------------------------------------

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** Shares 0–1, null where nothing was counted. */
export type RatingRates = {
  /** 非常满意 and 满意 among all ratings. */
  satisfiedShare: number | null;
  /** 不满意 and 非常不满意 among all ratings. */
  badShare: number | null;
  /** Follow-ups answered on time among those whose outcome is known (answered, or past due). */
  followUpOnTimeShare: number | null;
};

export function ratingRatesOf(r: RatingCounts, f: FollowUpCounts): RatingRates {
  const total = ratingTotal(r);
  return { satisfiedShare: ratio(r.VERY_SATISFIED + r.SATISFIED, total), badShare: ratio(badRatings(r), total), followUpOnTimeShare: ratio(f.onTime, followUpsDecided(f)) };
}

// ---- Columns -------------------------------------------------------------------------------------

/** One row of rating figures: the ratings given in the period and the follow-ups due in it. */
export type RatingRow = { ratings: RatingCounts; followUps: FollowUpCounts };

export const NO_RATING_ROW: RatingRow = Object.freeze({ ratings: NO_RATINGS, followUps: NO_FOLLOW_UPS });

export function addRatingRows(a: RatingRow, b: RatingRow): RatingRow {
  return { ratings: addRatings(a.ratings, b.ratings), followUps: addFollowUps(a.followUps, b.followUps) };
}

export type RatingColumn =
  | "total"
  | RatingLevel
  | "satisfiedShare"
  | "bad"
  | "badShare"
  | "followUpsDue"
  | "followUpsOnTime"
  | "followUpsAnsweredLate"
  | "followUpsOpenOverdue"
  | "followUpsOpenNotDue"
  | "followUpOnTimeShare";

/** The columns of every rating table — the dashboard's four breakdowns and the public months and sections. */
export const RATING_COLUMNS: readonly RatingColumn[] = [
  "total",
  ...RATING_LEVELS,
  "satisfiedShare",
  "bad",
  "badShare",
  "followUpsDue",
  "followUpsOnTime",
  "followUpsAnsweredLate",
  "followUpsOpenOverdue",
  "followUpsOpenNotDue",
  "followUpOnTimeShare",
];

export const RATING_SHARE_COLUMNS: ReadonlySet<RatingColumn> = new Set(["satisfiedShare", "badShare", "followUpOnTimeShare"]);

export function ratingColumnValue(key: RatingColumn, row: RatingRow): number | null {
  const { ratings: r, followUps: f } = row;
  switch (key) {
    case "total":
      return ratingTotal(r);
    case "bad":
      return badRatings(r);
    case "satisfiedShare":
    case "badShare":
    case "followUpOnTimeShare":
      return ratingRatesOf(r, f)[key];
    case "followUpsDue":
      return f.due;
    case "followUpsOnTime":
      return f.onTime;
    case "followUpsAnsweredLate":
      return f.answeredLate;
    case "followUpsOpenOverdue":
      return f.openOverdue;
    case "followUpsOpenNotDue":
      return f.openNotDue;
    default:
      return r[key];
  }
}

export type ComplaintColumn = "total" | ComplaintStage | `satisfaction${ComplaintSatisfaction}`;

export const COMPLAINT_COLUMNS: readonly ComplaintColumn[] = ["total", ...COMPLAINT_STAGES, ...COMPLAINT_SATISFACTIONS.map((s) => `satisfaction${s}` as const)];

export function complaintColumnValue(key: ComplaintColumn, c: ComplaintCounts): number {
  if (key === "total") return complaintTotal(c);
  if (key.startsWith("satisfaction")) return c.satisfaction[key.slice("satisfaction".length) as ComplaintSatisfaction];
  return c.stages[key as ComplaintStage];
}

/** A value as a CSV cell: shares as percentages with one decimal, nothing counted as empty. */
export function ratingCell(key: RatingColumn, value: number | null): string {
  if (value === null) return "";
  return RATING_SHARE_COLUMNS.has(key) ? (value * 100).toFixed(1) : String(value);
}

// ---- Open data ------------------------------------------------------------------------------------

const round4 = (v: number | null) => (v === null ? null : Number(v.toFixed(4)));

/** Rating figures as open data: stable English keys, shares 0–1. */
export function openDataRatings(row: RatingRow) {
  const rates = ratingRatesOf(row.ratings, row.followUps);
  const f = row.followUps;
  return {
    total: ratingTotal(row.ratings),
    levels: {
      verySatisfied: row.ratings.VERY_SATISFIED,
      satisfied: row.ratings.SATISFIED,
      basic: row.ratings.BASIC,
      unsatisfied: row.ratings.UNSATISFIED,
      veryUnsatisfied: row.ratings.VERY_UNSATISFIED,
    },
    satisfiedShare: round4(rates.satisfiedShare),
    bad: badRatings(row.ratings),
    badShare: round4(rates.badShare),
    followUps: { due: f.due, onTime: f.onTime, answeredLate: f.answeredLate, openOverdue: f.openOverdue, openNotDue: f.openNotDue, onTimeShare: round4(rates.followUpOnTimeShare) },
  };
}

/** Complaint figures as open data. */
export function openDataComplaints(c: ComplaintCounts) {
  return {
    total: complaintTotal(c),
    stages: { received: c.stages.RECEIVED, assigned: c.stages.ASSIGNED, handled: c.stages.HANDLED, answered: c.stages.ANSWERED, closed: c.stages.CLOSED },
    satisfaction: { satisfied: c.satisfaction.SATISFIED, basic: c.satisfaction.BASIC, unsatisfied: c.satisfaction.UNSATISFIED },
  };
}
