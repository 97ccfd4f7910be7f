// 撤销 / 注销: a chief or the director ends a certificate with a reason and legal basis; verification
// says so from the next request on, and the change is audited on the certificate and its case.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

export const ZChangeCertificateStatusInput = z.object({
  certificateId: z.string().trim().min(1),
  status: z.enum(["REVOKED", "CANCELLED"], "certificate.status"),
  reason: z.string().trim().min(2, "certificate.reason").max(1000, "certificate.reason"),
  basis: z.string().trim().min(2, "certificate.basis").max(1000, "certificate.basis"),
});

export async function changeCertificateStatus(opts: { actor: Actor | null; input: z.input<typeof ZChangeCertificateStatusInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "certificate:revoke", "changeCertificateStatus");
  const input = ZChangeCertificateStatusInput.parse(opts.input);
  const now = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    // Only a valid certificate can be ended; a second click finds it ended already.
    const { count } = await tx.certificate.updateMany({
      where: { id: input.certificateId, status: "VALID" },
      data: { status: input.status, statusChangedAt: now, statusReason: input.reason, statusBasis: input.basis },
    });
    const c = await tx.certificate.findUnique({ where: { id: input.certificateId }, select: { id: true, applicationId: true, number: true, status: true } });
    if (!c) throw new AppError("NOT_FOUND");
    if (count !== 1) throw new AppError("ALREADY_HANDLED");
    for (const [entityType, entityId] of [["Certificate", c.id], ["Application", c.applicationId]] as const) {
      await recordAuditEvent(tx, { actor, action: `certificate.${input.status}`, entityType, entityId, before: { status: "VALID" }, after: { status: input.status }, meta: { number: c.number, reason: input.reason, basis: input.basis } });
    }
    return { id: c.id, status: c.status };
  });
}
