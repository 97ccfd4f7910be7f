// The acting user as services see it: who they are, their role, for staff their section, and for an
// enterprise's staff sub-account the enterprise they act for.
import type { Role } from "./roles";

export type Actor = {
  id: string;
  role: Role;
  name: string;
  sectionId: string | null;
  /** A staff sub-account (经办人) of an enterprise: the enterprise it files and follows applications for. */
  actsFor?: string;
};

/** The applicant an actor files and follows applications as: their enterprise for a sub-account, else themselves. */
export function applicantIdOf(actor: Pick<Actor, "id" | "actsFor">): string {
  return actor.actsFor ?? actor.id;
}
