// The staff a delegation can name, for the director's grant form.
import "server-only";
import { requireRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";

/** Staff a delegation can name: active clerks, reviewers and chiefs. */
export async function listDelegationGrantees(opts: { actor: Actor | null }) {
  await requireRole(opts.actor, ["DIRECTOR"], "listDelegationGrantees");
  return db().user.findMany({
    where: { role: { in: ["CLERK", "REVIEWER", "CHIEF"] }, active: true },
    orderBy: [{ role: "asc" }, { loginId: "asc" }],
    select: { id: true, loginId: true, name: true, role: true },
  });
}
