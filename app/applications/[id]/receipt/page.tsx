// 受理通知书, printable: an official document, in Chinese whatever the page language.
import { BUREAU } from "@/lib/bureau";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { publicUrl } from "@/lib/server/public-url";
import { loadReceipt, owedOf } from "../load-receipt";
import { OfficialDocument } from "@/components/applications/official-document";
import { Notice } from "@/components/ui/notice";
import { anyProvisional, PROVISIONAL_MARK, PROVISIONAL_NOTE, receiptDueRows } from "@/lib/server/applications/receipt-text";
import { getTranslations } from "next-intl/server";

export const metadata = { title: "受理通知书" };

export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const app = await loadReceipt(id);
  const owed = owedOf(app);
  const progress = await publicUrl("/progress");
  const provisional = anyProvisional(app.provisional);
  const t = await getTranslations("application");
  const acceptedOn = app.acceptedAt ? new Intl.DateTimeFormat("zh-CN", { dateStyle: "long", timeZone: BUREAU_TIME_ZONE }).format(app.acceptedAt) : "";
  return (
    <>
      {provisional && (
        <div className="mx-auto mb-4 max-w-3xl print:hidden" data-testid="provisional-notice">
          <Notice kind="info">{t("receiptProvisional")}</Notice>
        </div>
      )}
    <OfficialDocument
      title="受理通知书"
      bureau={BUREAU.name}
      subtitle={
        <>
          办件编号：<span className="font-mono" data-testid="receipt-number">{app.number}</span>
        </>
      }
      printLabel="打印受理通知书"
      pdfHref={`/applications/${id}/receipt.pdf`}
      testId="receipt"
    >
      <p>
        {app.applicant.name}（{app.applicant.maskedId}）：
      </p>
      <p className="indent-8 leading-8">
        {owed
          ? `你（单位）提出的“${app.item.name}”申请，主要申请材料齐全，符合法定形式，本机关决定予以容缺受理。请于 ${owed.by} 前补齐：${owed.names.join("、")}；补齐前不予发证。`
          : `你（单位）提出的“${app.item.name}”申请，申请材料齐全，符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定予以受理。`}
      </p>
      <table className="w-full border-collapse text-left">
        <tbody>
          {[
            ["办件编号", app.number],
            ["申请事项", `${app.item.name}（第 ${app.item.version} 版办事指南）`],
            ["申请内容", app.subject],
            ["受理日期", acceptedOn],
            ...receiptDueRows({ promisedDue: app.promisedDue ?? "", promisedDays: app.item.promisedDays, statutoryDue: app.statutoryDue ?? "", statutoryDays: app.item.statutoryDays, provisional: app.provisional }),
            ...(owed ? [["容缺材料", `${owed.names.join("、")}，请于 ${owed.by}${app.provisional.owedBy ? PROVISIONAL_MARK : ""} 前补齐`]] : []),
          ].map(([label, value]) => (
            <tr key={label}>
              <th scope="row" className="w-36 border border-slate-500 bg-slate-100 px-3 py-2 font-semibold">
                {label}
              </th>
              <td className="border border-slate-500 px-3 py-2">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm leading-7">
        期限按工作日计算，法定节假日不计，调休上班日计入；依法需要听证、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在期限内，本机关将书面告知。
      </p>
      {provisional && (
        <p className="text-sm leading-7" data-testid="receipt-provisional-note">
          {PROVISIONAL_NOTE}
        </p>
      )}
      <p className="text-sm leading-7">
        办理进度查询：访问 <span className="font-mono">{progress}</span>，输入办件编号和证件号码后四位即可查询。咨询电话：{BUREAU.hotline}。
      </p>
      <p className="text-sm leading-7">办理地点：{BUREAU.hall}</p>
      <p className="mt-8 text-right">
        {BUREAU.name}
        <br />
        {acceptedOn}
      </p>
    </OfficialDocument>
    </>
  );
}
