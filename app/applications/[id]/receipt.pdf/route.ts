// 受理通知书 as a PDF download, for the applicant and case staff only.
import { BUREAU } from "@/lib/bureau";
import { renderReceiptPdf } from "@/lib/server/applications/receipt-pdf";
import { publicUrl } from "@/lib/server/public-url";
import { loadReceipt, owedOf } from "../load-receipt";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const app = await loadReceipt((await params).id);
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
    owed: owedOf(app),
    progressUrl: await publicUrl("/progress"),
    windowText: BUREAU.hall,
    hotline: BUREAU.hotline,
    generatedAt: new Date(),
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="receipt-${app.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
