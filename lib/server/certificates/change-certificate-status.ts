// 撤销 / 注销: a chief or the director ends a certificate with a reason and legal basis; verification
// says so from the next request on, the change is audited on the certificate and its case, and the
// holder is told.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { assertCertificateAction } from "@/lib/domain/certificates/certificate-actions";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { postMessage } from "@/lib/server/applications/transition";
import { requirePermission } from "@/lib/server/auth/actor";
import { db, type Tx } from "@/lib/server/db";
import { asAppError } from "@/lib/server/domain-errors";
import { recordCertificateEndEvent } from "@/lib/server/departments/record-case-events";
import { lockCertificate } from "./load-certificate-facts";

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
  return db().$transaction((tx) => endCertificateIn(tx, actor, input, now));
}

/** Ends a certificate inside the caller's transaction (a post-check that finds a commitment false revokes this way). */
export async function endCertificateIn(tx: Tx, actor: Actor, input: z.infer<typeof ZChangeCertificateStatusInput>, now: Date) {
  const { certificate: c, facts } = await lockCertificate(tx, input.certificateId);
  try {
    assertCertificateAction("END", actor.role, facts);
  } catch (e) {
    throw asAppError(e);
  }
  await tx.certificate.update({
    where: { id: c.id },
    data: { status: input.status, statusChangedAt: now, statusReason: input.reason, statusBasis: input.basis },
  });
  await recordCertificateEndEvent(tx, c.id, { status: input.status, reason: input.reason, basis: input.basis }, now);
  for (const [entityType, entityId] of [["Certificate", c.id], ["Application", c.applicationId]] as const) {
    await recordAuditEvent(tx, { actor, action: `certificate.${input.status}`, entityType, entityId, before: { status: c.status }, after: { status: input.status }, meta: { number: c.number, reason: input.reason, basis: input.basis } });
  }
  await postMessage(tx, {
    userId: c.application.applicantId,
    applicationId: c.applicationId,
    kind: `CERTIFICATE_${input.status}`,
    params: { number: c.application.number ?? "", item: c.application.itemVersion.name, certificate: c.number, reason: input.reason, basis: input.basis },
  });
  return { id: c.id, status: input.status };
}
