// The audit trail, newest first, for the supervisor (read-only) and the director.
import "server-only";
import { requireRole, type Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

export async function listAuditEvents(opts: { actor: Actor | null; take?: number }) {
  await requireRole(opts.actor, ["SUPERVISOR", "DIRECTOR"], "listAuditEvents");
  const events = await db().auditEvent.findMany({ orderBy: { id: "desc" }, take: opts.take ?? 100 });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const actors = await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, loginId: true } });
  const byId = new Map(actors.map((a) => [a.id, a]));
  return events.map((e) => ({ ...e, id: e.id.toString(), actor: e.actorId ? byId.get(e.actorId) ?? null : null }));
}
