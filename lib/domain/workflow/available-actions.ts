// What an actor may do with a case right now, answered from the transition table alone: every
// panel (window, case, approval, applicant) renders from this and compares no state or role itself.
import type { Role } from "../access/roles";
import {
  APPLICATION_EVENTS,
  CASE_ACTIONS,
  precondition,
  type ApplicationState,
  type CaseFacts,
  type WorkflowAction,
  type WorkflowErrorCode,
} from "./application-workflow";

/** Offered now, or shown refused with the reason (the actor can do something about it, or should know). */
export type ActionOffer = { action: WorkflowAction; allowed: true } | { action: WorkflowAction; allowed: false; reason: WorkflowErrorCode; detail?: string };

/**
 * Refusals worth showing: the action is this actor's to take on this case, but not yet (the clock
 * is stopped, the review is missing, no delegation covers it now). Every other refusal hides it.
 */
const SHOWN_REFUSALS: ReadonlySet<WorkflowErrorCode> = new Set(["CLOCK_SUSPENDED", "REVIEW_REQUIRED", "DELEGATION_REFUSED", "MATERIALS_OWED", "FEES_UNPAID"]);

export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = [...APPLICATION_EVENTS, ...CASE_ACTIONS];

export function availableActions(state: ApplicationState, role: Role, facts: CaseFacts): ActionOffer[] {
  const offers: ActionOffer[] = [];
  for (const action of WORKFLOW_ACTIONS) {
    // Form input is not known yet: only the case's own facts decide what is offered.
    const reason = precondition(action, state, role, facts);
    if (reason === null) offers.push({ action, allowed: true });
    else if (SHOWN_REFUSALS.has(reason)) offers.push({ action, allowed: false, reason, ...(reason === "DELEGATION_REFUSED" && facts.authority && !facts.authority.ok ? { detail: facts.authority.reason } : {}) });
  }
  return offers;
}

/** The actions of `offers` that are allowed now. */
export function allowedActions(offers: readonly ActionOffer[]): Set<WorkflowAction> {
  return new Set(offers.filter((o) => o.allowed).map((o) => o.action));
}

/** The first of `candidates` the table allows now (e.g. a first review, or a further opinion). */
export function firstAllowed<A extends WorkflowAction>(candidates: readonly A[], state: ApplicationState, role: Role, facts: CaseFacts): A | null {
  const allowed = allowedActions(availableActions(state, role, facts));
  return candidates.find((a) => allowed.has(a)) ?? null;
}
