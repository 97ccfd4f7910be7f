// The receipt of an accepted application for its applicant or case staff; anyone else gets a 404.
// Page and PDF take their facts from here and their text from receiptDocument.
import { BUREAU } from "@/lib/bureau";
import { getReceipt } from "@/lib/server/applications/queries";
import type { ReceiptFacts } from "@/lib/server/applications/receipt-text";
import { requireSignedIn } from "@/lib/server/auth/current-actor";
import { orAccessPage } from "@/lib/server/http-errors";
import { publicUrl } from "@/lib/server/public-url";
import { windowRatingPath } from "@/lib/server/ratings/rate-service";

/** A visit to the window is rated from its receipt: the absolute address its QR code opens. */
async function windowRatingUrl(app: Receipt): Promise<string | null> {
  const path = windowRatingPath(app);
  return path ? publicUrl(path) : null;
}

type Receipt = Awaited<ReturnType<typeof getReceipt>>;

/** A document's 文号 and its verification address, when it went out under the seal. */
export async function sealedRef(doc: { number: string; identifier: string } | undefined) {
  return doc ? { number: doc.number, verifyUrl: await publicUrl(`/verify/${doc.identifier}`) } : null;
}

export async function loadReceipt(id: string) {
  const actor = await requireSignedIn(`/applications/${id}/receipt`);
  return orAccessPage(getReceipt({ actor, applicationId: id }));
}

/** What is owed under 容缺受理, from the materials' verdicts. */
export function owedOf(app: Receipt) {
  const names = app.materials.filter((m) => m.verdict === "OWED").map((m) => m.name);
  return app.facts.owesMaterials && names.length > 0 && app.owedBy ? { names, by: app.owedBy } : null;
}

export async function receiptFactsOf(app: Receipt): Promise<ReceiptFacts> {
  return {
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
    sealed: await sealedRef(app.documents.find((d) => d.kind === "RECEIPT")),
    // Filed at a township centre: accepted there, and the certificate is collected there.
    windowText: app.centre ? `${app.centre.name}${app.centre.address ? `（${app.centre.address}）` : ""}` : BUREAU.hall,
    hotline: BUREAU.hotline,
    ratingUrl: await windowRatingUrl(app),
  };
}
