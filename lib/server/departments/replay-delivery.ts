// The administrator replays a delivery that ended (FAILED after its last attempt, or DELIVERED and
// lost by the department): back to PENDING and its job queued again, with a fresh set of attempts.
// Its earlier attempts stay in the log. Audited.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { mayReplay } from "@/lib/domain/departments/department-events";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { deliverLater } from "./record-department-event";
import { ZReplayDeliveryInput } from "./schemas";

export async function replayDelivery(opts: { actor: Actor | null; input: z.input<typeof ZReplayDeliveryInput> }) {
  const actor = await requirePermission(opts.actor, "departments:administer", "replayDelivery");
  const { deliveryId } = ZReplayDeliveryInput.parse(opts.input);
  return db().$transaction(async (tx) => {
    const d = await tx.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true, state: true, attempts: true, lastError: true, eventId: true, subscription: { select: { id: true, active: true, departmentId: true } } } });
    if (!d) throw new AppError("NOT_FOUND", "delivery");
    if (!mayReplay({ state: d.state, subscriptionActive: d.subscription.active })) throw new AppError("DELIVERY_NOT_REPLAYABLE", d.state);
    // Guarded by the state read: two administrators replaying at once queue it once.
    const { count } = await tx.webhookDelivery.updateMany({ where: { id: d.id, state: d.state }, data: { state: "PENDING" } });
    if (count !== 1) throw new AppError("ALREADY_HANDLED", "delivery");
    await deliverLater(tx, d.id);
    await recordAuditEvent(tx, {
      actor,
      action: "webhook.delivery.replayed",
      entityType: "Department",
      entityId: d.subscription.departmentId,
      before: { state: d.state },
      after: { state: "PENDING" },
      meta: { delivery: d.id, event: d.eventId.toString(), subscription: d.subscription.id, attempts: d.attempts, lastError: d.lastError },
    });
    return { id: d.id };
  });
}
