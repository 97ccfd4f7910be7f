// Each night the notices past their due day expire — but only after the fiscal platform was asked:
// a payment whose callback was lost is confirmed instead. The platform unreachable: nothing expires
// tonight (the job fails and is retried). The payer is told to come back for a new notice.
import "server-only";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { fenToYuan } from "@/lib/domain/fees/fees";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { toDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { postMessage } from "@/lib/server/applications/transition";
import { queryPaymentNotice } from "./payment-jobs";

export async function expireOverdueNotices(now: Date = new Date()): Promise<{ expired: number; confirmed: number }> {
  const today = toPlainDate(now);
  const overdue = await db().paymentNotice.findMany({ where: { state: "ISSUED", dueDate: { lt: toDateColumn(today) } }, select: { id: true }, orderBy: { dueDate: "asc" }, take: 500 });
  let expired = 0;
  let confirmed = 0;
  for (const { id } of overdue) {
    const answer = await queryPaymentNotice(id);
    if (answer === "CONFIRMED" || answer === "ALREADY_CONFIRMED") {
      confirmed++;
      continue;
    }
    await db().$transaction(async (tx) => {
      const { count } = await tx.paymentNotice.updateMany({ where: { id, state: "ISSUED" }, data: { state: "EXPIRED" } });
      if (count !== 1) return;
      const n = await tx.paymentNotice.findUniqueOrThrow({ where: { id }, include: { application: { select: { id: true, number: true, applicantId: true, itemVersion: { select: { name: true } } } } } });
      await recordAuditEvent(tx, { actor: null, action: "payment.notice.expired", entityType: "PaymentNotice", entityId: id, before: { state: "ISSUED" }, after: { state: "EXPIRED", code: n.code, platform: answer } });
      await postMessage(tx, {
        userId: n.application.applicantId,
        applicationId: n.application.id,
        kind: "PAYMENT_EXPIRED",
        params: { number: n.application.number ?? "", item: n.application.itemVersion.name, code: n.code, amount: fenToYuan(n.amountFen) },
      });
      expired++;
    });
  }
  return { expired, confirmed };
}
