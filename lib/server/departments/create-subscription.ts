// The administrator gives a department a webhook subscription: the URL checked (http(s) only; in
// production no loopback or private host unless WEBHOOK_ALLOW_PRIVATE_HOSTS=1), a signing secret
// generated here and returned ONCE (only its encryption is stored), audited without the secret.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { webhookUrlProblem } from "@/lib/domain/departments/department-events";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { ZCreateSubscriptionInput } from "./schemas";
import { encryptSigningSecret, newSigningSecret } from "./subscription-secret";

/** Outside production a department's test receiver may run on this machine; in production only when allowed. */
export function privateHostsAllowed(): boolean {
  const e = env();
  return e.NODE_ENV !== "production" || e.WEBHOOK_ALLOW_PRIVATE_HOSTS === "1";
}

export async function createSubscription(opts: { actor: Actor | null; input: z.input<typeof ZCreateSubscriptionInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "departments:administer", "createSubscription");
  const input = ZCreateSubscriptionInput.parse(opts.input);
  const problem = webhookUrlProblem(input.url, { allowPrivate: privateHostsAllowed() });
  if (problem) throw new AppError("WEBHOOK_URL_REFUSED", problem, { field: "url" });
  const url = new URL(input.url).toString();
  const secret = newSigningSecret();
  return db().$transaction(async (tx) => {
    const department = await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } });
    if (!department) throw new AppError("NOT_FOUND", "department");
    const s = await tx.webhookSubscription.create({
      data: { departmentId: department.id, url, secretCipher: encryptSigningSecret(secret), events: [...new Set(input.events)], createdById: actor.id, createdAt: opts.now ?? new Date() },
      select: { id: true, url: true, events: true },
    });
    await recordAuditEvent(tx, { actor, action: "webhook.subscription.created", entityType: "Department", entityId: department.id, after: { subscription: s.id, url: s.url, events: s.events } });
    return { id: s.id, url: s.url, events: s.events, secret };
  });
}
