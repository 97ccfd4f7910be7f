// The PDF of a document under the seal (受理通知书, 一次性告知书, 特别程序告知书, 决定书), fixed the
// first time it is asked for: rendered, signed with the key of the seal that stamped the document
// (a PDF signature readers list), stored under its SHA-256 and served byte for byte ever after, so an
// uploaded copy is recognised as issued by the bureau. Callers have checked access already.
import "server-only";
import { createHash } from "node:crypto";
import { BUREAU } from "@/lib/bureau";
import { db } from "@/lib/server/db";
import { readIssuedPdf, storeIssuedPdf } from "./issued-pdf-store";
import { DOCUMENT_TITLES, type DocumentKind } from "./seal-document";
import { loadSealKeys } from "./seal-keys";
import { signPdf } from "./sign-pdf";

export async function issuedDocumentPdf(identifier: string, render: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const doc = await db().sealedDocument.findUnique({ where: { identifier }, include: { seal: true } });
  if (!doc) return render();
  if (doc.pdfSha256) return readIssuedPdf(doc.pdfSha256);
  // A seal archived since it stamped the document signs nothing more: the page is served as rendered,
  // and the document still verifies by its record and QR code.
  if (doc.seal.status !== "ACTIVE" || !doc.seal.keyId) return render();
  const title = DOCUMENT_TITLES[doc.kind as DocumentKind] ?? doc.kind;
  const signed = await signPdf(await render(), loadSealKeys(doc.seal), { reason: `${title}（${doc.number}）`, name: doc.seal.name, location: BUREAU.officialName, widgetRect: [0, 0, 0, 0] });
  const sha256 = createHash("sha256").update(signed).digest("hex");
  storeIssuedPdf(sha256, signed);
  // Two first downloads at once: the first to fix its file wins, the other serves that one.
  const { count } = await db().sealedDocument.updateMany({ where: { id: doc.id, pdfSha256: null }, data: { pdfSha256: sha256 } });
  if (count === 1) return signed;
  const fixed = await db().sealedDocument.findUniqueOrThrow({ where: { id: doc.id }, select: { pdfSha256: true } });
  return readIssuedPdf(fixed.pdfSha256!);
}
