// 受理通知书, printable: an official document, in Chinese whatever the page language; its text is
// the same receiptDocument the PDF renders.
import { getTranslations } from "next-intl/server";
import { OfficialDocument } from "@/components/applications/official-document";
import { SealStamp } from "@/components/applications/seal-stamp";
import { Notice } from "@/components/ui/notice";
import { PROVISIONAL_NOTE, receiptDocument } from "@/lib/server/applications/receipt-text";
import { renderQrSvg } from "@/lib/server/catalogue/qr-code";
import { loadReceipt, receiptFactsOf } from "../load-receipt";

export const metadata = { title: "受理通知书" };

export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const app = await loadReceipt(id);
  const [facts, t] = await Promise.all([receiptFactsOf(app), getTranslations("application")]);
  const doc = receiptDocument(facts);
  const provisional = doc.notes.includes(PROVISIONAL_NOTE);
  const sealed = facts.sealed !== null;
  // A visit to the window is rated from the receipt: its QR code opens the rating on a phone.
  const ratingUrl = facts.ratingUrl ?? null;
  const ratingQr = ratingUrl ? await renderQrSvg(ratingUrl) : null;
  return (
    <>
      {provisional && (
        <div className="mx-auto mb-4 max-w-3xl print:hidden" data-testid="provisional-notice">
          <Notice kind="info">{t.rich("receiptProvisional", { zh: (c) => <span lang="zh-CN">{c}</span> })}</Notice>
        </div>
      )}
      <OfficialDocument
        title={doc.title}
        bureau={doc.issuer}
        subtitle={
          <>
            办件编号：<span className="font-mono" data-testid="receipt-number">{app.number}</span>
          </>
        }
        pdfHref={`/applications/${id}/receipt.pdf`}
        testId="receipt"
      >
        <p>{doc.salutation}</p>
        <p className="indent-8 leading-8">{doc.body}</p>
        <table className="w-full border-collapse text-left" data-testid="receipt-rows">
          <tbody>
            {doc.rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row" className="w-36 border border-slate-500 bg-slate-100 px-3 py-2 font-semibold">
                  {label}
                </th>
                <td className="border border-slate-500 px-3 py-2">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {doc.notes.map((note) => (
          <p key={note} className="text-sm leading-7" data-testid={note === PROVISIONAL_NOTE ? "receipt-provisional-note" : undefined}>
            {note}
          </p>
        ))}
        {ratingUrl && ratingQr && (
          <div className="mt-4 flex items-center gap-4 text-sm" data-testid="receipt-rating">
            <div className="h-24 w-24 shrink-0" aria-hidden="true" dangerouslySetInnerHTML={{ __html: ratingQr }} />
            <p>
              扫码评价本次窗口服务（好差评），或访问：
              <a href={ratingUrl} className="break-all font-mono underline" data-testid="receipt-rating-link">
                {ratingUrl}
              </a>
            </p>
          </div>
        )}
        <div className="relative mt-8 text-right">
          {sealed && <SealStamp testId="receipt-seal" />}
          <p className="relative">
            {doc.issuer}
            <br />
            {doc.issuedOn}
          </p>
        </div>
      </OfficialDocument>
    </>
  );
}
