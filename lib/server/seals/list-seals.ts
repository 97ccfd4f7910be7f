// The seal register: the one active approval seal and the archived department seals.
import "server-only";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";

export async function listSeals(opts: { actor: Actor | null }) {
  await requirePermission(opts.actor, "seal:read", "listSeals");
  return db().seal.findMany({
    orderBy: [{ status: "asc" }, { name: "asc" }],
    select: { id: true, name: true, holder: true, status: true, archivedAt: true, department: { select: { name: true } }, _count: { select: { stampRecords: true } } },
  });
}
