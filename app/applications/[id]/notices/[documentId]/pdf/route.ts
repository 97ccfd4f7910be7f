// A written notice under the seal as a signed PDF, for the applicant and case staff only.
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { currentActor } from "@/lib/server/auth/current-actor";
import { accessErrorResponse, pdfResponse } from "@/lib/server/http-errors";
import { publicUrl } from "@/lib/server/public-url";
import { getSealedDocument } from "@/lib/server/seals/get-sealed-document";
import { issuedDocumentPdf } from "@/lib/server/seals/issued-document-pdf";
import { renderNoticePdf } from "@/lib/server/seals/notice-pdf";
import { isNoticeKind, noticeText, type NoticeRecord } from "@/lib/server/seals/notice-text";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const { id, documentId } = await params;
  try {
    const doc = await getSealedDocument({ actor: await currentActor(), applicationId: id, documentId });
    if (!isNoticeKind(doc.kind)) return new Response("Not found", { status: 404 });
    const text = noticeText(doc.kind, doc.record as NoticeRecord, doc.applicantName);
    const verifyUrl = await publicUrl(`/verify/${doc.identifier}`);
    const pdf = await issuedDocumentPdf(doc.identifier, () => renderNoticePdf({ ...text, number: doc.number, issuedOn: toPlainDate(doc.createdAt), verifyUrl }));
    return pdfResponse(pdf, `${doc.number}.pdf`, { private: true });
  } catch (e) {
    const refused = accessErrorResponse(e);
    if (refused) return refused;
    throw e;
  }
}
