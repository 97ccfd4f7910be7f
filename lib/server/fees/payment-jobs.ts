// The worker's side of the bank channel: register a notice with the fiscal platform (retried until it
// answers), and ask it about a notice (a payer's "I have paid", or a callback that never came).
import "server-only";
import { paymentFacts } from "@/lib/domain/fees/fees";
import { fromDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { confirmPayment, ZPaymentConfirmation, type ConfirmOutcome } from "./confirm-payment";
import { queryNotice, registerNotice } from "./fiscal-channel";

export async function registerPaymentNotice(id: string): Promise<void> {
  const n = await db().paymentNotice.findUnique({
    where: { id },
    include: { application: { select: { applicant: { select: { name: true } }, itemVersion: { select: { name: true } } } } },
  });
  if (!n || n.registeredAt) return;
  await registerNotice({ code: n.code, amountFen: n.amountFen, payer: n.application.applicant.name, item: n.application.itemVersion.name, dueDate: fromDateColumn(n.dueDate) });
  await db().paymentNotice.updateMany({ where: { id, registeredAt: null }, data: { registeredAt: new Date() } });
}

/** What the platform says of a notice, applied: PAID there → confirmed here (via QUERY). */
export async function queryPaymentNotice(id: string): Promise<ConfirmOutcome | "UNPAID" | "UNKNOWN_AT_PLATFORM" | null> {
  const n = await db().paymentNotice.findUnique({ where: { id }, select: { code: true, state: true } });
  if (!n || !paymentFacts(n.state).payable) return null;
  const there = await queryNotice(n.code);
  if (!there) return "UNKNOWN_AT_PLATFORM";
  if (there.state !== "PAID") return "UNPAID";
  const parsed = ZPaymentConfirmation.safeParse({ code: there.code, amountFen: there.amountFen, paidAt: there.paidAt, bankRef: there.bankRef });
  if (!parsed.success) return "AMOUNT_MISMATCH";
  return confirmPayment(parsed.data, "QUERY");
}
