// 缴款通知书 on a page: what is payable (each fee line with its legal basis), the payment code, the
// due date and whether the fiscal platform confirmed the payment; for the payer, where to pay, the
// printable notice and "I have paid". The bureau never takes money: payment is at a bank.
import { ButtonLink } from "@/components/ui/button-link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, type FormAction } from "@/components/applications/action-form";
import { Data } from "@/components/ui/data";
import Link from "@/components/ui/link";
import { Card } from "@/components/ui/notice";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { fenToYuan, paymentFacts, type ChargedLine, type PaymentState } from "@/lib/domain/fees/fees";

export type PaymentNoticeShown = {
  code: string;
  amountFen: number;
  lines: ChargedLine[];
  dueDate: string;
  state: PaymentState;
  paidAt: Date | null;
  bankRef: string | null;
};

/** 20 digits in groups of four, as printed on notices and read out at a bank counter. */
export function groupedCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, "$1 ");
}

export async function PaymentNoticeCard({
  notice: n,
  applicationId,
  payUrl,
  askStatus,
  reissue,
}: {
  notice: PaymentNoticeShown;
  applicationId: string;
  /** The platform's payment page (payers only). */
  payUrl?: string | null;
  /** "I have paid — check now" (payers only, while unpaid). */
  askStatus?: FormAction;
  /** Issue an expired notice again (the window). */
  reissue?: FormAction;
}) {
  const [t, format] = await Promise.all([getTranslations("payments"), getFormatter()]);
  const { paid, payable, reissuable } = paymentFacts(n.state);
  return (
    <Card title={t("noticeTitle")}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1" data-testid="payment-notice">
        <dt className="text-slate-700">{t("code")}</dt>
        <dd className="font-mono" data-testid="payment-code">
          {groupedCode(n.code)}
        </dd>
        <dt className="text-slate-700">{t("amount")}</dt>
        <dd data-testid="payment-amount">{t("yuan", { amount: fenToYuan(n.amountFen) })}</dd>
        <dt className="text-slate-700">{t("due")}</dt>
        <dd>{format.dateTime(new Date(`${n.dueDate}T00:00:00+08:00`), { dateStyle: "medium", timeZone: BUREAU_TIME_ZONE })}</dd>
        <dt className="text-slate-700">{t("state")}</dt>
        <dd data-testid="payment-state">
          {t(`states.${n.state}`)}
          {paid && n.paidAt && ` · ${format.dateTime(n.paidAt, { dateStyle: "medium", timeStyle: "short", timeZone: BUREAU_TIME_ZONE })}`}
          {paid && n.bankRef && (
            <>
              {" · "}
              <Data>{n.bankRef}</Data>
            </>
          )}
        </dd>
      </dl>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="sr-only">{t("linesCaption")}</caption>
        <thead>
          <tr className="border-b">
            <th scope="col" className="py-1 pr-2">
              {t("lineName")}
            </th>
            <th scope="col" className="py-1 pr-2">
              {t("lineAmount")}
            </th>
            <th scope="col" className="py-1">
              {t("lineBasis")}
            </th>
          </tr>
        </thead>
        <tbody>
          {n.lines.map((l) => (
            <tr key={l.name} className="border-b border-slate-100">
              <td className="py-1 pr-2">
                <Data>{l.name}</Data>
                {l.quantity !== undefined && l.unitFen !== undefined && (
                  // 计量收费: the quantity the decider gave, at the published price.
                  <span className="block text-slate-700" data-testid="fee-quantity">
                    {l.quantity} <Data>{l.unit}</Data> × {t("yuan", { amount: fenToYuan(l.unitFen) })}
                  </span>
                )}
              </td>
              <td className="py-1 pr-2">{fenToYuan(l.amountFen)}</td>
              <td className="py-1">
                <Data>{l.basis}</Data>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-sm text-slate-700">{paid ? t("paidLead") : reissuable ? t("expiredLead") : t("unpaidLead")}</p>
      <div className="mt-3 flex flex-wrap items-start gap-4">
        {payable && payUrl && (
          <ButtonLink href={payUrl} external data-testid="payment-pay">
            {t("pay")}
          </ButtonLink>
        )}
        <Link href={`/applications/${applicationId}/payment-notice`} className="py-2 text-blue-800 underline" data-testid="payment-print">
          {t("print")}
        </Link>
        {payable && askStatus && <ActionForm action={askStatus} fields={{ applicationId }} label={t("askStatus")} done={t("asked")} variant="secondary" testId="payment-ask" />}
        {reissuable && reissue && <ActionForm action={reissue} fields={{ applicationId }} label={t("reissue")} done={t("reissued")} testId="payment-reissue" />}
      </div>
    </Card>
  );
}
