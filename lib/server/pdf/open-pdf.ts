// The start every PDF of the portal shares: an A4 document in Chinese with Noto Sans SC registered
// under REGULAR and BOLD, and the promise of its bytes (collected from the moment it is created).
import "server-only";
import type * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { BOLD, collectPdf, REGULAR } from "./fonts";

type Font = Buffer | fontkit.Font;

export function openChinesePdf(
  fonts: { regular: Font; bold: Font },
  opts: { margins: PDFKit.PDFDocumentOptions["margins"]; info: PDFKit.DocumentInfo; bufferPages?: boolean; displayTitle?: boolean },
): { doc: PDFKit.PDFDocument; bytes: Promise<Uint8Array> } {
  const doc = new PDFDocument({
    size: "A4",
    margins: opts.margins,
    bufferPages: opts.bufferPages,
    // pdfkit ≥0.20 takes null for "no default font" (skips loading Helvetica); @types/pdfkit lags.
    font: null as unknown as string,
    lang: "zh-CN",
    displayTitle: opts.displayTitle ?? true,
    info: opts.info,
  });
  const bytes = collectPdf(doc);
  // pdfkit takes a parsed fontkit font as well as bytes; its types know only the bytes.
  doc.registerFont(REGULAR, fonts.regular as unknown as ArrayBuffer);
  doc.registerFont(BOLD, fonts.bold as unknown as ArrayBuffer);
  return { doc, bytes };
}
