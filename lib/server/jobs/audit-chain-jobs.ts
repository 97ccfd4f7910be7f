// The worker's audit-chain duties (docs/decisions/013): seal what was committed since the last
// round, and anchor the chain's head once a day (bureau time), catching up after downtime.
import "server-only";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { anchorAndRecord, readAuditAnchors } from "@/lib/server/audit/audit-anchors";
import { sealAuditChain } from "@/lib/server/audit/seal-audit-chain";
import { db } from "@/lib/server/db";

/** One round of sealing; when another worker is sealing, it leaves the rows to that one. */
export async function sealPending(): Promise<number> {
  return sealAuditChain(db(), { wait: false });
}

const ANCHOR_LOCK = 20261201;

/**
 * Writes today's anchor unless one was written today (bureau time) already. Several workers: one
 * takes the lock, the others find today's anchor when they look next. Returns the anchored event id.
 */
export async function anchorDaily(now = new Date()): Promise<string | null> {
  return db().$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${ANCHOR_LOCK}) AS locked`;
    if (!locked) return null;
    const [{ database }] = await tx.$queryRaw<{ database: string }[]>`SELECT current_database() AS database`;
    const today = toPlainDate(now);
    if (readAuditAnchors(database).some((a) => toPlainDate(new Date(a.at)) === today)) return null;
    const anchor = await anchorAndRecord(tx, { actor: null, now, scheduled: true });
    return anchor?.id ?? null;
  });
}
