// 投诉: a complaint's closed loop as one table — received → assigned (to the responsible section) →
// handled (the section's findings and what it put right) → answered (the reply to the complainant,
// who is then asked for their satisfaction) → closed (satisfaction given) — or, unsatisfied the
// first time, back to the section to be handled again (不满意重办). Each open stage is due
// within its working days; a supervisor may press (督办) an overdue or slow stage. The table also
// answers which actions an actor may take now, so pages never compare stages or roles themselves.
import { addWorkingDays, type PlainDate, type WorkingCalendar } from "@/lib/domain/calendar/working-days";
import { dueMark } from "@/lib/domain/clock/clock-ledger";
import { can } from "@/lib/domain/access/permissions";
import type { Role } from "@/lib/domain/access/roles";

export const COMPLAINT_CATEGORIES = ["ATTITUDE", "EFFICIENCY", "CONDUCT", "FEES", "MATERIALS", "ONLINE_SYSTEM", "OTHER"] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_STAGES = ["RECEIVED", "ASSIGNED", "HANDLED", "ANSWERED", "CLOSED"] as const;
export type ComplaintStage = (typeof COMPLAINT_STAGES)[number];

export const COMPLAINT_SATISFACTION = ["SATISFIED", "BASIC", "UNSATISFIED"] as const;
export type ComplaintSatisfaction = (typeof COMPLAINT_SATISFACTION)[number];

/**
 * Working days each stage may last: assigned within 1, handled within 5 of assignment, answered
 * within 2 of handling (together the 8 working days the county's rules give a complaint). An
 * answered complaint waits for the complainant, with no limit on them.
 */
export const STAGE_LIMITS: Partial<Record<ComplaintStage, number>> = { RECEIVED: 1, ASSIGNED: 5, HANDLED: 2 };

/** The last working day of a stage entered on `enteredOn` (null for a stage without a limit). */
export function stageDue(cal: WorkingCalendar, stage: ComplaintStage, enteredOn: PlainDate): PlainDate | null {
  const days = STAGE_LIMITS[stage];
  return days === undefined ? null : addWorkingDays(cal, enteredOn, days);
}

export type ComplaintAction = "ASSIGN" | "HANDLE" | "ANSWER" | "PRESS" | "GIVE_SATISFACTION";

/** Who takes each step: staff by permission, the complainant by holding the complaint's key. */
type Who = "manager" | "section" | "complainant";

export const COMPLAINT_TRANSITIONS: Record<Exclude<ComplaintAction, "PRESS">, { from: readonly ComplaintStage[]; to: ComplaintStage; by: Who }> = {
  // A supervisor may also send an assigned complaint on to another section.
  ASSIGN: { from: ["RECEIVED", "ASSIGNED"], to: "ASSIGNED", by: "manager" },
  HANDLE: { from: ["ASSIGNED"], to: "HANDLED", by: "section" },
  ANSWER: { from: ["HANDLED"], to: "ANSWERED", by: "manager" },
  // Closed, or back to ASSIGNED when an unsatisfied complainant reopens it (afterSatisfaction).
  GIVE_SATISFACTION: { from: ["ANSWERED"], to: "CLOSED", by: "complainant" },
};

/**
 * 不满意重办: an unsatisfied complainant sends the answered complaint back to its section to be
 * handled again, this many times; after that their word closes it (and is counted as given).
 */
export const REOPEN_LIMIT = 1;

/**
 * Where the complainant's satisfaction takes an answered complaint: closed, or — unsatisfied while
 * it may still be reopened — back to its section (ASSIGNED, a new limit running) to be handled again.
 */
export function afterSatisfaction(satisfaction: ComplaintSatisfaction, timesReopened: number): "CLOSED" | "ASSIGNED" {
  return satisfaction === "UNSATISFIED" && mayStillReopen(timesReopened) ? "ASSIGNED" : "CLOSED";
}

/** Whether saying "unsatisfied" now would send the complaint back to be handled again (the form says so). */
export function mayStillReopen(timesReopened: number): boolean {
  return timesReopened < REOPEN_LIMIT;
}

/** Stages a supervisor may press: those with a limit running. */
export const PRESSABLE: readonly ComplaintStage[] = ["RECEIVED", "ASSIGNED", "HANDLED"];

export type ComplaintActor =
  | { kind: "staff"; id: string; sectionId: string | null; manages: boolean; handles: boolean; wholeBureau: boolean }
  | { kind: "complainant" };

export function complaintStaff(actor: { id: string; role: Role; sectionId: string | null }): ComplaintActor {
  return {
    kind: "staff",
    id: actor.id,
    sectionId: actor.sectionId,
    manages: can(actor.role, "complaints:manage"),
    handles: can(actor.role, "complaints:handle"),
    wholeBureau: can(actor.role, "complaints:whole-bureau"),
  };
}

function acts(who: Who, c: { sectionId: string | null }, actor: ComplaintActor): boolean {
  if (who === "complainant") return actor.kind === "complainant";
  if (actor.kind !== "staff") return false;
  if (who === "manager") return actor.manages;
  return actor.handles && (actor.wholeBureau || (c.sectionId !== null && c.sectionId === actor.sectionId));
}

/** What this actor may do with the complaint now. */
export function complaintActions(c: { stage: ComplaintStage; sectionId: string | null; pressPending: boolean }, actor: ComplaintActor): ComplaintAction[] {
  const actions: ComplaintAction[] = [];
  for (const [action, t] of Object.entries(COMPLAINT_TRANSITIONS) as [Exclude<ComplaintAction, "PRESS">, (typeof COMPLAINT_TRANSITIONS)[keyof typeof COMPLAINT_TRANSITIONS]][]) {
    if (t.from.includes(c.stage) && acts(t.by, c, actor)) actions.push(action);
  }
  if (PRESSABLE.includes(c.stage) && !c.pressPending && actor.kind === "staff" && actor.manages) actions.push("PRESS");
  return actions;
}

/** A stage is marked (and carded) yellow on its last working day only: its limits are short. */
export const COMPLAINT_WARNING_DAYS = 0;

/** How the current stage stands on `today` (lists mark it so): due soon on its due day, overdue after; ok without a limit. */
export function complaintMark(stageDueOn: PlainDate | null, cal: WorkingCalendar, today: PlainDate): "ok" | "soon" | "overdue" {
  return stageDueOn ? dueMark(cal, today, stageDueOn, COMPLAINT_WARNING_DAYS) : "ok";
}

/** The card a running stage shows on `today`: yellow on its due day, red once passed; none without a limit. */
export function complaintCard(c: { stage: ComplaintStage; stageDueOn: PlainDate | null }, cal: WorkingCalendar, today: PlainDate): "YELLOW" | "RED" | null {
  if (!PRESSABLE.includes(c.stage)) return null;
  const mark = complaintMark(c.stageDueOn, cal, today);
  return mark === "overdue" ? "RED" : mark === "soon" ? "YELLOW" : null;
}

/** Whose a running stage is: the assigned section's while assigned, otherwise those who manage complaints. */
export function stageOwner(stage: ComplaintStage): "section" | "managers" {
  return stage === "ASSIGNED" ? "section" : "managers";
}

/** 投诉编号: TS, the bureau date and a serial of the day — TS20261201-0007. */
export function complaintNumber(day: PlainDate, serial: number): string {
  return `TS${day.replace(/-/g, "")}-${String(serial).padStart(4, "0")}`;
}

/** A typed number, tolerant of case, spaces and full-width characters; null when it cannot be one. */
export function normaliseComplaintNumber(raw: string): string | null {
  const s = raw.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  return /^TS\d{8}-\d{4,}$/.test(s) ? s : null;
}

/** A mainland mobile number (as the SMS gateway takes it). */
export function isMobileNumber(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}
