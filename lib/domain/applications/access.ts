// Who may see an application: its applicant, and the staff who handle or supervise cases.
import type { Role } from "../access/roles";

/** Staff roles that work on or oversee cases; the administrator runs the system, not cases. */
export const CASE_STAFF_ROLES: readonly Role[] = ["CLERK", "REVIEWER", "CHIEF", "DIRECTOR", "SUPERVISOR"];

export function mayViewApplication(actor: { id: string; role: Role }, application: { applicantId: string }): boolean {
  if (actor.role === "APPLICANT") return application.applicantId === actor.id;
  return CASE_STAFF_ROLES.includes(actor.role);
}

/** The states in which the filer may still change the materials, and which ones. */
export function editableMaterials(state: string): "all" | "owed" | "none" {
  if (state === "DRAFT" || state === "CORRECTION_REQUESTED") return "all";
  if (state === "ACCEPTED_WITH_DEFICIENCIES") return "owed";
  return "none";
}

/** The last four characters of an ID or credit code, as the public lookup asks for them. */
export function idTailMatches(identifier: string | null | undefined, tail: string): boolean {
  if (!identifier) return false;
  const wanted = tail.normalize("NFKC").trim().toUpperCase();
  return wanted.length === 4 && identifier.toUpperCase().endsWith(wanted);
}
