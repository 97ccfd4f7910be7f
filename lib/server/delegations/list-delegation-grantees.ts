// The staff a delegation can name, for the director's grant form.
import "server-only";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { DELEGABLE_ROLES } from "@/lib/domain/delegation/delegation";

/** Staff a delegation can name: active clerks, reviewers and chiefs. */
export async function listDelegationGrantees(opts: { actor: Actor | null }) {
  await requirePermission(opts.actor, "delegation:grant", "listDelegationGrantees");
  return db().user.findMany({
    where: { role: { in: [...DELEGABLE_ROLES] }, active: true },
    orderBy: [{ role: "asc" }, { loginId: "asc" }],
    select: { id: true, loginId: true, name: true, role: true },
  });
}
