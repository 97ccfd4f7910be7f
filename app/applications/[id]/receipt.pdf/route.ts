// 受理通知书 as a PDF download, for the applicant and case staff only.
import { renderReceiptPdf } from "@/lib/server/applications/receipt-pdf";
import { issuedDocumentPdf } from "@/lib/server/seals/issued-document-pdf";
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
  const facts = await receiptFactsOf(app);
  const render = () => renderReceiptPdf({ ...facts, generatedAt: new Date() });
  // Under the seal: signed with its key and fixed byte for byte; before the seal existed, as rendered.
  const sealed = app.documents.find((d) => d.kind === "RECEIPT");
  const pdf = sealed ? await issuedDocumentPdf(sealed.identifier, render) : await render();
  return pdfResponse(pdf, `receipt-${app.number}.pdf`, { private: true });
}
