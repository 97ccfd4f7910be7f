// The clock ledger (计时台账): due dates after suspensions (挂起) and extensions (延期).
// Limits count working days from acceptance (the acceptance day itself does not count). A
// suspension stops the clock from the day it starts until the day it ends: the working days in
// (start, end] are not counted. Both due dates are the day the counted working days reach their
// limit, so a suspension moves a due date only if it began before that date was reached. A site
// survey is recorded but stops nothing. An extension adds working days to the statutory limit
// only, at most the legal maximum in total (Administrative Licensing Law art. 42: 10).
import { addWorkingDays, workingDaysBetween, type PlainDate, type WorkingCalendar } from "../calendar/working-days";

export const SUSPENSION_REASONS = ["HEARING", "TESTING", "INSPECTION", "APPRAISAL", "EXPERT_REVIEW", "APPLICANT_CORRECTION", "OWED_MATERIALS"] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

/** Administrative Licensing Law art. 42: one extension of at most 10 working days. */
export const MAX_EXTENSION_DAYS = 10;

export type LedgerSuspension = { startedOn: PlainDate; endedOn: PlainDate | null };
export type LedgerExtension = { days: number };

export type ClockInput = {
  acceptedOn: PlainDate;
  promisedDays: number;
  statutoryDays: number;
  suspensions: readonly LedgerSuspension[];
  extensions: readonly LedgerExtension[];
  /** Today: an open suspension counts up to here (the due dates keep moving while it runs). */
  today: PlainDate;
};

export type ClockState = {
  promisedDue: PlainDate;
  statutoryDue: PlainDate;
  suspendedWorkingDays: number;
  extensionDays: number;
  suspended: boolean;
};

export class ClockRuleError extends Error {
  constructor(
    readonly code: "EXTENSION_TOO_LONG" | "SUSPENSION_OVERLAPS" | "SUSPENSION_ENDS_BEFORE_START",
    message: string,
  ) {
    super(message);
    this.name = "ClockRuleError";
  }
}

export function suspendedWorkingDays(cal: WorkingCalendar, s: LedgerSuspension, today: PlainDate): number {
  const end = s.endedOn ?? (today > s.startedOn ? today : s.startedOn);
  return workingDaysBetween(cal, s.startedOn, end);
}

/** The day on which `limit` counted working days after `acceptedOn` are reached. */
export function dueDate(cal: WorkingCalendar, acceptedOn: PlainDate, limit: number, suspensions: readonly LedgerSuspension[], today: PlainDate): PlainDate {
  const stopped = suspensions.map((s) => ({ from: s.startedOn, to: s.endedOn ?? (today > s.startedOn ? today : s.startedOn) }));
  let day = addWorkingDays(cal, acceptedOn, 0); // checks the year is held
  for (let counted = 0; counted < limit; ) {
    day = addWorkingDays(cal, day, 1);
    if (!stopped.some((s) => day > s.from && day <= s.to)) counted++;
  }
  return day;
}

export function clockState(cal: WorkingCalendar, input: ClockInput): ClockState {
  const suspended = input.suspensions.reduce((sum, s) => sum + suspendedWorkingDays(cal, s, input.today), 0);
  const extensionDays = input.extensions.reduce((sum, e) => sum + e.days, 0);
  return {
    promisedDue: dueDate(cal, input.acceptedOn, input.promisedDays, input.suspensions, input.today),
    statutoryDue: dueDate(cal, input.acceptedOn, input.statutoryDays + extensionDays, input.suspensions, input.today),
    suspendedWorkingDays: suspended,
    extensionDays,
    suspended: input.suspensions.some((s) => s.endedOn === null),
  };
}

/** Checks a new extension against those already granted. */
export function checkExtension(existing: readonly LedgerExtension[], days: number): void {
  const total = existing.reduce((sum, e) => sum + e.days, 0) + days;
  if (!Number.isInteger(days) || days < 1 || total > MAX_EXTENSION_DAYS) {
    throw new ClockRuleError("EXTENSION_TOO_LONG", `extensions total ${total} working days; the law allows ${MAX_EXTENSION_DAYS}`);
  }
}

/** A new suspension may not start while another is open; an end may not precede its start. */
export function checkSuspensionStart(existing: readonly LedgerSuspension[], startedOn: PlainDate): void {
  if (existing.some((s) => s.endedOn === null || s.endedOn > startedOn)) throw new ClockRuleError("SUSPENSION_OVERLAPS", "a suspension is still running");
}

export function checkSuspensionEnd(s: LedgerSuspension, endedOn: PlainDate): void {
  if (endedOn < s.startedOn) throw new ClockRuleError("SUSPENSION_ENDS_BEFORE_START", `ends ${endedOn} before it starts ${s.startedOn}`);
}

/** Due-date marks for queues: red when overdue, yellow within `warningDays` working days. */
export function dueMark(cal: WorkingCalendar, today: PlainDate, due: PlainDate, warningDays: number): "overdue" | "soon" | "ok" {
  if (today > due) return "overdue";
  return workingDaysBetween(cal, today, due) <= warningDays ? "soon" : "ok";
}

/**
 * The marks as date bounds a query can use: a due date is overdue before `today`, and due soon from
 * `today` up to (not including) `soonBefore` — exactly where `dueMark` says "soon".
 */
/**
 * The latest start date whose limit of `n` working days ends before `bound` (addWorkingDays(start, n)
 * < bound): with `bound` = today, every start on or before it is overdue. Lets a query count marks
 * over a start date (e.g. art. 44's 10 days from the decision) without computing each row's due date.
 */
export function latestStartDueBefore(cal: WorkingCalendar, bound: PlainDate, n: number): PlainDate {
  let day = bound;
  while (addWorkingDays(cal, day, n) >= bound) day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return day;
}

export function dueMarkBounds(cal: WorkingCalendar, today: PlainDate, warningDays: number): { today: PlainDate; soonBefore: PlainDate } {
  return { today, soonBefore: addWorkingDays(cal, today, warningDays + 1) };
}

/**
 * Art. 45: hearings, testing, inspection, appraisal and expert review stop the clock, and the
 * applicant is told in writing how long they take (特别程序告知书). Waiting for the applicant does not
 * call for one: they already know what they owe.
 */
export function needsSpecialProcedureNotice(reason: SuspensionReason): boolean {
  return reason !== "APPLICANT_CORRECTION" && reason !== "OWED_MATERIALS";
}

/** The reasons as the written notices name them (official documents stay Chinese). */
export const SUSPENSION_REASON_TEXT: Record<SuspensionReason, string> = {
  HEARING: "听证",
  TESTING: "检验、检测、检疫",
  INSPECTION: "现场核查",
  APPRAISAL: "鉴定",
  EXPERT_REVIEW: "专家评审",
  APPLICANT_CORRECTION: "等待申请人补正",
  OWED_MATERIALS: "等待补齐容缺材料",
};
