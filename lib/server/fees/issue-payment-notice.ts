// 缴款通知书: a decision to grant an item whose version lists fees makes them payable. The notice is
// written in the decision's own transaction (so no approval exists without its notice), numbered
// from a sequence (no shared row is locked: decisions and issuances of other cases never wait on
// it), and registered with the fiscal platform by the worker afterwards.
import "server-only";
import { BUREAU } from "@/lib/bureau";
import { addWorkingDays, toPlainDate } from "@/lib/domain/calendar/working-days";
import { feeLinesOf, feeTotal, fenToYuan, formatPaymentCode, PAYMENT_DUE_WORKING_DAYS } from "@/lib/domain/fees/fees";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import type { Actor } from "@/lib/domain/access/actor";
import type { Tx } from "@/lib/server/db";
import { TASKS, enqueue } from "@/lib/server/jobs/queue";
import { postMessage } from "@/lib/server/applications/transition";

export async function issuePaymentNoticeIn(
  tx: Tx,
  opts: { actor: Actor; application: { id: string; number: string | null; applicantId: string }; item: string; feeLines: unknown; now: Date },
): Promise<{ code: string; amountFen: number } | null> {
  const lines = feeLinesOf(opts.feeLines);
  if (lines.length === 0) return null;
  const today = toPlainDate(opts.now);
  const [{ serial }] = await tx.$queryRaw<{ serial: bigint }[]>`SELECT nextval('payment_code_serial') AS serial`;
  const code = formatPaymentCode(BUREAU.regionCode, Number(today.slice(0, 4)), Number(serial));
  const amountFen = feeTotal(lines);
  const dueDate = addWorkingDays(await loadWorkingCalendar(tx), today, PAYMENT_DUE_WORKING_DAYS);
  const notice = await tx.paymentNotice.create({
    data: { applicationId: opts.application.id, code, amountFen, lines, dueDate: new Date(`${dueDate}T00:00:00Z`) },
  });
  await recordAuditEvent(tx, {
    actor: opts.actor,
    action: "payment.notice.issued",
    entityType: "PaymentNotice",
    entityId: notice.id,
    after: { application: opts.application.number, code, amountFen, dueDate },
  });
  await enqueue(tx, TASKS.registerPayment, { id: notice.id }, { jobKey: `payment:register:${notice.id}`, maxAttempts: 15 });
  await postMessage(tx, {
    userId: opts.application.applicantId,
    applicationId: opts.application.id,
    kind: "PAYMENT_NOTICE",
    params: { number: opts.application.number ?? "", item: opts.item, code, amount: fenToYuan(amountFen), due: dueDate },
  });
  return { code, amountFen };
}
