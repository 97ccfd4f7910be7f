// The case workflow of an application (办件) as ONE transition table: states, events, who may
// fire each event, and the guards on the facts of the case. Services ask it before every write.
import type { Role } from "../access/roles";

export const APPLICATION_STATES = [
  "DRAFT", // being filled in by the applicant (or a clerk for a walk-in)
  "SUBMITTED", // waiting in the window's intake queue
  "CORRECTION_REQUESTED", // 一次性告知: waiting for the applicant to fix everything listed
  "ACCEPTED", // 受理: the deadline clock runs
  "ACCEPTED_WITH_DEFICIENCIES", // 容缺受理: clock runs, supplementary materials are owed
  "REJECTED", // 不予受理 (final)
  "WITHDRAWN", // withdrawn by the applicant before acceptance (final)
  "REVIEWED", // 审查: the section's reviewer has recorded an opinion; waiting for the decision
  "ESCALATED", // outside every delegation: waiting for the director
  "FORWARDED", // 上报件: forwarded to the higher authority after preliminary review
  "REPLY_RECEIVED", // the higher authority's answer to a forwarded item is on file (final here)
  "AWAITING_SEAL", // 准予许可: approved, waiting for issuance under the bureau's seal
  "DENIED", // 不予许可 (final)
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_EVENTS = [
  "SUBMIT",
  "REQUEST_CORRECTION",
  "RESUBMIT",
  "ACCEPT",
  "ACCEPT_WITH_DEFICIENCIES",
  "SUPPLY_OWED_MATERIALS",
  "REJECT",
  "WITHDRAW",
  "RECORD_REVIEW",
  "ESCALATE",
  "FORWARD",
  "RECORD_HIGHER_REPLY",
  "APPROVE",
  "DENY",
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/** What the guards look at: the materials checklist as the window sees it. */
export type IntakeFacts = {
  /** Core materials (主要材料) of the item version that are missing or not acceptable. */
  missingCore: number;
  /** Supplementary materials (次要材料) missing or not acceptable. */
  missingSupplementary: number;
  /** Entries of the correction notice being issued (REQUEST_CORRECTION only). */
  correctionEntries?: number;
  /** A reason and legal basis were given (REJECT, DENY). */
  hasReasonAndBasis?: boolean;
  /** 即办件 / 承诺件 / 上报件 of the item version the application was filed under. */
  itemKind?: "INSTANT" | "PROMISED" | "REPORTED";
  /** An open suspension (挂起) stops the clock, and nothing is decided while it runs. */
  suspended?: boolean;
};

export type WorkflowErrorCode =
  | "TRANSITION_NOT_ALLOWED"
  | "ROLE_NOT_ALLOWED"
  | "MATERIALS_INCOMPLETE"
  | "CORE_MATERIAL_MISSING"
  | "NOTHING_OWED"
  | "EMPTY_CORRECTION_NOTICE"
  | "REASON_REQUIRED"
  | "CLOCK_SUSPENDED"
  | "REVIEW_REQUIRED"
  | "NOT_A_REPORTED_ITEM";

export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkflowError";
  }
}

type Guard = (facts: IntakeFacts, from: ApplicationState, role: Role) => WorkflowErrorCode | null;

type Transition = { from: readonly ApplicationState[]; to: ApplicationState; roles: readonly Role[]; guard?: Guard };

const WINDOW: readonly Role[] = ["CLERK"];
const SECTION: readonly Role[] = ["REVIEWER", "CHIEF"];
/** States a case is in while the bureau works on it after acceptance. */
const PENDING: readonly ApplicationState[] = ["ACCEPTED", "REVIEWED", "ESCALATED"];

/**
 * Deciding: nothing while the clock is suspended; a promised or reported item only after review
 * (an instant item is decided at the window right after acceptance); the director decides what
 * was escalated. Whether this actor holds a delegation is the delegation rule's question.
 */
const decisionGuard: Guard = (f, from, role) => {
  if (f.suspended) return "CLOCK_SUSPENDED";
  if (from === "ACCEPTED" && f.itemKind !== "INSTANT") return "REVIEW_REQUIRED";
  if (from === "ESCALATED" && role !== "DIRECTOR") return "TRANSITION_NOT_ALLOWED";
  return null;
};
// An applicant files for themselves; a clerk files for a walk-in applicant at the window.
const FILERS: readonly Role[] = ["APPLICANT", "CLERK"];

/** THE table. Every move of an application is one of these rows. */
export const TRANSITIONS: Record<ApplicationEvent, Transition> = {
  SUBMIT: { from: ["DRAFT"], to: "SUBMITTED", roles: FILERS },
  REQUEST_CORRECTION: {
    from: ["SUBMITTED"],
    to: "CORRECTION_REQUESTED",
    roles: WINDOW,
    guard: (f) => ((f.correctionEntries ?? 0) > 0 ? null : "EMPTY_CORRECTION_NOTICE"),
  },
  RESUBMIT: { from: ["CORRECTION_REQUESTED"], to: "SUBMITTED", roles: FILERS },
  ACCEPT: {
    from: ["SUBMITTED"],
    to: "ACCEPTED",
    roles: WINDOW,
    guard: (f) => (f.missingCore + f.missingSupplementary === 0 ? null : "MATERIALS_INCOMPLETE"),
  },
  ACCEPT_WITH_DEFICIENCIES: {
    from: ["SUBMITTED"],
    to: "ACCEPTED_WITH_DEFICIENCIES",
    roles: WINDOW,
    // 容缺受理 only when every core material is there, and only if something is actually owed.
    guard: (f) => (f.missingCore > 0 ? "CORE_MATERIAL_MISSING" : f.missingSupplementary === 0 ? "NOTHING_OWED" : null),
  },
  SUPPLY_OWED_MATERIALS: {
    from: ["ACCEPTED_WITH_DEFICIENCIES"],
    to: "ACCEPTED",
    roles: FILERS,
    guard: (f) => (f.missingCore + f.missingSupplementary === 0 ? null : "MATERIALS_INCOMPLETE"),
  },
  REJECT: {
    from: ["SUBMITTED"],
    to: "REJECTED",
    roles: WINDOW,
    guard: (f) => (f.hasReasonAndBasis ? null : "REASON_REQUIRED"),
  },
  WITHDRAW: { from: ["DRAFT", "SUBMITTED", "CORRECTION_REQUESTED"], to: "WITHDRAWN", roles: ["APPLICANT"] },
  RECORD_REVIEW: {
    from: ["ACCEPTED"],
    to: "REVIEWED",
    roles: SECTION,
    guard: (f) => (f.suspended ? "CLOCK_SUSPENDED" : null),
  },
  ESCALATE: { from: ["ACCEPTED", "REVIEWED"], to: "ESCALATED", roles: ["CLERK", "REVIEWER", "CHIEF"] },
  FORWARD: {
    from: ["REVIEWED"],
    to: "FORWARDED",
    roles: ["CHIEF", "DIRECTOR"],
    guard: (f) => (f.itemKind !== "REPORTED" ? "NOT_A_REPORTED_ITEM" : null),
  },
  RECORD_HIGHER_REPLY: { from: ["FORWARDED"], to: "REPLY_RECEIVED", roles: ["CHIEF", "DIRECTOR"] },
  APPROVE: { from: PENDING, to: "AWAITING_SEAL", roles: ["CLERK", "CHIEF", "DIRECTOR"], guard: decisionGuard },
  DENY: {
    from: PENDING,
    to: "DENIED",
    roles: ["CLERK", "CHIEF", "DIRECTOR"],
    guard: (f, from, role) => decisionGuard(f, from, role) ?? (f.hasReasonAndBasis ? null : "REASON_REQUIRED"),
  },
};

/** The state an event leads to, or a WorkflowError saying why not. */
export function nextState(state: ApplicationState, event: ApplicationEvent, role: Role, facts: IntakeFacts): ApplicationState {
  const t = TRANSITIONS[event];
  if (!t.from.includes(state)) throw new WorkflowError("TRANSITION_NOT_ALLOWED", `${event} is not possible from ${state}`);
  if (!t.roles.includes(role)) throw new WorkflowError("ROLE_NOT_ALLOWED", `${role} may not ${event}`);
  const problem = t.guard?.(facts, state, role) ?? null;
  if (problem) throw new WorkflowError(problem, `${event} refused: ${problem}`);
  return t.to;
}

/** Events a role could fire from a state (the UI shows only these; guards still apply). */
export function eventsFrom(state: ApplicationState, role: Role): ApplicationEvent[] {
  return APPLICATION_EVENTS.filter((e) => TRANSITIONS[e].from.includes(state) && TRANSITIONS[e].roles.includes(role));
}

/** States the deadline clock runs in (from acceptance to the decision), unless suspended. */
export function clockRuns(state: ApplicationState): boolean {
  return state === "ACCEPTED_WITH_DEFICIENCIES" || PENDING.includes(state);
}

export const CLOCK_RUNNING_STATES: readonly ApplicationState[] = APPLICATION_STATES.filter(clockRuns);

/** Ended cases. AWAITING_SEAL is not: issuance is still to come. */
const FINAL_STATES: readonly ApplicationState[] = ["REJECTED", "WITHDRAWN", "DENIED", "REPLY_RECEIVED"];

export function isFinal(state: ApplicationState): boolean {
  return FINAL_STATES.includes(state);
}
