// Writes one append-only audit event (全程留痕), inside the caller's transaction.
import "server-only";
import type { Prisma } from "@/prisma/generated/client";
import type { Actor } from "@/lib/domain/access/actor";
import type { DbOrTx } from "@/lib/server/db";

export type AuditInput = {
  actor: Pick<Actor, "id" | "role"> | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  meta?: Prisma.InputJsonValue;
};

export async function recordAuditEvent(tx: DbOrTx, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: e.actor?.id ?? null,
      actorRole: e.actor?.role ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
      meta: e.meta,
    },
  });
}
