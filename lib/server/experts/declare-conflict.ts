// Records a conflict of interest an expert declared (回避) with an applicant, found by their resident ID
// or credit code: that expert is never drawn for that applicant's cases. Audited.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { APPLICANT_ROLE } from "@/lib/domain/access/roles";
import { normalizeCreditCode } from "@/lib/domain/identity/credit-code";
import { normalizeResidentId } from "@/lib/domain/identity/resident-id";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";
import { ZDeclareConflictInput } from "./schemas";

export async function declareConflict(opts: { actor: Actor | null; input: z.input<typeof ZDeclareConflictInput> }) {
  const actor = await requirePermission(opts.actor, "experts:administer", "declareConflict");
  const input = ZDeclareConflictInput.parse(opts.input);
  const [expert, applicant] = await Promise.all([
    db().expert.findUnique({ where: { id: input.expertId }, select: { id: true } }),
    db().user.findFirst({
      where: { role: APPLICANT_ROLE, OR: [{ residentId: normalizeResidentId(input.identifier) }, { creditCode: normalizeCreditCode(input.identifier) }] },
      select: { id: true },
    }),
  ]);
  if (!expert) throw new AppError("NOT_FOUND", "expert", { field: "expertId" });
  if (!applicant) throw new AppError("APPLICANT_NOT_FOUND", "no applicant with that identifier", { field: "identifier" });
  try {
    return await db().$transaction(async (tx) => {
      const conflict = await tx.expertConflict.create({ data: { expertId: expert.id, applicantId: applicant.id, reason: input.reason } });
      // The applicant's id, not their ID number: the trail needs no copy of it.
      await recordAuditEvent(tx, { actor, action: "expert.conflictDeclared", entityType: "Expert", entityId: expert.id, after: { applicantId: applicant.id, reason: input.reason } });
      return { id: conflict.id };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("VALIDATION", "expert.conflictExists", { field: "identifier" });
    throw e;
  }
}
