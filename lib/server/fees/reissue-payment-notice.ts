// The payer comes back after the due day: the window issues the notice again — a new payment code
// and due day for the same amount — guarded by the state read (two clerks at once: one new code).
// The old code stays known to the platform; a late payment of it shows in the reconciliation.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { paymentMove } from "@/lib/domain/fees/fees";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { toDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { announceNotice, newNoticeTerms } from "./issue-payment-notice";

export const ZReissuePaymentNotice = z.object({ applicationId: z.string().trim().min(1).max(60) });

export async function reissuePaymentNotice(opts: { actor: Actor | null; input: z.input<typeof ZReissuePaymentNotice>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "payments:reissue", "reissuePaymentNotice");
  const { applicationId } = ZReissuePaymentNotice.parse(opts.input);
  const now = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    const notice = await tx.paymentNotice.findUnique({
      where: { applicationId },
      include: { application: { select: { id: true, number: true, applicantId: true, itemVersion: { select: { name: true } } } } },
    });
    if (!notice) throw new AppError("NOT_FOUND");
    if (!paymentMove(notice.state, "REISSUE")) throw new AppError("TRANSITION_NOT_ALLOWED");
    const { code, dueDate } = await newNoticeTerms(tx, now);
    const { count } = await tx.paymentNotice.updateMany({
      where: { id: notice.id, state: notice.state },
      data: { state: "ISSUED", code, dueDate: toDateColumn(dueDate), registeredAt: null },
    });
    if (count !== 1) throw new AppError("ALREADY_HANDLED");
    await recordAuditEvent(tx, {
      actor,
      action: "payment.notice.reissued",
      entityType: "PaymentNotice",
      entityId: notice.id,
      before: { state: notice.state, code: notice.code },
      after: { state: "ISSUED", code, dueDate },
    });
    await announceNotice(tx, { id: notice.id, code, amountFen: notice.amountFen, dueDate }, notice.application, notice.application.itemVersion.name);
    return { id: notice.application.id, code, dueDate };
  });
}
