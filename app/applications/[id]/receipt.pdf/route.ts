// 受理通知书 as a PDF download, for the applicant and case staff only.
import { renderReceiptPdf } from "@/lib/server/applications/receipt-pdf";
import { getReceipt } from "@/lib/server/applications/queries";
import { currentActor } from "@/lib/server/auth/current-actor";
import { accessErrorResponse, pdfResponse } from "@/lib/server/http-errors";
import { receiptFactsOf } from "../load-receipt";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  let app;
  try {
    app = await getReceipt({ actor: await currentActor(), applicationId: (await params).id });
  } catch (e) {
    const refused = accessErrorResponse(e);
    if (refused) return refused;
    throw e;
  }
  const pdf = await renderReceiptPdf({ ...(await receiptFactsOf(app)), generatedAt: new Date() });
  return pdfResponse(pdf, `receipt-${app.number}.pdf`, { private: true });
}
