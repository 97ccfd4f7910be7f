// A certificate locked for a change, with the facts the certificate rules ask (lib/domain/certificates/certificate-actions).
import "server-only";
import type { CertificateFacts } from "@/lib/domain/certificates/certificate-actions";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/server/db";

export async function lockCertificate(tx: Tx, certificateId: string) {
  // One change at a time per certificate: a second clerk or chief waits, then finds it changed.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Certificate" WHERE id = ${certificateId} FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND");
  const c = await tx.certificate.findUniqueOrThrow({
    where: { id: certificateId },
    include: {
      replacedBy: { select: { id: true } },
      application: { select: { id: true, number: true, applicantId: true, bundleFilingId: true, channel: true, acceptedById: true, acceptedAt: true, itemVersion: { select: { name: true } } } },
    },
  });
  const facts: CertificateFacts = {
    status: c.status,
    replaced: c.replacedBy !== null,
    deliveryMethod: c.deliveryMethod,
    delivered: c.deliveredAt !== null,
    mailed: c.mailedAt !== null,
  };
  return { certificate: c, facts };
}
