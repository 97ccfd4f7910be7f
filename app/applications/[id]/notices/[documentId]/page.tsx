// A written notice under the seal (特别程序告知书): why and from when the clock stops, for how long,
// its 文号, the seal, and where to verify it. An official document: always Chinese.
import { BUREAU } from "@/lib/bureau";
import { OfficialDocument } from "@/components/applications/official-document";
import { SealStamp } from "@/components/applications/seal-stamp";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { requireSignedIn } from "@/lib/server/auth/current-actor";
import { orAccessPage } from "@/lib/server/http-errors";
import { publicUrl } from "@/lib/server/public-url";
import { DOCUMENT_TITLES, type DocumentKind } from "@/lib/server/seals/seal-document";
import { getSealedDocument } from "@/lib/server/seals/get-sealed-document";

export const metadata = { title: "告知书" };

export default async function NoticePage({ params }: { params: Promise<{ id: string; documentId: string }> }) {
  const { id, documentId } = await params;
  const actor = await requireSignedIn(`/applications/${id}/notices/${documentId}`);
  const doc = await orAccessPage(getSealedDocument({ actor, applicationId: id, documentId }));
  const r = doc.record as { application?: string; item?: string; reason?: string; note?: string; startedOn?: string; expectedDays?: number | null };
  const verify = await publicUrl(`/verify/${doc.identifier}`);
  return (
    <OfficialDocument title={DOCUMENT_TITLES[doc.kind as DocumentKind] ?? doc.kind} bureau={BUREAU.officialName} subtitle={<span data-testid="notice-number">{doc.number}</span>} printLabel="打印告知书" testId="sealed-notice">
      <p>{doc.applicantName}：</p>
      <p className="indent-8 leading-8">
        {`你（单位）申请的“${r.item ?? ""}”（办件编号 ${r.application ?? ""}），因需${r.reason ?? ""}，自 ${r.startedOn ?? ""} 起中止计时${r.expectedDays ? `，预计需要 ${r.expectedDays} 个工作日` : ""}。根据《中华人民共和国行政许可法》第四十五条，所需时间不计算在办理期限内；恢复计时后本机关将及时告知。`}
      </p>
      {r.note && <p className="text-sm leading-7">说明：{r.note}</p>}
      <p className="text-sm leading-7">
        文书验真：<span className="font-mono break-all">{verify}</span>
      </p>
      <div className="relative mt-8 text-right">
        <SealStamp />
        <p className="relative">
          {BUREAU.officialName}
          <br />
          {toPlainDate(doc.createdAt)}
        </p>
      </div>
    </OfficialDocument>
  );
}
