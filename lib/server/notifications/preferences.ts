// Each person's notice channels (SMS, e-mail) and e-mail address. The portal inbox always has every
// message; these say where a copy goes. A channel needs its address: SMS the phone on record,
// e-mail the address given here. Audited.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

const on = z.enum(["on"]).optional();
export const ZNotificationPreferencesInput = z.object({
  sms: on,
  email: on,
  emailAddress: z.union([z.literal(""), z.string().trim().max(120, "notifications.emailAddress").email("notifications.emailAddress")]).default(""),
});

export async function getNotificationPreferences(opts: { actor: Actor | null }) {
  const actor = await requirePermission(opts.actor, "notifications:self", "getNotificationPreferences");
  const u = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { phone: true, email: true, notifyChannels: true } });
  return { phone: u.phone, email: u.email, sms: u.notifyChannels.includes("SMS"), byEmail: u.notifyChannels.includes("EMAIL") };
}

export async function updateNotificationPreferences(opts: { actor: Actor | null; input: z.input<typeof ZNotificationPreferencesInput> }) {
  const actor = await requirePermission(opts.actor, "notifications:self", "updateNotificationPreferences");
  const input = ZNotificationPreferencesInput.parse(opts.input);
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { phone: true, email: true, notifyChannels: true } });
  if (input.sms && !user.phone) throw new AppError("VALIDATION", "notifications.smsNeedsPhone", { field: "sms" });
  if (input.email && !input.emailAddress) throw new AppError("VALIDATION", "notifications.emailNeedsAddress", { field: "emailAddress" });
  const channels = [...(input.sms ? (["SMS"] as const) : []), ...(input.email ? (["EMAIL"] as const) : [])];
  const email = input.emailAddress || null;
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { notifyChannels: channels, email } });
    await recordAuditEvent(tx, { actor, action: "account.notificationPreferences", entityType: "User", entityId: actor.id, before: { channels: user.notifyChannels, email: user.email !== null }, after: { channels, email: email !== null } });
  });
  return { channels };
}
