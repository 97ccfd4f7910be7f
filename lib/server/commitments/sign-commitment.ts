// 告知承诺 signed in place of a material: the filer (the applicant online, the clerk for a walk-in)
// confirms they read the item version's commitment and signs it with their name; the text is kept
// verbatim as it was read, so a later change of the catalogue never changes what was promised.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { editableMaterials } from "@/lib/domain/applications/access";
import { mayCommit } from "@/lib/domain/commitments/commitments";
import { AppError } from "@/lib/errors";
import { loadForFiler } from "@/lib/server/applications/file-application";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";

export const ZSignCommitmentInput = z.object({
  applicationId: z.string().min(1).max(60),
  materialId: z.string().min(1).max(60),
  agreed: z.enum(["on"], "commitment.agreed"),
  signerName: z.string().trim().min(2, "commitment.signerName").max(40, "commitment.signerName"),
});

export async function signCommitment(opts: { actor: Actor | null; input: z.input<typeof ZSignCommitmentInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "application:file", "signCommitment");
  const input = ZSignCommitmentInput.parse(opts.input);
  const now = opts.now ?? new Date();
  try {
    return await db().$transaction(async (tx) => {
      const app = await loadForFiler(tx, actor, input.applicationId);
      const line = app.materials.find((m) => m.materialId === input.materialId);
      if (!line) throw new AppError("NOT_FOUND", "material", { field: "materialId" });
      const material = await tx.material.findUniqueOrThrow({ where: { id: line.materialId }, select: { commitmentText: true, name: true } });
      const committed = (await tx.commitment.count({ where: { applicationId: app.id, materialId: line.materialId } })) > 0;
      if (!mayCommit({ commitmentText: material.commitmentText, committed, fileGiven: line.storedFileId !== null }, editableMaterials(app.state) === "all")) {
        throw new AppError(committed ? "ALREADY_HANDLED" : "TRANSITION_NOT_ALLOWED");
      }
      // Guarded by the state read: a submission racing this signature cannot leave it half-done.
      const { count } = await tx.application.updateMany({ where: { id: app.id, state: app.state }, data: { updatedAt: now } });
      if (count !== 1) throw new AppError("ALREADY_HANDLED");
      const c = await tx.commitment.create({ data: { applicationId: app.id, materialId: line.materialId, text: material.commitmentText, signerName: input.signerName, signedById: actor.id, signedAt: now } });
      await recordAuditEvent(tx, { actor, action: "application.commitment.signed", entityType: "Application", entityId: app.id, meta: { commitment: c.id, material: material.name, signer: input.signerName, text: material.commitmentText } });
      return { id: c.id };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("ALREADY_HANDLED");
    throw e;
  }
}

/** The applicant's credit records (a false commitment), newest first: the window sees them on later filings. */
export async function creditRecordsOf(applicantId: string) {
  return db().creditRecord.findMany({ where: { applicantId }, orderBy: { createdAt: "desc" }, take: 20, select: { kind: true, note: true, createdAt: true, applicationId: true } });
}
