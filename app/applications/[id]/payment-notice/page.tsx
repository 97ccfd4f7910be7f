// 缴款通知书, printable, for the payer and case staff: who pays what, on which legal basis, with
// which payment code, by when — and that it is paid at a bank (票款分离), never at the window.
import { notFound } from "next/navigation";
import { groupedCode } from "@/components/fees/payment-notice-card";
import { OfficialDocument } from "@/components/applications/official-document";
import { BUREAU } from "@/lib/bureau";
import { fenToYuan, paymentFacts } from "@/lib/domain/fees/fees";
import { amountInChineseCapitals } from "@/lib/domain/fees/amount-words";
import { loadApplicationOr404 } from "@/app/applications/load-application";
import { requireSignedIn } from "@/lib/server/auth/current-actor";

export const metadata = { title: "缴款通知书" };

export default async function PaymentNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireSignedIn(`/applications/${id}/payment-notice`);
  const app = await loadApplicationOr404(actor, id);
  const n = app.payment;
  if (!n) notFound();
  const facts = paymentFacts(n.state);
  return (
    <OfficialDocument title="非税收入缴款通知书" bureau={BUREAU.officialName} subtitle={<span data-testid="payment-notice-code">缴款码：{groupedCode(n.code)}</span>} testId="payment-notice-document">
      <table className="w-full border-collapse text-left">
        <tbody>
          {[
            ["缴款人", `${app.applicant.name}（${app.applicant.maskedId}）`],
            ["办件编号", app.number ?? ""],
            ["事项", app.item.name],
            ["执收单位", BUREAU.officialName],
            ["缴款期限", `${n.dueDate} 前`],
            ["状态", facts.paid ? `已缴款（${n.bankRef ?? ""}）` : facts.payable ? "待缴款" : "已失效"],
          ].map(([k, v]) => (
            <tr key={k} className="border border-slate-400">
              <th scope="row" className="w-32 border border-slate-400 px-2 py-1 font-normal">
                {k}
              </th>
              <td className="px-2 py-1">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="w-full border-collapse text-left">
        <thead>
          <tr>
            <th scope="col" className="border border-slate-400 px-2 py-1">
              收费项目
            </th>
            <th scope="col" className="border border-slate-400 px-2 py-1">
              金额（元）
            </th>
            <th scope="col" className="border border-slate-400 px-2 py-1">
              收费依据
            </th>
          </tr>
        </thead>
        <tbody>
          {n.lines.map((l) => (
            <tr key={l.name}>
              <td className="border border-slate-400 px-2 py-1">
                {l.name}
                {l.quantity !== undefined && l.unitFen !== undefined && `（${l.quantity} ${l.unit} × ${fenToYuan(l.unitFen)} 元/${l.unit}）`}
              </td>
              <td className="border border-slate-400 px-2 py-1">{fenToYuan(l.amountFen)}</td>
              <td className="border border-slate-400 px-2 py-1">{l.basis}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" className="border border-slate-400 px-2 py-1">
              合计
            </th>
            <td colSpan={2} className="border border-slate-400 px-2 py-1" data-testid="payment-notice-total">
              {fenToYuan(n.amountFen)}（大写：{amountInChineseCapitals(n.amountFen)}）
            </td>
          </tr>
        </tbody>
      </table>
      <p className="indent-8">请持本通知书或凭缴款码，在缴款期限内通过代理银行柜台、网上银行或手机银行缴款。本局窗口不收取现金（票款分离）。缴款经财政非税收入收缴平台确认后，即为您颁发证照。</p>
    </OfficialDocument>
  );
}
