// The one handover of a completed bundle chosen for pick-up or post: the window records who
// collected (or the tracking number) once, for every valid certificate of the filing; a pick-up is one
// visit, and the applicant gets one link to rate it.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { deliveryProblem } from "@/lib/domain/bundles/bundles";
import { bundleVisitCertificate, pickupIsOwnVisit } from "@/lib/domain/ratings/ratings";
import { AppError } from "@/lib/errors";
import { postMessage } from "@/lib/server/applications/transition";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { invitePickupRating } from "@/lib/server/ratings/rate-service";
import { ZDeliverBundleInput } from "./schemas";

export async function deliverBundle(opts: { actor: Actor | null; input: z.input<typeof ZDeliverBundleInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "certificate:deliver", "deliverBundle");
  const input = ZDeliverBundleInput.parse(opts.input);
  const now = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "BundleFiling" WHERE id = ${input.bundleFilingId} FOR UPDATE`;
    const filing = await tx.bundleFiling.findUnique({ where: { id: input.bundleFilingId }, include: { bundle: { select: { name: true } } } });
    if (!filing) throw new AppError("NOT_FOUND");
    // Chosen electronic: nothing to hand over (it was delivered on completion).
    if (filing.deliveryMethod !== input.method) throw new AppError("DELIVERY_NOT_PENDING");
    const problem = deliveryProblem({ completed: filing.completedAt !== null, delivered: filing.deliveredAt !== null });
    if (problem) throw new AppError(problem);
    const handover = input.method === "PICKUP" ? { collectorName: input.collectorName, collectorIdNumber: input.collectorIdNumber, deliveredAt: now, deliveredById: actor.id } : { trackingNumber: input.trackingNumber, mailedAt: now };
    const certificates = await tx.certificate.findMany({
      where: { application: { bundleFilingId: filing.id }, status: "VALID" },
      select: { id: true, number: true, application: { select: { id: true, applicantId: true, channel: true, acceptedById: true, acceptedAt: true } } },
    });
    await tx.certificate.updateMany({ where: { id: { in: certificates.map((c) => c.id) } }, data: handover });
    await tx.bundleFiling.update({ where: { id: filing.id }, data: input.method === "PICKUP" ? { collectorName: input.collectorName, collectorIdNumber: input.collectorIdNumber, deliveredAt: now } : { trackingNumber: input.trackingNumber, deliveredAt: now } });
    await recordAuditEvent(tx, { actor, action: "bundle.delivered", entityType: "BundleFiling", entityId: filing.id, after: { method: input.method, certificates: certificates.map((c) => c.number), ...(input.method === "PICKUP" ? { collector: input.collectorName } : { trackingNumber: input.trackingNumber }) } });
    await postMessage(tx, {
      userId: filing.applicantId,
      applicationId: null,
      kind: input.method === "PICKUP" ? "BUNDLE_COLLECTED" : "BUNDLE_MAILED",
      params: { number: filing.number ?? "", bundle: filing.bundle.name, certificates: String(certificates.length), ...(input.method === "PICKUP" ? { collector: input.collectorName } : { tracking: input.trackingNumber, address: filing.deliveryAddress }) },
    });
    // The hand-over is one visit to the window (一次一评): one rating link for it, by SMS.
    const visit = input.method === "PICKUP" ? bundleVisitCertificate(certificates) : undefined;
    if (visit && pickupIsOwnVisit(visit.application, { by: actor.id, at: now })) await invitePickupRating(tx, visit, { name: filing.bundle.name, certificates: certificates.length });
    return { id: filing.id, certificates: certificates.length };
  });
}
