// 缴款通知书: a decision to grant an item whose version lists fees makes them payable. The notice is
// written in the decision's own transaction (so no approval exists without its notice), numbered
// from a sequence (no shared row is locked: decisions and issuances of other cases never wait on
// it), and registered with the fiscal platform by the worker afterwards. An expired notice is
// issued again by the window with a new code and due day (reissuePaymentNotice).
import "server-only";
import { BUREAU } from "@/lib/bureau";
import { addWorkingDays, toPlainDate } from "@/lib/domain/calendar/working-days";
import { feeTotal, fenToYuan, formatPaymentCode, PAYMENT_DUE_WORKING_DAYS, type ChargedLine } from "@/lib/domain/fees/fees";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { toDateColumn } from "@/lib/server/date-column";
import type { Actor } from "@/lib/domain/access/actor";
import type { Tx } from "@/lib/server/db";
import { TASKS, enqueue } from "@/lib/server/jobs/queue";
import { postMessage } from "@/lib/server/applications/transition";

/** A fresh payment code and the due day counted from today (Beijing). */
export async function newNoticeTerms(tx: Tx, now: Date): Promise<{ code: string; dueDate: string }> {
  const today = toPlainDate(now);
  const [{ serial }] = await tx.$queryRaw<{ serial: bigint }[]>`SELECT nextval('payment_code_serial') AS serial`;
  return {
    code: formatPaymentCode(BUREAU.regionCode, Number(today.slice(0, 4)), Number(serial)),
    dueDate: addWorkingDays(await loadWorkingCalendar(tx), today, PAYMENT_DUE_WORKING_DAYS),
  };
}

/** After a notice was (re)issued: the worker registers it with the platform; the payer is told. */
export async function announceNotice(tx: Tx, n: { id: string; code: string; amountFen: number; dueDate: string }, app: { id: string; number: string | null; applicantId: string }, item: string): Promise<void> {
  await enqueue(tx, TASKS.registerPayment, { id: n.id }, { jobKey: `payment:register:${n.id}`, maxAttempts: 15 });
  await postMessage(tx, {
    userId: app.applicantId,
    applicationId: app.id,
    kind: "PAYMENT_NOTICE",
    params: { number: app.number ?? "", item, code: n.code, amount: fenToYuan(n.amountFen), due: n.dueDate },
  });
}

export async function issuePaymentNoticeIn(
  tx: Tx,
  opts: { actor: Actor; application: { id: string; number: string | null; applicantId: string }; item: string; lines: readonly ChargedLine[]; now: Date },
): Promise<{ code: string; amountFen: number } | null> {
  const lines = [...opts.lines];
  if (lines.length === 0) return null;
  // 计量收费: the quantities the decider gave, audited with the notice.
  const quantities = lines.flatMap((l) => (l.quantity !== undefined ? [{ line: l.name, quantity: l.quantity, unit: l.unit }] : []));
  const { code, dueDate } = await newNoticeTerms(tx, opts.now);
  const amountFen = feeTotal(lines);
  const notice = await tx.paymentNotice.create({ data: { applicationId: opts.application.id, code, amountFen, lines, dueDate: toDateColumn(dueDate) } });
  await recordAuditEvent(tx, {
    actor: opts.actor,
    action: "payment.notice.issued",
    entityType: "PaymentNotice",
    entityId: notice.id,
    after: { application: opts.application.number, code, amountFen, dueDate, ...(quantities.length ? { quantities } : {}) },
  });
  await announceNotice(tx, { id: notice.id, code, amountFen, dueDate }, opts.application, opts.item);
  return { code, amountFen };
}
