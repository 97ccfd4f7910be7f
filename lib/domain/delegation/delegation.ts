// 一纸授权: whether an actor may decide a given application at a given moment, and if not, why.
// The director holds the bureau's authority; everyone else decides only under a delegation that
// names them (or their role), covers the item (listed, or its whole section), covers the item's
// kind, and is in force that day and not revoked.
import type { Role } from "../access/roles";
import type { PlainDate } from "../calendar/working-days";

export type DelegationScope = "INSTANT_ONLY" | "INSTANT_AND_PROMISED";

export type DelegationFacts = {
  id: string;
  number: string;
  granteeUserId: string | null;
  granteeRole: Role | null;
  itemIds: readonly string[];
  sectionIds: readonly string[];
  scope: DelegationScope;
  validFrom: PlainDate;
  validTo: PlainDate;
  revokedAt: Date | null;
};

export type DecisionSubject = { itemId: string; sectionId: string | null; itemKind: "INSTANT" | "PROMISED" | "REPORTED" };

/** Why a delegation does not let this actor decide this application now, most specific last. */
export type DelegationRefusal = "NOT_GRANTEE" | "ITEM_OUT_OF_SCOPE" | "KIND_OUT_OF_SCOPE" | "NOT_YET_VALID" | "EXPIRED" | "REVOKED";

/** The first reason a single delegation does not apply, or null when it does. */
export function delegationRefusal(d: DelegationFacts, actor: { id: string; role: Role }, subject: DecisionSubject, now: Date, today: PlainDate): DelegationRefusal | null {
  if (d.granteeUserId ? d.granteeUserId !== actor.id : d.granteeRole !== actor.role) return "NOT_GRANTEE";
  const listed = d.itemIds.includes(subject.itemId) || (subject.sectionId !== null && d.sectionIds.includes(subject.sectionId));
  if (!listed) return "ITEM_OUT_OF_SCOPE";
  if (subject.itemKind === "REPORTED" || (subject.itemKind === "PROMISED" && d.scope === "INSTANT_ONLY")) return "KIND_OUT_OF_SCOPE";
  if (d.revokedAt && d.revokedAt.getTime() <= now.getTime()) return "REVOKED";
  if (today < d.validFrom) return "NOT_YET_VALID";
  if (today > d.validTo) return "EXPIRED";
  return null;
}

// How far a delegation got before it failed: the refusal of the one that came closest is the
// clearest answer ("your delegation was revoked" beats "you are not named in some other one").
const CLOSENESS: Record<DelegationRefusal, number> = { NOT_GRANTEE: 0, ITEM_OUT_OF_SCOPE: 1, KIND_OUT_OF_SCOPE: 2, NOT_YET_VALID: 3, EXPIRED: 3, REVOKED: 4 };

export type DecisionAuthority =
  | { ok: true; basis: "DIRECTOR" }
  | { ok: true; basis: "DELEGATION"; delegation: DelegationFacts }
  | { ok: false; reason: DelegationRefusal | "NO_DELEGATION"; delegation?: DelegationFacts };

/** May `actor` decide `subject` at `now`? With the delegation it acts under, or the clearest refusal. */
export function decisionAuthority(
  delegations: readonly DelegationFacts[],
  actor: { id: string; role: Role },
  subject: DecisionSubject,
  now: Date,
  today: PlainDate,
): DecisionAuthority {
  if (actor.role === "DIRECTOR") return { ok: true, basis: "DIRECTOR" };
  let closest: { reason: DelegationRefusal; delegation: DelegationFacts } | null = null;
  for (const d of delegations) {
    const reason = delegationRefusal(d, actor, subject, now, today);
    if (reason === null) return { ok: true, basis: "DELEGATION", delegation: d };
    if (reason !== "NOT_GRANTEE" && (!closest || CLOSENESS[reason] > CLOSENESS[closest.reason])) closest = { reason, delegation: d };
  }
  if (!closest) return { ok: false, reason: "NO_DELEGATION" };
  // A delegation of other items is no reason about this one: it is not cited.
  if (closest.reason === "ITEM_OUT_OF_SCOPE") return { ok: false, reason: "ITEM_OUT_OF_SCOPE" };
  return { ok: false, reason: closest.reason, delegation: closest.delegation };
}

export type DelegationStatus = "active" | "future" | "expired" | "revoked";

/** Where a delegation stands on `today`: what lists show and what may still be done with it. */
export function delegationStatus(d: Pick<DelegationFacts, "validFrom" | "validTo" | "revokedAt">, today: PlainDate): DelegationStatus {
  if (d.revokedAt) return "revoked";
  if (d.validTo < today) return "expired";
  if (d.validFrom > today) return "future";
  return "active";
}

export type DelegationAction = "REVOKE";

/** A delegation in force or still to come may be revoked; an expired or revoked one offers nothing. */
export function delegationActions(status: DelegationStatus): DelegationAction[] {
  return status === "active" || status === "future" ? ["REVOKE"] : [];
}

/** A grant's own sanity: a grantee, something in scope, and a period that ends after it starts. */
export function delegationGrantProblems(
  g: { granteeUserId: string | null; granteeRole: Role | null; itemIds: readonly string[]; sectionIds: readonly string[]; validFrom: PlainDate; validTo: PlainDate },
  today: PlainDate,
): string[] {
  const problems: string[] = [];
  if (!g.granteeUserId && !g.granteeRole) problems.push("grantee");
  if (g.granteeRole === "APPLICANT" || g.granteeRole === "DIRECTOR") problems.push("grantee");
  if (g.itemIds.length === 0 && g.sectionIds.length === 0) problems.push("scope");
  // Authority is granted from today on, never backdated.
  if (g.validFrom < today) problems.push("validFrom");
  if (g.validTo < g.validFrom) problems.push("validTo");
  return problems;
}

/** Who the director may delegate deciding to: the window, reviewers and chiefs (not applicants, supervisors, administrators or the director). */
export const DELEGABLE_ROLES: readonly Role[] = ["CLERK", "REVIEWER", "CHIEF"];

export function mayBeDelegatedTo(role: Role): boolean {
  return DELEGABLE_ROLES.includes(role);
}
