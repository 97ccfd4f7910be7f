// The applicant's inbox: one message per state change of their applications.
import "server-only";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";

export async function listMessages(opts: { actor: Actor | null }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "listMessages");
  const rows = await db().message.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, kind: true, params: true, createdAt: true, readAt: true, applicationId: true },
  });
  return rows.map((m) => ({ ...m, params: m.params as Record<string, string> }));
}

export async function countUnreadMessages(opts: { actor: Actor | null }): Promise<number> {
  const actor = await requirePermission(opts.actor, "applicant:self", "countUnreadMessages");
  return db().message.count({ where: { userId: actor.id, readAt: null } });
}

export async function markMessagesRead(opts: { actor: Actor | null; now?: Date }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "markMessagesRead");
  const { count } = await db().message.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: opts.now ?? new Date() } });
  return { count };
}
