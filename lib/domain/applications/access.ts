// Who may see an application and work on a case: its applicant; staff within the case's scope.
import { actsAsAgent } from "../agents/agents";
import { can } from "../access/permissions";
import { applicantIdOf } from "../access/actor";
import type { Role } from "../access/roles";

/** 帮办代办: the authority an application was filed under (load it with AGENT_SCOPE), if any. */
type AgentScope = { agentAuthority?: { agentId: string; status: string } | null };

/** What a loader selects so the checks here can see an agent's authority. */
export const AGENT_SCOPE = { agentAuthority: { select: { agentId: true, status: true } } } as const;

type Viewer = { id: string; role: Role; sectionId?: string | null; actsFor?: string };
type CaseScope = { item: { sectionId: string | null }; itemVersion: { kind: string }; state?: string };

/** Approved and issued cases: the window issues every item's certificate (art. 44). */
const ISSUING_STAGE: readonly string[] = ["AWAITING_SEAL", "ISSUED"];

/**
 * The back-office case page: the item's section (reviewers, chiefs), the window for instant items
 * (decided there) and for every case at issuance, the director and supervisors for every case.
 */
export function mayWorkOnCase(actor: Viewer, app: CaseScope): boolean {
  switch (actor.role) {
    case "DIRECTOR":
    case "SUPERVISOR":
      return true;
    case "REVIEWER":
    case "CHIEF":
      return !!actor.sectionId && actor.sectionId === app.item.sectionId;
    case "CLERK":
      return app.itemVersion.kind === "INSTANT" || (app.state !== undefined && ISSUING_STAGE.includes(app.state));
    default:
      return false;
  }
}

/**
 * An application and its documents (receipt, letters, files): its applicant always; staff once it
 * is submitted — a draft is the filer's own business, so only the clerk filing it for a walk-in
 * sees it — and then reviewers and chiefs of the item's section only, the window (which accepts
 * every item) and the director and supervisors for all.
 */
export function mayViewApplication(
  actor: Viewer,
  app: { applicantId: string; filedById?: string; state?: string; item?: { sectionId: string | null } } & AgentScope,
): boolean {
  if (actor.role === "APPLICANT") return app.applicantId === applicantIdOf(actor) || actsAsAgent(actor.id, app.agentAuthority);
  if (!can(actor.role, "case:view")) return false;
  if (app.state === "DRAFT") return app.filedById === actor.id;
  if (actor.role === "REVIEWER" || actor.role === "CHIEF") return !!app.item && !!actor.sectionId && actor.sectionId === app.item.sectionId;
  return true;
}

/** The states in which the filer may still change the materials, and which ones. */
export function editableMaterials(state: string): "all" | "owed" | "none" {
  if (state === "DRAFT" || state === "CORRECTION_REQUESTED") return "all";
  if (state === "ACCEPTED_WITH_DEFICIENCIES") return "owed";
  return "none";
}

/** Whether a material line may be changed now: any while the filing is open, only an owed one under 容缺受理. */
export function mayChangeMaterial(state: string, verdict: string | null): boolean {
  const editable = editableMaterials(state);
  return editable === "all" || (editable === "owed" && verdict === "OWED");
}

/** The actor's own filing: an applicant's (or their enterprise's, for a staff sub-account). */
export function isOwnFiling(actor: { id: string; role: Role; actsFor?: string }, applicantId: string): boolean {
  return can(actor.role, "applicant:self") && applicantId === applicantIdOf(actor);
}

/** The last four characters of an ID or credit code, as the public lookup asks for them. */
export function idTailMatches(identifier: string | null | undefined, tail: string): boolean {
  if (!identifier) return false;
  const wanted = tail.normalize("NFKC").trim().toUpperCase();
  return wanted.length === 4 && identifier.toUpperCase().endsWith(wanted);
}

/** An applicant files online for themselves; the window files for a walk-in. */
export function filingChannelOf(role: Role): "ONLINE" | "WINDOW" {
  return can(role, "applicant:self") ? "ONLINE" : "WINDOW";
}

/**
 * Whether `actor` may change this filing: its applicant, the agent who filed it under an authority
 * still in force (帮办代办), or the window for a filing made there.
 */
export function mayFile(actor: { id: string; role: Role; actsFor?: string }, app: { applicantId: string; channel: string } & AgentScope): boolean {
  if (can(actor.role, "applicant:self")) return app.applicantId === applicantIdOf(actor) || actsAsAgent(actor.id, app.agentAuthority);
  return can(actor.role, "intake:work") && app.channel === "WINDOW";
}

/**
 * Which open cases a queue shows an actor: the director every case; a reviewer or chief the cases
 * of their section that the section reviews (instant items are decided at the window); anyone
 * else (or staff without a section) none.
 */
export function caseQueueScope(actor: Viewer): { sectionId: string | null; instantItems: boolean } | null {
  if (actor.role === "DIRECTOR") return { sectionId: null, instantItems: true };
  if ((actor.role === "REVIEWER" || actor.role === "CHIEF") && actor.sectionId) return { sectionId: actor.sectionId, instantItems: false };
  return null;
}
