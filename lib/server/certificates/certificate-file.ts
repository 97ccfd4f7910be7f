// The issued certificate of an application, as a file: for its applicant and the staff who may see
// the application (the electronic certificate, 电子证照).
import "server-only";
import { mayViewApplication } from "@/lib/domain/applications/access";
import type { Actor } from "@/lib/domain/access/actor";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";
import { readCertificatePdf } from "./certificate-store";

export async function getCertificateFile(opts: { actor: Actor | null; applicationId: string }) {
  if (!opts.actor) throw new AppError("UNAUTHENTICATED");
  const app = await db().application.findUnique({
    where: { id: opts.applicationId },
    select: { applicantId: true, filedById: true, state: true, item: { select: { sectionId: true } }, certificate: { select: { number: true, identifier: true, pdfSha256: true } } },
  });
  if (!app || !app.certificate || !mayViewApplication(opts.actor, app)) throw new AppError("NOT_FOUND");
  return { number: app.certificate.number, identifier: app.certificate.identifier, bytes: readCertificatePdf(app.certificate.pdfSha256) };
}
