// The administrator ends a webhook subscription: no new deliveries; waiting ones end FAILED when
// their job runs. Audited.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { ZDeactivateSubscriptionInput } from "./schemas";

export async function deactivateSubscription(opts: { actor: Actor | null; input: z.input<typeof ZDeactivateSubscriptionInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "departments:administer", "deactivateSubscription");
  const { subscriptionId } = ZDeactivateSubscriptionInput.parse(opts.input);
  const now = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    const s = await tx.webhookSubscription.findUnique({ where: { id: subscriptionId }, select: { id: true, departmentId: true, url: true } });
    if (!s) throw new AppError("NOT_FOUND", "subscription");
    const { count } = await tx.webhookSubscription.updateMany({ where: { id: s.id, active: true }, data: { active: false, revokedAt: now } });
    if (count !== 1) throw new AppError("ALREADY_HANDLED", "subscription");
    await recordAuditEvent(tx, { actor, action: "webhook.subscription.deactivated", entityType: "Department", entityId: s.departmentId, meta: { subscription: s.id, url: s.url } });
    return { id: s.id };
  });
}
