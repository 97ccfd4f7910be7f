// 核查: after a case with commitments is decided, its section's chief (or the director) checks each
// commitment within POST_CHECK_WORKING_DAYS. A commitment found false revokes the case's certificate
// (the issuance revocation, in the same transaction), leaves a credit record on the applicant that
// the window sees on later filings, and is audited; one that holds is recorded as checked.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { dueMark } from "@/lib/domain/clock/clock-ledger";
import { FALSE_COMMITMENT, FALSE_COMMITMENT_BASIS, FALSE_COMMITMENT_REASON, mayRecordPostCheck, POST_CHECK_RESULTS, postCheckActor, postCheckDue } from "@/lib/domain/commitments/commitments";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { endCertificateIn } from "@/lib/server/certificates/change-certificate-status";
import { db } from "@/lib/server/db";
import { recordCommitmentCheckEvent } from "@/lib/server/departments/record-case-events";

export const ZPostChecksFilter = z.object({ checked: z.enum(["1"]).optional().catch(undefined) });

export async function listPostChecks(opts: { actor: Actor | null; filter?: z.input<typeof ZPostChecksFilter>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "commitments:check", "listPostChecks");
  const filter = ZPostChecksFilter.parse(opts.filter ?? {});
  const me = postCheckActor(actor);
  const [cal, rows] = await Promise.all([
    loadWorkingCalendar(),
    db().commitment.findMany({
      where: {
        checkedAt: filter.checked ? { not: null } : null,
        application: { decidedAt: { not: null }, ...(me.wholeBureau ? {} : { item: { sectionId: actor.sectionId ?? "" } }) },
      },
      orderBy: filter.checked ? { checkedAt: "desc" } : { signedAt: "asc" },
      take: 100,
      include: { application: { select: { id: true, number: true, decidedAt: true, item: { select: { sectionId: true } }, itemVersion: { select: { name: true } }, applicant: { select: { name: true } } } } },
    }),
  ]);
  const today = toPlainDate(opts.now ?? new Date());
  const names = new Map((await db().material.findMany({ where: { id: { in: rows.map((r) => r.materialId) } }, select: { id: true, name: true } })).map((m) => [m.id, m.name]));
  return {
    filter,
    rows: rows.map((c) => {
      const due = postCheckDue(cal, c.application.decidedAt!);
      return {
        id: c.id,
        applicationId: c.application.id,
        number: c.application.number,
        itemName: c.application.itemVersion.name,
        applicantName: c.application.applicant.name,
        materialName: names.get(c.materialId) ?? "",
        text: c.text,
        signerName: c.signerName,
        signedAt: c.signedAt,
        dueOn: due,
        mark: c.checkedAt ? ("ok" as const) : dueMark(cal, today, due, env().DUE_WARNING_DAYS),
        result: c.result,
        checkNote: c.checkNote,
        checkedAt: c.checkedAt,
        mayRecord: mayRecordPostCheck({ checked: c.checkedAt !== null, decided: true, sectionId: c.application.item.sectionId }, me),
      };
    }),
  };
}

export const ZRecordPostCheckInput = z.object({
  commitmentId: z.string().min(1).max(60),
  result: z.enum(POST_CHECK_RESULTS, "commitment.result"),
  note: z.string().trim().min(2, "commitment.note").max(2000, "commitment.note"),
});

export async function recordPostCheck(opts: { actor: Actor | null; input: z.input<typeof ZRecordPostCheckInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "commitments:check", "recordPostCheck");
  const input = ZRecordPostCheckInput.parse(opts.input);
  const now = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    const c = await tx.commitment.findUnique({ where: { id: input.commitmentId }, include: { application: { select: { id: true, applicantId: true, number: true, decidedAt: true, item: { select: { sectionId: true } } } } } });
    if (!c) throw new AppError("NOT_FOUND", "commitment");
    if (!mayRecordPostCheck({ checked: c.checkedAt !== null, decided: c.application.decidedAt !== null, sectionId: c.application.item.sectionId }, postCheckActor(actor))) {
      throw new AppError(c.checkedAt ? "ALREADY_HANDLED" : "FORBIDDEN", "post-check");
    }
    const { count } = await tx.commitment.updateMany({ where: { id: c.id, checkedAt: null }, data: { checkedAt: now, checkedById: actor.id, result: input.result, checkNote: input.note } });
    if (count !== 1) throw new AppError("ALREADY_HANDLED", "post-check");
    await recordAuditEvent(tx, { actor, action: "application.commitment.checked", entityType: "Application", entityId: c.application.id, meta: { commitment: c.id, result: input.result, note: input.note } });
    // 审管分离: the department is told of every post-check (a false one's revocation follows as its own event).
    await recordCommitmentCheckEvent(tx, c.id, now);
    let revoked: string | null = null;
    if (input.result === "FALSE") {
      // The certificate obtained on a false commitment is revoked; a case without one (denied) keeps its record only.
      const cert = await tx.certificate.findFirst({ where: { applicationId: c.application.id, status: "VALID" }, select: { id: true } });
      if (cert) revoked = (await endCertificateIn(tx, actor, { certificateId: cert.id, status: "REVOKED", reason: `${FALSE_COMMITMENT_REASON}：${input.note}`.slice(0, 1000), basis: FALSE_COMMITMENT_BASIS }, now)).id;
      await tx.creditRecord.create({ data: { applicantId: c.application.applicantId, applicationId: c.application.id, kind: FALSE_COMMITMENT, note: `办件 ${c.application.number ?? ""}：${input.note}`.slice(0, 2000), createdAt: now } });
    }
    return { id: c.id, result: input.result, revoked };
  });
}
