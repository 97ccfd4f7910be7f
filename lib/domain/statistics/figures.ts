// The supervision figures (docs/decisions/017): counts summed per bureau day, and what is derived
// from them — shares, averages, compression — plus the breakdown columns the dashboard, the public
// statistics and their CSV files show, so every place computes a figure the same way.
import { APPLICATION_STATES, CLOCK_RUNNING_STATES, type ApplicationState } from "../workflow/application-workflow";
import { stateFacts } from "../workflow/state-facts";
import type { Period } from "./period";

/** Decided (准予 or 不予许可): what the on-time shares and working days used count. */
export const DECIDED_STATES: readonly ApplicationState[] = APPLICATION_STATES.filter((s) => stateFacts(s).decision !== null);

/** Where a case can be overdue now: its deadline clock runs (suspended cases are left out by the query). */
export const OVERDUE_STATES: readonly ApplicationState[] = CLOCK_RUNNING_STATES;

/**
 * Summable counts. Each is keyed by the day of its own event: received by submission, accepted by
 * acceptance, the decision figures by the decision, the instant ones by submission, issued by the
 * certificate's issue date.
 */
export const FIGURE_COUNTS = [
  /** Filings received (first submission). */
  "received",
  /** Filings accepted (受理). */
  "accepted",
  /** Cases decided (approved or denied). */
  "decided",
  /** …of which on or before the promised due date (bureau day of the decision). */
  "onTimePromised",
  /** …of which on or before the statutory due date (extensions included). */
  "onTimeStatutory",
  /** Decided cases whose working days could be counted on the bureau calendar. */
  "daysCounted",
  /** Their working days used: acceptance (exclusive) to decision, suspensions not counted. */
  "daysUsed",
  /** Their promised limits (ItemVersion.promisedDays), summed. */
  "promisedDays",
  /** Their statutory limits (ItemVersion.statutoryDays), summed. */
  "statutoryDays",
  /** Filings of instant items (即办件) received. */
  "instantReceived",
  /** …of which decided the same bureau day they were submitted (当场办结). */
  "instantSameDay",
  /** Certificates first issued (replacements not counted). */
  "issued",
] as const;
export type FigureCount = (typeof FIGURE_COUNTS)[number];
export type FigureCounts = Record<FigureCount, number>;

export const NO_FIGURES: FigureCounts = Object.freeze(Object.fromEntries(FIGURE_COUNTS.map((k) => [k, 0])) as FigureCounts);

export function addFigures(a: FigureCounts, b: FigureCounts): FigureCounts {
  return Object.fromEntries(FIGURE_COUNTS.map((k) => [k, a[k] + b[k]])) as FigureCounts;
}

export function sumFigures(list: Iterable<FigureCounts>): FigureCounts {
  let sum = NO_FIGURES;
  for (const f of list) sum = addFigures(sum, f);
  return sum;
}

/** Counts from a database row (bigint / numeric / string sums), missing ones as 0. */
export function figuresOf(row: Partial<Record<FigureCount, unknown>>): FigureCounts {
  return Object.fromEntries(FIGURE_COUNTS.map((k) => [k, Number(row[k] ?? 0)])) as FigureCounts;
}

/** What is watched now rather than counted over the period. */
export type Watch = {
  /** Open cases (clock running) past their promised / statutory due date today. */
  overduePromised: number;
  overdueStatutory: number;
  /** Cards (预警) raised in the period, by colour. */
  cardsYellow: number;
  cardsRed: number;
};

export const NO_WATCH: Watch = Object.freeze({ overduePromised: 0, overdueStatutory: 0, cardsYellow: 0, cardsRed: 0 });

export function addWatch(a: Watch, b: Watch): Watch {
  return { overduePromised: a.overduePromised + b.overduePromised, overdueStatutory: a.overdueStatutory + b.overdueStatutory, cardsYellow: a.cardsYellow + b.cardsYellow, cardsRed: a.cardsRed + b.cardsRed };
}

/** Shares are 0–1 and averages working days; null where nothing was counted. */
export type FigureRates = {
  instantSameDayShare: number | null;
  onTimePromisedShare: number | null;
  onTimeStatutoryShare: number | null;
  averageDaysUsed: number | null;
  averagePromisedDays: number | null;
  averageStatutoryDays: number | null;
  /** 1 − days used / statutory limit: how much of the law's time the bureau did not need. */
  compression: number | null;
};

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function ratesOf(f: FigureCounts): FigureRates {
  return {
    instantSameDayShare: ratio(f.instantSameDay, f.instantReceived),
    onTimePromisedShare: ratio(f.onTimePromised, f.decided),
    onTimeStatutoryShare: ratio(f.onTimeStatutory, f.decided),
    averageDaysUsed: ratio(f.daysUsed, f.daysCounted),
    averagePromisedDays: ratio(f.promisedDays, f.daysCounted),
    averageStatutoryDays: ratio(f.statutoryDays, f.daysCounted),
    compression: f.statutoryDays === 0 ? null : 1 - f.daysUsed / f.statutoryDays,
  };
}

/** Figures of one period of a trend. */
export type PeriodFigures = { period: Period; figures: FigureCounts };

/** Daily counts summed into periods (days outside every period are dropped). */
export function sumByPeriod(periods: readonly Period[], days: readonly { day: string; figures: FigureCounts }[]): PeriodFigures[] {
  return periods.map((period) => ({ period, figures: sumFigures(days.filter((d) => d.day >= period.from && d.day <= period.to).map((d) => d.figures)) }));
}

// ---- Breakdown columns: one list per breakdown, shared by the page's tables and the CSV files.

export type Breakdown = "section" | "item" | "staff";

export type ColumnKey =
  | "received"
  | "accepted"
  | "decided"
  | "issued"
  | "instantReceived"
  | "instantSameDay"
  | "instantSameDayShare"
  | "onTimePromised"
  | "onTimePromisedShare"
  | "onTimeStatutory"
  | "onTimeStatutoryShare"
  | "averageDaysUsed"
  | "averagePromisedDays"
  | "averageStatutoryDays"
  | "compression"
  | "overduePromised"
  | "overdueStatutory"
  | "cardsYellow"
  | "cardsRed";

const DECISION_COLUMNS: ColumnKey[] = ["onTimePromised", "onTimePromisedShare", "onTimeStatutory", "onTimeStatutoryShare", "averageDaysUsed", "averagePromisedDays", "averageStatutoryDays", "compression"];

/**
 * The columns of each breakdown. Staff are counted by what they did: the acceptor for acceptance,
 * the decider for the decision figures and for instant filings decided; received, issued and
 * overdue cases are not any one person's, so the staff breakdown leaves them out.
 */
export const BREAKDOWN_COLUMNS: Record<Breakdown, readonly ColumnKey[]> = {
  section: ["received", "accepted", "decided", "issued", "instantReceived", "instantSameDay", "instantSameDayShare", ...DECISION_COLUMNS, "overduePromised", "overdueStatutory", "cardsYellow", "cardsRed"],
  item: ["received", "accepted", "decided", "issued", "instantReceived", "instantSameDay", "instantSameDayShare", ...DECISION_COLUMNS, "overduePromised", "overdueStatutory", "cardsYellow", "cardsRed"],
  staff: ["accepted", "decided", "instantReceived", "instantSameDay", "instantSameDayShare", ...DECISION_COLUMNS, "cardsYellow", "cardsRed"],
};

/** Columns shown as a percentage. */
export const SHARE_COLUMNS: ReadonlySet<ColumnKey> = new Set(["instantSameDayShare", "onTimePromisedShare", "onTimeStatutoryShare", "compression"]);
/** Columns shown as average working days. */
export const AVERAGE_COLUMNS: ReadonlySet<ColumnKey> = new Set(["averageDaysUsed", "averagePromisedDays", "averageStatutoryDays"]);

/** A column's value for one row: a count, a share (0–1), an average, or null when nothing was counted. */
export function columnValue(key: ColumnKey, figures: FigureCounts, watch: Watch = NO_WATCH): number | null {
  if (key in watch) return watch[key as keyof Watch];
  if ((FIGURE_COUNTS as readonly string[]).includes(key)) return figures[key as FigureCount];
  return ratesOf(figures)[key as keyof FigureRates];
}

/** A column's value as a CSV cell: shares as percentages and averages with one decimal. */
export function columnCell(key: ColumnKey, value: number | null): string {
  if (value === null) return "";
  if (SHARE_COLUMNS.has(key)) return (value * 100).toFixed(1);
  if (AVERAGE_COLUMNS.has(key)) return value.toFixed(1);
  return String(value);
}

/** The columns of the public statistics: counts and shares only, nobody's work singled out. */
export const PUBLIC_COLUMNS: readonly ColumnKey[] = ["received", "decided", "issued", "instantReceived", "instantSameDay", "instantSameDayShare", "onTimePromisedShare", "onTimeStatutoryShare", "averageDaysUsed", "averagePromisedDays", "averageStatutoryDays", "compression"];

const round = (v: number | null, digits: number) => (v === null ? null : Number(v.toFixed(digits)));

/** One row of figures as open data (stable English keys; shares 0–1, averages in working days). */
export function openDataFigures(f: FigureCounts) {
  const r = ratesOf(f);
  return {
    received: f.received,
    accepted: f.accepted,
    decided: f.decided,
    issued: f.issued,
    instant: { received: f.instantReceived, decidedSameDay: f.instantSameDay, share: round(r.instantSameDayShare, 4) },
    onTime: {
      promised: { decided: f.onTimePromised, share: round(r.onTimePromisedShare, 4) },
      statutory: { decided: f.onTimeStatutory, share: round(r.onTimeStatutoryShare, 4) },
    },
    workingDays: {
      counted: f.daysCounted,
      averageUsed: round(r.averageDaysUsed, 2),
      averagePromisedLimit: round(r.averagePromisedDays, 2),
      averageStatutoryLimit: round(r.averageStatutoryDays, 2),
      compression: round(r.compression, 4),
    },
  };
}
