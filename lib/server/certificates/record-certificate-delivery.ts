// 送达 at the window: who collected a certificate chosen for pick-up (name and ID number, checked),
// or the tracking number of one sent by post. Recorded once, audited, and the holder is told (and,
// for a pick-up, asked to rate that visit).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { assertCertificateAction } from "@/lib/domain/certificates/certificate-actions";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { postMessage } from "@/lib/server/applications/transition";
import { requirePermission } from "@/lib/server/auth/actor";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";
import { asAppError } from "@/lib/server/domain-errors";
import { pickupIsOwnVisit } from "@/lib/domain/ratings/ratings";
import { invitePickupRating } from "@/lib/server/ratings/rate-service";
import { lockCertificate } from "./load-certificate-facts";

/** What the window records at a handover: who collected it, or the post's tracking number. */
export const HANDOVER_FIELDS = {
  PICKUP: {
    method: z.literal("PICKUP"),
    collectorName: z.string().trim().min(1, "delivery.collectorName").max(100, "delivery.collectorName"),
    collectorIdNumber: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-Z]{6,30}$/, "delivery.collectorIdNumber"),
  },
  POST: {
    method: z.literal("POST"),
    trackingNumber: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-Z-]{6,40}$/, "delivery.trackingNumber"),
  },
};

export const ZRecordDeliveryInput = z.discriminatedUnion("method", [
  z.object({ certificateId: z.string().trim().min(1), ...HANDOVER_FIELDS.PICKUP }),
  z.object({ certificateId: z.string().trim().min(1), ...HANDOVER_FIELDS.POST }),
]);

export async function recordCertificateDelivery(opts: { actor: Actor | null; input: z.input<typeof ZRecordDeliveryInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "certificate:deliver", "recordCertificateDelivery");
  const input = ZRecordDeliveryInput.parse(opts.input);
  const now = opts.now ?? new Date();
  await db().$transaction(async (tx) => {
    const { certificate: c, facts } = await lockCertificate(tx, input.certificateId);
    // 一件事: a bundle's certificates are handed over together, on the bundle's page.
    if (c.application.bundleFilingId) throw new AppError("BUNDLE_DELIVERS_TOGETHER");
    try {
      assertCertificateAction(input.method === "PICKUP" ? "RECORD_PICKUP" : "RECORD_MAILING", actor.role, facts);
    } catch (e) {
      throw asAppError(e);
    }
    const data =
      input.method === "PICKUP"
        ? { collectorName: input.collectorName, collectorIdNumber: input.collectorIdNumber, deliveredAt: now, deliveredById: actor.id }
        : { trackingNumber: input.trackingNumber, mailedAt: now };
    await tx.certificate.update({ where: { id: c.id }, data });
    const meta = input.method === "PICKUP" ? { number: c.number, collector: input.collectorName } : { number: c.number, trackingNumber: input.trackingNumber, address: c.deliveryAddress };
    for (const [entityType, entityId] of [["Certificate", c.id], ["Application", c.applicationId]] as const) {
      await recordAuditEvent(tx, { actor, action: input.method === "PICKUP" ? "certificate.collected" : "certificate.mailed", entityType, entityId, after: data, meta });
    }
    const base = { number: c.application.number ?? "", item: c.application.itemVersion.name, certificate: c.number };
    await postMessage(tx, {
      userId: c.application.applicantId,
      applicationId: c.applicationId,
      ...(input.method === "PICKUP"
        ? { kind: "CERTIFICATE_COLLECTED", params: { ...base, collector: input.collectorName } }
        : { kind: "CERTIFICATE_MAILED", params: { ...base, tracking: input.trackingNumber, address: c.deliveryAddress } }),
    });
    // 一次一评: the pick-up is a visit to rate — unless it was part of the intake's own sitting.
    if (input.method === "PICKUP" && pickupIsOwnVisit(c.application, { by: actor.id, at: now })) await invitePickupRating(tx, c);
  });
  return { id: input.certificateId, method: input.method };
}
