// The delegations as the domain's decision rule reads them.
import "server-only";
import type { DelegationFacts } from "@/lib/domain/delegation/delegation";
import { fromDateColumn } from "@/lib/server/date-column";
import { db, type DbOrTx } from "@/lib/server/db";

/** Every delegation as the domain rule sees it (revoked ones included: they explain refusals). */
export async function loadDelegationFacts(tx: DbOrTx = db()): Promise<DelegationFacts[]> {
  const rows = await tx.delegation.findMany({ orderBy: { createdAt: "asc" } });
  return rows.map((d) => ({
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
}
