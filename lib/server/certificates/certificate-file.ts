// The issued certificate of an application, as a file: for its applicant and the staff who may see
// the application (the electronic certificate, 电子证照).
import "server-only";
import { AGENT_SCOPE, mayViewApplication } from "@/lib/domain/applications/access";
import type { Actor } from "@/lib/domain/access/actor";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";
import { hiddenFrom } from "@/lib/server/auth/actor";
import { readIssuedPdf } from "@/lib/server/seals/issued-pdf-store";
import { currentCertificate } from "./current-certificate";

export async function getCertificateFile(opts: { actor: Actor | null; applicationId: string }) {
  if (!opts.actor) throw new AppError("UNAUTHENTICATED");
  const app = await db().application.findUnique({
    where: { id: opts.applicationId },
    select: { applicantId: true, filedById: true, state: true, item: { select: { sectionId: true } }, ...AGENT_SCOPE, certificates: currentCertificate({ number: true, identifier: true, pdfSha256: true }) },
  });
  const certificate = app?.certificates[0];
  if (!app || !certificate) throw new AppError("NOT_FOUND");
  if (!mayViewApplication(opts.actor, app)) throw await hiddenFrom(opts.actor, { entityType: "Application", entityId: opts.applicationId }, "getCertificateFile");
  return { number: certificate.number, identifier: certificate.identifier, bytes: readIssuedPdf(certificate.pdfSha256) };
}
