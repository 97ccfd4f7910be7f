// The expert pool for its administrator: every expert by field, with the conflicts each declared.
import "server-only";
import type { Actor } from "@/lib/domain/access/actor";
import { identifierOf, maskIdentity } from "@/lib/server/accounts/get-applicant-profile";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

export async function listExperts(opts: { actor: Actor | null }) {
  await requirePermission(opts.actor, "experts:administer", "listExperts");
  const experts = await db().expert.findMany({
    orderBy: [{ field: "asc" }, { name: "asc" }, { id: "asc" }],
    include: { conflicts: { orderBy: { declaredAt: "asc" }, include: { applicant: { select: { name: true, residentId: true, creditCode: true } } } } },
  });
  return experts.map((e) => ({
    id: e.id,
    name: e.name,
    field: e.field,
    employer: e.employer,
    active: e.active,
    // The applicant's ID masked, as the window shows it: the administrator needs to tell them apart, not to read it.
    conflicts: e.conflicts.map((c) => ({ id: c.id, applicant: c.applicant.name, identifier: maskIdentity(identifierOf(c.applicant)), reason: c.reason, declaredAt: c.declaredAt })),
  }));
}
