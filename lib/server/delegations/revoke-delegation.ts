// The director revokes a delegation, with a reason.
import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { fromDateColumn } from "@/lib/server/date-column";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { delegationActions, delegationStatus } from "@/lib/domain/delegation/delegation";
import { ZRevokeDelegationInput } from "./schemas";

export async function revokeDelegation(opts: { actor: Actor | null; input: z.input<typeof ZRevokeDelegationInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "delegation:grant", "revokeDelegation");
  const input = ZRevokeDelegationInput.parse(opts.input);
  const now = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    // What may be done with it is the domain's (delegationActions): an expired or revoked one has nothing left to revoke.
    const d = await tx.delegation.findUnique({ where: { id: input.delegationId }, select: { validFrom: true, validTo: true, revokedAt: true } });
    const status = d && delegationStatus({ validFrom: fromDateColumn(d.validFrom), validTo: fromDateColumn(d.validTo), revokedAt: d.revokedAt }, toPlainDate(now));
    if (!status || !delegationActions(status).includes("REVOKE")) throw new AppError("ALREADY_HANDLED");
    // Guarded by the old state: of two revocations at once, one wins.
    const { count } = await tx.delegation.updateMany({
      where: { id: input.delegationId, revokedAt: null },
      data: { revokedAt: now, revokedById: actor.id, revokeReason: input.reason },
    });
    if (count !== 1) throw new AppError("ALREADY_HANDLED");
    await recordAuditEvent(tx, { actor, action: "delegation.revoked", entityType: "Delegation", entityId: input.delegationId, after: { revokedAt: now.toISOString(), reason: input.reason } });
    return { id: input.delegationId };
  });
}
