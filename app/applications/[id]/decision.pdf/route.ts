// The decision letter as a PDF, for the applicant and case staff only.
import { isAppError } from "@/lib/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { getDecisionLetter } from "@/lib/server/cases/case-queries";
import { renderDecisionLetterPdf } from "@/lib/server/cases/decision-letter";
import { publicUrl } from "@/lib/server/public-url";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const letter = await getDecisionLetter({ actor: await currentActor(), applicationId: (await params).id });
    const pdf = await renderDecisionLetterPdf(letter, await publicUrl("/progress"));
    return new Response(new Uint8Array(pdf), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="decision-${letter.number}.pdf"`, "Cache-Control": "private, no-store" },
    });
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "UNAUTHENTICATED")) return new Response("Not found", { status: e.code === "NOT_FOUND" ? 404 : 401 });
    throw e;
  }
}
