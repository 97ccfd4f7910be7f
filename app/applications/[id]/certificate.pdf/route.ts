// The electronic certificate (电子证照) as issued and signed: for its applicant and case staff only.
import { getCertificateFile } from "@/lib/server/certificates/certificate-file";
import { currentActor } from "@/lib/server/auth/current-actor";
import { accessErrorResponse, pdfResponse } from "@/lib/server/http-errors";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const file = await getCertificateFile({ actor: await currentActor(), applicationId: (await params).id });
    return pdfResponse(file.bytes, `certificate-${file.identifier}.pdf`, { private: true });
  } catch (e) {
    const refused = accessErrorResponse(e);
    if (refused) return refused;
    throw e;
  }
}
