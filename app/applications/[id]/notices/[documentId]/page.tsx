// A written notice under the seal — 一次性告知书 (what to correct, all at once) or 特别程序告知书
// (why and from when the clock stops, for how long) — with its 文号, the seal, and where to verify
// it. An official document: always Chinese.
import { BUREAU } from "@/lib/bureau";
import { OfficialDocument } from "@/components/applications/official-document";
import { SealStamp } from "@/components/applications/seal-stamp";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { requireSignedIn } from "@/lib/server/auth/current-actor";
import { orAccessPage } from "@/lib/server/http-errors";
import { publicUrl } from "@/lib/server/public-url";
import { getSealedDocument } from "@/lib/server/seals/get-sealed-document";
import { notFound } from "next/navigation";
import { isNoticeKind, noticeText, type NoticeRecord } from "@/lib/server/seals/notice-text";

export const metadata = { title: "告知书" };

export default async function NoticePage({ params }: { params: Promise<{ id: string; documentId: string }> }) {
  const { id, documentId } = await params;
  const actor = await requireSignedIn(`/applications/${id}/notices/${documentId}`);
  const doc = await orAccessPage(getSealedDocument({ actor, applicationId: id, documentId }));
  if (!isNoticeKind(doc.kind)) notFound();
  const n = noticeText(doc.kind, doc.record as NoticeRecord, doc.applicantName);
  const verify = await publicUrl(`/verify/${doc.identifier}`);
  return (
    <OfficialDocument title={n.title} bureau={BUREAU.officialName} subtitle={<span data-testid="notice-number">{doc.number}</span>} testId="sealed-notice">
      <p>{n.salutation}</p>
      {n.paragraphs.map((p) => (
        <p key={p} className="indent-8 leading-8">
          {p}
        </p>
      ))}
      {n.entries.length > 0 && (
        <ol className="list-decimal space-y-1 pl-14 leading-8" data-testid="notice-entries">
          {n.entries.map((e) => (
            <li key={e.name}>
              {e.name}：{e.problem}
            </li>
          ))}
        </ol>
      )}
      {n.closing.map((p) => (
        <p key={p} className="indent-8 leading-8">
          {p}
        </p>
      ))}
      <p className="text-sm leading-7">
        文书验真：<span className="font-mono break-all">{verify}</span> ·{" "}
        <a href={`/applications/${id}/notices/${documentId}/pdf`} className="text-blue-800 underline" data-testid="notice-pdf">
          下载 PDF
        </a>
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
