// What each state of an application means for the screens and queries around it, answered here so
// no page, component or service compares states itself.
import { TRANSITIONS, clockRuns, type ApplicationState } from "./application-workflow";

export type StateTone = "ended" | "attention" | "draft" | "progress";

export type StateFacts = {
  /** How a badge shows it. */
  tone: StateTone;
  /** 容缺受理: supplementary materials are still owed (and stop issuance). */
  owesMaterials: boolean;
  /** 不予受理: refused at intake, with reason and basis. */
  refusedAtIntake: boolean;
  /** 一次性告知: waiting for the applicant to correct everything listed. */
  awaitingCorrection: boolean;
  /** The decision (准予 / 不予许可), once made. */
  decision: "APPROVED" | "DENIED" | null;
};

const FACTS: Record<ApplicationState, StateFacts> = {
  DRAFT: { tone: "draft", owesMaterials: false, refusedAtIntake: false, awaitingCorrection: false, decision: null },
  SUBMITTED: { tone: "progress", owesMaterials: false, refusedAtIntake: false, awaitingCorrection: false, decision: null },
  CORRECTION_REQUESTED: { tone: "attention", owesMaterials: false, refusedAtIntake: false, awaitingCorrection: true, decision: null },
  ACCEPTED: { tone: "progress", owesMaterials: false, refusedAtIntake: false, awaitingCorrection: false, decision: null },
  ACCEPTED_WITH_DEFICIENCIES: { tone: "attention", owesMaterials: true, refusedAtIntake: false, awaitingCorrection: false, decision: null },
  REJECTED: { tone: "ended", owesMaterials: false, refusedAtIntake: true, awaitingCorrection: false, decision: null },
  WITHDRAWN: { tone: "ended", owesMaterials: false, refusedAtIntake: false, awaitingCorrection: false, decision: null },
  REVIEWED: { tone: "progress", owesMaterials: false, refusedAtIntake: false, awaitingCorrection: false, decision: null },
  ESCALATED: { tone: "progress", owesMaterials: false, refusedAtIntake: false, awaitingCorrection: false, decision: null },
  FORWARDED: { tone: "progress", owesMaterials: false, refusedAtIntake: false, awaitingCorrection: false, decision: null },
  REPLY_RECEIVED: { tone: "progress", owesMaterials: false, refusedAtIntake: false, awaitingCorrection: false, decision: null },
  AWAITING_SEAL: { tone: "progress", owesMaterials: false, refusedAtIntake: false, awaitingCorrection: false, decision: "APPROVED" },
  DENIED: { tone: "progress", owesMaterials: false, refusedAtIntake: false, awaitingCorrection: false, decision: "DENIED" },
  ISSUED: { tone: "progress", owesMaterials: false, refusedAtIntake: false, awaitingCorrection: false, decision: "APPROVED" },
};

export function stateFacts(state: ApplicationState): StateFacts {
  return FACTS[state];
}

/** Where an application starts. */
export const INITIAL_STATE: ApplicationState = "DRAFT";
/** The window's intake queue: filings an intake decision can be taken on. */
export const INTAKE_QUEUE_STATES: readonly ApplicationState[] = TRANSITIONS.ACCEPT.from;
/** A section's queue: cases whose clock runs, and those forwarded and waiting for the higher authority. */
export const SECTION_QUEUE_STATES: readonly ApplicationState[] = ["ACCEPTED", "ACCEPTED_WITH_DEFICIENCIES", "REVIEWED", "ESCALATED", "FORWARDED"];
/** Waiting for a chief's decision after review. */
export const APPROVAL_QUEUE_STATES: readonly ApplicationState[] = [TRANSITIONS.RECORD_REVIEW.to];
/** Waiting for the director. */
export const ESCALATED_QUEUE_STATES: readonly ApplicationState[] = [TRANSITIONS.ESCALATE.to];

/** Whether a queue shows the due-date mark: only while the clock runs. */
export function showsDueMark(state: ApplicationState): boolean {
  return clockRuns(state);
}

/** Accepted (the clock started) and what follows, as opposed to filings before or refused at intake. */
export function wasAccepted(state: ApplicationState): boolean {
  return !["DRAFT", "SUBMITTED", "CORRECTION_REQUESTED", "REJECTED", "WITHDRAWN"].includes(state);
}

/** Filed and waiting at the window: a repeated submission of it is "already done", not an error. */
export function isAwaitingIntake(state: ApplicationState): boolean {
  return INTAKE_QUEUE_STATES.includes(state);
}
