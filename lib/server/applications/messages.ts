// The applicant's inbox: one message per state change of their applications, newest first, keyset-paged.
import "server-only";
import { applicantIdOf } from "@/lib/domain/access/actor";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { olderThan } from "@/lib/server/keyset-where";
import { encodeCursor } from "@/lib/domain/paging/keyset";

export async function listMessages(opts: { actor: Actor | null; after?: string; pageSize?: number }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "listMessages");
  const size = opts.pageSize ?? 50;
  const rows = await db().message.findMany({
    where: { userId: applicantIdOf(actor), ...olderThan("createdAt", opts.after) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: size + 1,
    select: { id: true, kind: true, params: true, createdAt: true, readAt: true, applicationId: true },
  });
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return {
    next: rows.length > size && last ? encodeCursor({ value: last.createdAt.toISOString(), id: last.id }) : null,
    rows: page.map((m) => ({ ...m, params: m.params as Record<string, string> })),
  };
}

export async function countUnreadMessages(opts: { actor: Actor | null }): Promise<number> {
  const actor = await requirePermission(opts.actor, "applicant:self", "countUnreadMessages");
  return db().message.count({ where: { userId: applicantIdOf(actor), readAt: null } });
}

export async function markMessagesRead(opts: { actor: Actor | null; now?: Date }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "markMessagesRead");
  const { count } = await db().message.updateMany({ where: { userId: applicantIdOf(actor), readAt: null }, data: { readAt: opts.now ?? new Date() } });
  return { count };
}
