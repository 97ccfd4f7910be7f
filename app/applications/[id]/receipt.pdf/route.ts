// 受理通知书 as a PDF download, for the applicant and case staff only.
import { BUREAU } from "@/lib/bureau";
import { renderReceiptPdf } from "@/lib/server/applications/receipt-pdf";
import { publicUrl } from "@/lib/server/public-url";
import { isAppError } from "@/lib/errors";
import { getReceipt } from "@/lib/server/applications/queries";
import { currentActor } from "@/lib/server/auth/current-actor";
import { owedOf } from "../load-receipt";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  let app;
  try {
    app = await getReceipt({ actor: await currentActor(), applicationId: (await params).id });
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "UNAUTHENTICATED")) {
      return new Response(e.code === "NOT_FOUND" ? "Not found" : "Unauthorized", { status: e.code === "NOT_FOUND" ? 404 : 401 });
    }
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
