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
  "ISSUED", // 已发证: the certificate is issued under the bureau's seal (final here; the certificate lives on)
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
  "ISSUE",
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/**
 * Facts about the case itself: whether an action is possible NOW, before anyone fills in a form.
 * `availableActions` asks only these, so screens can offer exactly what the table allows.
 */
export type CaseFacts = {
  /** 即办件 / 承诺件 / 上报件 of the item version the application was filed under. */
  itemKind?: "INSTANT" | "PROMISED" | "REPORTED";
  /** An open suspension (挂起) stops the clock, and nothing is decided while it runs. */
  suspended?: boolean;
  /** Whether this actor may decide this item now (delegation or the director's own authority). */
  authority?: { ok: true } | { ok: false; reason: string };
  /** Supplementary materials still owed under 容缺受理: nothing is issued until they are in. */
  owedMaterials?: number;
  /** 票款分离: the decision's payment notice is not yet confirmed paid; nothing is issued until it is. */
  feesUnpaid?: boolean;
};

/** What the actor supplies with the action: the materials checklist, the notice, a reason. */
export type InputFacts = {
  /** Core materials (主要材料) of the item version that are missing or not acceptable. */
  missingCore: number;
  /** Supplementary materials (次要材料) missing or not acceptable. */
  missingSupplementary: number;
  /** Entries of the correction notice being issued (REQUEST_CORRECTION only). */
  correctionEntries?: number;
  /** A reason and legal basis were given (REJECT, DENY). */
  hasReasonAndBasis?: boolean;
};

/** Everything the guards look at. */
export type IntakeFacts = InputFacts & CaseFacts;

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
  | "NOT_A_REPORTED_ITEM"
  | "NOT_SUSPENDED"
  | "SUSPENSION_OVERLAPS"
  | "DELEGATION_REFUSED"
  | "MATERIALS_OWED"
  | "FEES_UNPAID";

export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
    /** Why a delegation does not apply (DELEGATION_REFUSED). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = "WorkflowError";
  }
}

/** A precondition on the case (never on form input): null when the action is possible now. */
type When = (facts: CaseFacts, from: ApplicationState, role: Role) => WorkflowErrorCode | null;
/** A check of what the actor supplied. */
type Check = (facts: InputFacts) => WorkflowErrorCode | null;

type Transition = { from: readonly ApplicationState[]; to: ApplicationState; roles: readonly Role[]; when?: When; check?: Check };

const WINDOW: readonly Role[] = ["CLERK"];
const SECTION: readonly Role[] = ["REVIEWER", "CHIEF"];
const DECIDERS: readonly Role[] = ["CLERK", "CHIEF", "DIRECTOR"];
const CLOCK_KEEPERS: readonly Role[] = ["REVIEWER", "CHIEF", "DIRECTOR"];
const HEADS: readonly Role[] = ["CHIEF", "DIRECTOR"];
/** States a case is in while the bureau works on it after acceptance. */
const PENDING: readonly ApplicationState[] = ["ACCEPTED", "REVIEWED", "ESCALATED"];
/** States the deadline clock runs in (from acceptance to the decision), unless suspended. */
const CLOCK_STATES: readonly ApplicationState[] = ["ACCEPTED", "ACCEPTED_WITH_DEFICIENCIES", "REVIEWED", "ESCALATED"];

/**
 * Deciding: nothing while the clock is suspended; a promised or reported item only after review
 * (an instant item is decided at the window right after acceptance); the director decides what
 * was escalated; and only with authority — a delegation in force, or the director's own.
 */
const decisionGuard: When = (f, from, role) => {
  if (f.suspended) return "CLOCK_SUSPENDED";
  if (from === "ACCEPTED" && f.itemKind !== "INSTANT") return "REVIEW_REQUIRED";
  if (from === "ESCALATED" && role !== "DIRECTOR") return "TRANSITION_NOT_ALLOWED";
  if (f.authority && !f.authority.ok) return "DELEGATION_REFUSED";
  return null;
};
const reasonRequired: Check = (f) => (f.hasReasonAndBasis ? null : "REASON_REQUIRED");
const materialsComplete: Check = (f) => (f.missingCore + f.missingSupplementary === 0 ? null : "MATERIALS_INCOMPLETE");
// An applicant files for themselves; a clerk files for a walk-in applicant at the window.
const FILERS: readonly Role[] = ["APPLICANT", "CLERK"];

/** THE table. Every move of an application is one of these rows. */
export const TRANSITIONS: Record<ApplicationEvent, Transition> = {
  SUBMIT: { from: ["DRAFT"], to: "SUBMITTED", roles: FILERS },
  REQUEST_CORRECTION: {
    from: ["SUBMITTED"],
    to: "CORRECTION_REQUESTED",
    roles: WINDOW,
    check: (f) => ((f.correctionEntries ?? 0) > 0 ? null : "EMPTY_CORRECTION_NOTICE"),
  },
  RESUBMIT: { from: ["CORRECTION_REQUESTED"], to: "SUBMITTED", roles: FILERS },
  ACCEPT: { from: ["SUBMITTED"], to: "ACCEPTED", roles: WINDOW, check: materialsComplete },
  ACCEPT_WITH_DEFICIENCIES: {
    from: ["SUBMITTED"],
    to: "ACCEPTED_WITH_DEFICIENCIES",
    roles: WINDOW,
    // 容缺受理 only when every core material is there, and only if something is actually owed.
    check: (f) => (f.missingCore > 0 ? "CORE_MATERIAL_MISSING" : f.missingSupplementary === 0 ? "NOTHING_OWED" : null),
  },
  SUPPLY_OWED_MATERIALS: { from: ["ACCEPTED_WITH_DEFICIENCIES"], to: "ACCEPTED", roles: FILERS, check: materialsComplete },
  REJECT: { from: ["SUBMITTED"], to: "REJECTED", roles: WINDOW, check: reasonRequired },
  WITHDRAW: { from: ["DRAFT", "SUBMITTED", "CORRECTION_REQUESTED"], to: "WITHDRAWN", roles: ["APPLICANT"] },
  // Instant items are decided at the window; the section reviews the others.
  RECORD_REVIEW: {
    from: ["ACCEPTED"],
    to: "REVIEWED",
    roles: SECTION,
    when: (f) => (f.itemKind === "INSTANT" ? "TRANSITION_NOT_ALLOWED" : f.suspended ? "CLOCK_SUSPENDED" : null),
  },
  ESCALATE: { from: ["ACCEPTED", "REVIEWED"], to: "ESCALATED", roles: ["CLERK", "REVIEWER", "CHIEF"] },
  FORWARD: { from: ["REVIEWED"], to: "FORWARDED", roles: HEADS, when: (f) => (f.itemKind !== "REPORTED" ? "NOT_A_REPORTED_ITEM" : null) },
  RECORD_HIGHER_REPLY: { from: ["FORWARDED"], to: "REPLY_RECEIVED", roles: HEADS },
  APPROVE: { from: PENDING, to: "AWAITING_SEAL", roles: DECIDERS, when: decisionGuard },
  DENY: { from: PENDING, to: "DENIED", roles: DECIDERS, when: decisionGuard, check: reasonRequired },
  // Art. 44: the window issues the certificate under the bureau's one seal (the issuing clerk).
  // 票款分离: a fee-bearing decision is issued once the fiscal platform has confirmed the payment.
  ISSUE: { from: ["AWAITING_SEAL"], to: "ISSUED", roles: WINDOW, when: (f) => ((f.owedMaterials ?? 0) > 0 ? "MATERIALS_OWED" : f.feesUnpaid ? "FEES_UNPAID" : null) },
};

export const CASE_ACTIONS = ["ADD_OPINION", "SUSPEND", "RESUME", "SURVEY", "EXTEND", "DRAW_EXPERTS"] as const;
/** Actions on a case that change its file or its clock, not its state. */
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The same kind of rows for actions that keep the state: who, from which states, when. */
export const CASE_ACTION_RULES: Record<CaseAction, Omit<Transition, "to">> = {
  // A further review opinion joins the file of a reviewed or escalated case.
  ADD_OPINION: { from: ["REVIEWED", "ESCALATED"], roles: SECTION },
  SUSPEND: { from: CLOCK_STATES, roles: CLOCK_KEEPERS, when: (f) => (f.suspended ? "SUSPENSION_OVERLAPS" : null) },
  RESUME: { from: CLOCK_STATES, roles: CLOCK_KEEPERS, when: (f) => (f.suspended ? null : "NOT_SUSPENDED") },
  // A site survey counts against the deadline and stops nothing (art. 34).
  SURVEY: { from: CLOCK_STATES, roles: SECTION },
  // Art. 42: the head of the bureau (here: a chief under the reform, or the director) extends.
  EXTEND: { from: CLOCK_STATES, roles: HEADS },
  // 专家评审: the section draws the review's experts from the pool (the review's days are a
  // suspension of their own, EXPERT_REVIEW); instant items are decided at the window, without one.
  DRAW_EXPERTS: { from: CLOCK_STATES, roles: SECTION, when: (f) => (f.itemKind === "INSTANT" ? "TRANSITION_NOT_ALLOWED" : null) },
};

export type WorkflowAction = ApplicationEvent | CaseAction;

function ruleOf(action: WorkflowAction): Omit<Transition, "to"> {
  return (TRANSITIONS as Record<string, Transition>)[action] ?? CASE_ACTION_RULES[action as CaseAction];
}

/** Every role that may take at least one of `actions`: the gate a service checks before loading the case. */
export function rolesFor(actions: readonly WorkflowAction[]): Role[] {
  return [...new Set(actions.flatMap((a) => ruleOf(a).roles))];
}

/** Whether a role takes any of `actions` in some state (e.g. whether to ask for its delegation at all). */
export function roleMayTake(role: Role, actions: readonly WorkflowAction[]): boolean {
  return rolesFor(actions).includes(role);
}

/**
 * Why `action` cannot be taken now on a case in `state` by `role`, from the case's own facts (not
 * from form input), or null when it can.
 */
export function precondition(action: WorkflowAction, state: ApplicationState, role: Role, facts: CaseFacts = {}): WorkflowErrorCode | null {
  const t = ruleOf(action);
  if (!t.from.includes(state)) return "TRANSITION_NOT_ALLOWED";
  if (!t.roles.includes(role)) return "ROLE_NOT_ALLOWED";
  return t.when?.(facts, state, role) ?? null;
}

/**
 * Whether `action` may be taken on a case in `state` by `role`, given the case's facts and what
 * the actor supplied. Throws a WorkflowError saying why not; services call this (or nextState)
 * before every write, and keep no state checks of their own.
 */
export function assertAllowed(action: WorkflowAction, state: ApplicationState, role: Role, facts: CaseFacts & Partial<InputFacts> = {}): void {
  const problem = precondition(action, state, role, facts) ?? ruleOf(action).check?.({ missingCore: 0, missingSupplementary: 0, ...facts }) ?? null;
  if (problem) throw new WorkflowError(problem, `${action} refused: ${problem}`, problem === "DELEGATION_REFUSED" && facts.authority && !facts.authority.ok ? facts.authority.reason : undefined);
}

/** The state an event leads to, or a WorkflowError saying why not. */
export function nextState(state: ApplicationState, event: ApplicationEvent, role: Role, facts: IntakeFacts): ApplicationState {
  assertAllowed(event, state, role, facts);
  return TRANSITIONS[event].to;
}

/** Events a role could fire from a state, before any guard (see availableActions for what screens offer). */
export function eventsFrom(state: ApplicationState, role: Role): ApplicationEvent[] {
  return APPLICATION_EVENTS.filter((e) => TRANSITIONS[e].from.includes(state) && TRANSITIONS[e].roles.includes(role));
}

/** States the deadline clock runs in (from acceptance to the decision), unless suspended. */
export function clockRuns(state: ApplicationState): boolean {
  return CLOCK_STATES.includes(state);
}

export const CLOCK_RUNNING_STATES: readonly ApplicationState[] = APPLICATION_STATES.filter(clockRuns);

/** Ended cases. AWAITING_SEAL is not: issuance is still to come. */
const FINAL_STATES: readonly ApplicationState[] = ["REJECTED", "WITHDRAWN", "DENIED", "REPLY_RECEIVED", "ISSUED"];

export function isFinal(state: ApplicationState): boolean {
  return FINAL_STATES.includes(state);
}
