// The delegations as the domain's decision rule reads them.
import "server-only";
import type { DelegationFacts } from "@/lib/domain/delegation/delegation";
import { fromDateColumn } from "@/lib/server/date-column";
import { db, type DbOrTx } from "@/lib/server/db";

let cached: { key: string; facts: DelegationFacts[] } | null = null;

/**
 * Every delegation as the domain rule sees it (revoked ones included: they explain refusals). Kept
 * per process and reloaded when any process grants or revokes one: delegations are only ever added
 * and revoked (a trigger allows nothing else), so their count and latest revocation are the key —
 * one cheap query instead of loading and converting them all on every case page and decision.
 */
export async function loadDelegationFacts(tx: DbOrTx = db()): Promise<DelegationFacts[]> {
  const [{ key }] = await tx.$queryRaw<{ key: string }[]>`
    SELECT current_database() || ':' || count(*) || ':' || coalesce(max("revokedAt")::text, '') || ':' || coalesce(max("createdAt")::text, '') AS key FROM "Delegation"`;
  if (cached?.key === key) return cached.facts;
  const rows = await tx.delegation.findMany({ orderBy: { createdAt: "asc" } });
  const facts = rows.map((d) => ({
    id: d.id,
    number: d.number,
    granteeUserId: d.granteeUserId,
    granteeRole: d.granteeRole,
    itemIds: d.itemIds,
    sectionIds: d.sectionIds,
    scope: d.scope,
    validFrom: fromDateColumn(d.validFrom),
    validTo: fromDateColumn(d.validTo),
    revokedAt: d.revokedAt,
  }));
  cached = { key, facts };
  return facts;
}
