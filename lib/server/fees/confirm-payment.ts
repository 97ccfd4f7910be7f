// A payment confirmed by the fiscal platform — its signed callback, or its answer to the bureau's
// status query — marks the notice PAID once, guarded by the state read (two callbacks, or a callback
// and a query at once: one wins, the other finds it paid). The applicant is told; the window's
// issuing queue now offers issuance. A confirmation that does not fit (unknown code, other amount,
// a notice no longer payable) changes nothing and is recorded for the administrator.
import "server-only";
import { z } from "zod";
import { confirmationProblem, fenToYuan, isPaymentCode, paymentFacts } from "@/lib/domain/fees/fees";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { db } from "@/lib/server/db";
import { postMessage, refreshCardsLater } from "@/lib/server/applications/transition";

export const ZPaymentConfirmation = z.object({
  code: z.string().refine(isPaymentCode, "payment code"),
  amountFen: z.number().int().positive().max(100_000_000),
  paidAt: z.iso.datetime(),
  bankRef: z.string().trim().min(1).max(64),
});
export type TPaymentConfirmation = z.infer<typeof ZPaymentConfirmation>;

export type ConfirmOutcome = "CONFIRMED" | "ALREADY_CONFIRMED" | "UNKNOWN_CODE" | "AMOUNT_MISMATCH" | "NOT_PAYABLE";

export async function confirmPayment(c: TPaymentConfirmation, via: "CALLBACK" | "QUERY"): Promise<ConfirmOutcome> {
  return db().$transaction(async (tx) => {
    const notice = await tx.paymentNotice.findUnique({
      where: { code: c.code },
      include: { application: { select: { id: true, number: true, applicantId: true, itemVersion: { select: { name: true } } } } },
    });
    const refuse = async (outcome: ConfirmOutcome) => {
      await recordAuditEvent(tx, { actor: null, action: "payment.confirmation.refused", entityType: "PaymentNotice", entityId: notice?.id ?? c.code, meta: { outcome, via, ...c } });
      return outcome;
    };
    if (!notice) return refuse("UNKNOWN_CODE");
    if (paymentFacts(notice.state).paid && notice.bankRef === c.bankRef && notice.amountFen === c.amountFen) return "ALREADY_CONFIRMED";
    const problem = confirmationProblem(notice, c);
    if (problem) return refuse(problem);
    const { count } = await tx.paymentNotice.updateMany({
      where: { id: notice.id, state: "ISSUED" },
      data: { state: "PAID", paidAt: new Date(c.paidAt), bankRef: c.bankRef, confirmedBy: via },
    });
    if (count !== 1) return "ALREADY_CONFIRMED";
    await recordAuditEvent(tx, {
      actor: null,
      action: "payment.confirmed",
      entityType: "PaymentNotice",
      entityId: notice.id,
      before: { state: notice.state },
      after: { state: "PAID", paidAt: c.paidAt, bankRef: c.bankRef, via },
    });
    const app = notice.application;
    await postMessage(tx, { userId: app.applicantId, applicationId: app.id, kind: "PAYMENT_CONFIRMED", params: { number: app.number ?? "", item: app.itemVersion.name, amount: fenToYuan(notice.amountFen) } });
    // The issuance clock's card looks at the case again.
    await refreshCardsLater(tx, app.id);
    return "CONFIRMED";
  });
}
