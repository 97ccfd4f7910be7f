// The audit trail for the supervisor (read-only) and the director: every action, who, when, what,
// under which delegation; the whole trail newest first (or from its first event), or one case's
// trail in order; keyset-paged by the chain's sequence number.
import "server-only";
import { normaliseApplicationNumber } from "@/lib/domain/applications/application-number";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { PAGE_SIZE } from "@/lib/domain/paging/keyset";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";

export async function listAuditEvents(opts: { actor: Actor | null; take?: number; applicationNumber?: string; order?: "newest" | "oldest"; after?: string }) {
  await requirePermission(opts.actor, "audit:read", "listAuditEvents");
  let entityId: string | undefined;
  if (opts.applicationNumber) {
    const number = normaliseApplicationNumber(opts.applicationNumber);
    const app = number ? await db().application.findUnique({ where: { number }, select: { id: true } }) : null;
    if (!app) return { events: [], caseFound: false, next: null, order: "oldest" as const };
    entityId = app.id;
  }
  // One case reads in order; the whole trail newest first unless asked for its beginning.
  const order = opts.order ?? (entityId ? "oldest" : "newest");
  const size = opts.take ?? PAGE_SIZE;
  // Keyset by the chain's own sequence number: the first event of millions costs what the last does.
  const after = opts.after && /^\d{1,19}$/.test(opts.after) ? BigInt(opts.after) : null;
  const rows = await db().auditEvent.findMany({
    where: { ...(entityId ? { entityType: "Application", entityId } : {}), ...(after !== null ? { id: order === "newest" ? { lt: after } : { gt: after } } : {}) },
    orderBy: { id: order === "newest" ? "desc" : "asc" },
    take: size + 1,
  });
  const next = rows.length > size ? rows[size - 1].id.toString() : null;
  const events = rows.slice(0, size);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const actors = await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, loginId: true } });
  const byId = new Map(actors.map((a) => [a.id, a]));
  return {
    next,
    order,
    caseFound: entityId !== undefined,
    events: events.map((e) => {
      const meta = (e.meta ?? {}) as Record<string, unknown>;
      return {
        id: e.id.toString(),
        at: e.at,
        action: e.action,
        actorRole: e.actorRole,
        entityType: e.entityType,
        entityId: e.entityId,
        actor: e.actorId ? (byId.get(e.actorId) ?? null) : null,
        delegation: typeof meta.delegation === "string" ? meta.delegation : null,
        change: e.after ? JSON.stringify(e.after).slice(0, 160) : "",
        hash: e.hash,
      };
    }),
  };
}

export async function checkAuditChain(opts: { actor: Actor | null }) {
  await requirePermission(opts.actor, "audit:read", "checkAuditChain");
  return verifyAuditChain(db());
}
