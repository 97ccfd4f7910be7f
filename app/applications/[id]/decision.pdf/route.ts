// The decision letter as a PDF, for the applicant and case staff only.
import { currentActor } from "@/lib/server/auth/current-actor";
import { getDecisionLetter } from "@/lib/server/cases/get-decision-letter";
import { renderDecisionLetterPdf } from "@/lib/server/cases/decision-letter";
import { accessErrorResponse, pdfResponse } from "@/lib/server/http-errors";
import { publicUrl } from "@/lib/server/public-url";
import { issuedDocumentPdf } from "@/lib/server/seals/issued-document-pdf";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const letter = await getDecisionLetter({ actor: await currentActor(), applicationId: (await params).id });
    // The QR code verifies the letter itself once it is under the seal; before, it leads to the lookup.
    const verifyUrl = await publicUrl(letter.sealed ? `/verify/${letter.sealed.identifier}` : "/progress");
    const render = () => renderDecisionLetterPdf(letter, verifyUrl);
    const pdf = letter.sealed ? await issuedDocumentPdf(letter.sealed.identifier, render) : await render();
    return pdfResponse(pdf, `decision-${letter.number}.pdf`, { private: true });
  } catch (e) {
    const refused = accessErrorResponse(e);
    if (refused) return refused;
    throw e;
  }
}
