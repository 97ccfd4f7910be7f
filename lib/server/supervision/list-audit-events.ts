// The audit trail for the supervisor (read-only) and the director: every action, who, when, what,
// under which delegation; the whole trail newest first (or from its first event), or one case's
// trail in order; keyset-paged by the chain's sequence number.
import "server-only";
import { APPLICANT_ROLE } from "@/lib/domain/access/roles";
import { maskIdentity } from "@/lib/server/accounts/get-applicant-profile";
import { normaliseApplicationNumber } from "@/lib/domain/applications/application-number";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { PAGE_SIZE } from "@/lib/domain/paging/keyset";
import { verifyAuditTrail } from "@/lib/server/audit/verify-audit-chain";
import { Prisma } from "@/prisma/generated/client";

type Row = {
  id: bigint;
  at: Date;
  action: string;
  actorRole: string | null;
  entityType: string;
  entityId: string;
  after: unknown;
  meta: unknown;
  hash: string | null;
  userId: string | null;
  userName: string | null;
  userLoginId: string | null;
  applicationNumber: string | null;
};

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
  // One query: the page and the names of those who acted (keyset by the chain's sequence number).
  const where: Prisma.Sql[] = [];
  if (entityId) where.push(Prisma.sql`e."entityType" = 'Application' AND e."entityId" = ${entityId}`);
  if (after !== null) where.push(order === "newest" ? Prisma.sql`e.id < ${after}` : Prisma.sql`e.id > ${after}`);
  const rows = await db().$queryRaw<Row[]>`
    SELECT e.id, e.at, e.action, e."actorRole"::text AS "actorRole", e."entityType", e."entityId", e.after, e.meta, e.hash, u.id AS "userId", u.name AS "userName", u."loginId" AS "userLoginId", a.number AS "applicationNumber"
    FROM (SELECT * FROM "AuditEvent" e ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty} ORDER BY e.id ${order === "newest" ? Prisma.sql`DESC` : Prisma.sql`ASC`} LIMIT ${size + 1}) e
    LEFT JOIN "User" u ON u.id = e."actorId"
    LEFT JOIN "Application" a ON e."entityType" = 'Application' AND a.id = e."entityId"
    ORDER BY e.id ${order === "newest" ? Prisma.sql`DESC` : Prisma.sql`ASC`}`;
  const next = rows.length > size ? rows[size - 1].id.toString() : null;
  const events = rows.slice(0, size);
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
        /** What people call the entity: an application by its number (the id only before it has one). */
        entityLabel: e.applicationNumber ?? e.entityId,
        // An applicant's login is their resident ID or credit code: shown masked, like everywhere else.
        actor: e.userId ? { id: e.userId, name: e.userName ?? "", loginId: e.actorRole === APPLICANT_ROLE ? maskIdentity(e.userLoginId ?? "") : (e.userLoginId ?? "") } : null,
        delegation: typeof meta.delegation === "string" ? meta.delegation : null,
        change: e.after ? readableChange(e.after) : "",
        hash: e.hash,
      };
    }),
  };
}

export async function checkAuditChain(opts: { actor: Actor | null }) {
  await requirePermission(opts.actor, "audit:read", "checkAuditChain");
  return verifyAuditTrail(db());
}

/** A recorded change as people read it ("state: ACCEPTED · number: 511602-…"), not as JSON. */
function readableChange(after: unknown): string {
  if (typeof after !== "object" || after === null) return String(after).slice(0, 160);
  return Object.entries(after as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === "object" && v !== null ? (Array.isArray(v) ? v.join(", ") : "…") : String(v)}`)
    .join(" · ")
    .slice(0, 160);
}
