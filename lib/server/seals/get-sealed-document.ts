// One document under the seal, for the applicant and the staff who may see its application: its
// number, verification identifier and the record it was signed over.
import "server-only";
import type { Actor } from "@/lib/domain/access/actor";
import { AGENT_SCOPE, mayViewApplication } from "@/lib/domain/applications/access";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";
import { hiddenFrom } from "@/lib/server/auth/actor";

export async function getSealedDocument(opts: { actor: Actor | null; applicationId: string; documentId: string }) {
  if (!opts.actor) throw new AppError("UNAUTHENTICATED");
  const d = await db().sealedDocument.findUnique({
    where: { id: opts.documentId },
    select: {
      id: true,
      kind: true,
      number: true,
      identifier: true,
      createdAt: true,
      canonicalRecord: true,
      seal: { select: { name: true } },
      application: { select: { id: true, applicantId: true, filedById: true, state: true, item: { select: { sectionId: true } }, ...AGENT_SCOPE, applicant: { select: { name: true } } } },
    },
  });
  if (!d || d.application.id !== opts.applicationId) throw new AppError("NOT_FOUND");
  if (!mayViewApplication(opts.actor, d.application)) throw await hiddenFrom(opts.actor, { entityType: "SealedDocument", entityId: d.id }, "getSealedDocument");
  return { id: d.id, kind: d.kind, number: d.number, identifier: d.identifier, createdAt: d.createdAt, sealName: d.seal.name, applicantName: d.application.applicant.name, record: JSON.parse(d.canonicalRecord) as Record<string, unknown> };
}
