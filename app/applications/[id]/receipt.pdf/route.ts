// 受理通知书 as a PDF download, for the applicant and case staff only.
import { BUREAU } from "@/lib/bureau";
import { renderReceiptPdf } from "@/lib/server/applications/receipt-pdf";
import { publicUrl } from "@/lib/server/public-url";
import { getReceipt } from "@/lib/server/applications/queries";
import { currentActor } from "@/lib/server/auth/current-actor";
import { accessErrorResponse, pdfResponse } from "@/lib/server/http-errors";
import { owedOf } from "../load-receipt";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  let app;
  try {
    app = await getReceipt({ actor: await currentActor(), applicationId: (await params).id });
  } catch (e) {
    const refused = accessErrorResponse(e);
    if (refused) return refused;
    throw e;
  }
  const pdf = await renderReceiptPdf({
    bureauName: BUREAU.name,
    number: app.number ?? "",
    applicantName: app.applicant.name,
    maskedId: app.applicant.maskedId,
    itemName: app.item.name,
    itemVersion: app.item.version,
    subject: app.subject,
    acceptedAt: app.acceptedAt ?? new Date(),
    promisedDays: app.item.promisedDays,
    promisedDue: app.promisedDue ?? "",
    statutoryDays: app.item.statutoryDays,
    statutoryDue: app.statutoryDue ?? "",
    provisional: app.provisional,
    owed: owedOf(app),
    progressUrl: await publicUrl("/progress"),
    windowText: BUREAU.hall,
    hotline: BUREAU.hotline,
    generatedAt: new Date(),
  });
  return pdfResponse(pdf, `receipt-${app.number}.pdf`, { private: true });
}
