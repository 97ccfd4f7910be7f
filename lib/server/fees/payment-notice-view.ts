// What a page shows of a payment notice (缴款通知书): the applicant's own page, the case file, the
// printable notice, the administrator's list.
import "server-only";
import { chargedLinesOf, type PaymentState } from "@/lib/domain/fees/fees";
import { fromDateColumn } from "@/lib/server/date-column";

export const PAYMENT_NOTICE_FIELDS = {
  id: true,
  code: true,
  amountFen: true,
  lines: true,
  dueDate: true,
  state: true,
  registeredAt: true,
  paidAt: true,
  bankRef: true,
  createdAt: true,
} as const;

type Row = { code: string; amountFen: number; lines: unknown; dueDate: Date; state: PaymentState; registeredAt: Date | null; paidAt: Date | null; bankRef: string | null; createdAt: Date };

export function paymentNoticeView(n: Row) {
  return { ...n, lines: chargedLinesOf(n.lines), dueDate: fromDateColumn(n.dueDate) };
}
