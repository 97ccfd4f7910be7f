// 受理通知书 as an A4 PDF: the application number, item, applicant, both due dates, anything owed
// under 容缺受理, and where to follow progress (with a QR code to the public lookup) — and, for a visit
// to the window, a second QR code to rate it.
import "server-only";
import { renderQrPng } from "@/lib/server/catalogue/qr-code";
import { BUREAU } from "@/lib/bureau";
import { drawSeal } from "@/lib/server/pdf/draw-seal";
import { receiptDocument, type ReceiptFacts } from "./receipt-text";
import { BOLD, loadPdfFonts, REGULAR, shanghaiTime } from "@/lib/server/pdf/fonts";
import { openChinesePdf } from "@/lib/server/pdf/open-pdf";

export type ReceiptData = ReceiptFacts & { generatedAt: Date };

const MARGIN = 56;
const WIDTH = 595.28 - 2 * MARGIN;

export async function renderReceiptPdf(data: ReceiptData): Promise<Uint8Array> {
  // Under the seal the QR code verifies the receipt itself; the notes still give the progress lookup.
  const [fonts, qr, ratingQr] = await Promise.all([
    loadPdfFonts(),
    renderQrPng(data.sealed?.verifyUrl ?? data.progressUrl, { size: 320 }),
    data.ratingUrl ? renderQrPng(data.ratingUrl, { size: 320 }) : null,
  ]);
  const { doc, bytes } = openChinesePdf(fonts, {
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: `受理通知书 ${data.number}`, Author: data.bureauName, CreationDate: data.generatedAt },
  });

  const r = receiptDocument(data);
  doc.font(BOLD).fontSize(20).text(r.issuer, { align: "center" });
  doc.moveDown(0.2).fontSize(22).text(r.title, { align: "center" });
  doc.moveDown(0.3).font(REGULAR).fontSize(11).text(`办件编号：${data.number}`, { align: "center" });
  doc.moveDown(1);

  doc.font(REGULAR).fontSize(12);
  doc.text(r.salutation);
  doc.moveDown(0.4);
  doc.text(r.body, { indent: 24, lineGap: 4 });
  doc.moveDown(0.8);

  const labelWidth = 96;
  for (const [label, value] of r.rows) {
    const y = doc.y;
    const height = Math.max(doc.font(REGULAR).fontSize(11).heightOfString(value, { width: WIDTH - labelWidth - 12 }), 14) + 10;
    doc.rect(MARGIN, y, labelWidth, height).fillAndStroke("#f3f4f6", "#6b7280");
    doc.rect(MARGIN + labelWidth, y, WIDTH - labelWidth, height).stroke("#6b7280");
    doc.fillColor("#111827").font(BOLD).fontSize(11).text(label, MARGIN + 6, y + 5, { width: labelWidth - 12 });
    doc.font(REGULAR).text(value, MARGIN + labelWidth + 6, y + 5, { width: WIDTH - labelWidth - 12 });
    doc.y = y + height;
  }
  doc.x = MARGIN;
  doc.moveDown(1);
  doc.font(REGULAR).fontSize(10.5);
  for (const note of r.notes) doc.text(note, { lineGap: 3 }).moveDown(0.5);

  const qrY = Math.max(doc.y + 16, 600);
  doc.image(qr, MARGIN + WIDTH - 110, qrY, { width: 110, height: 110 });
  doc.font(REGULAR).fontSize(8).text(data.sealed ? "扫码验真" : "扫码查询办理进度", MARGIN + WIDTH - 110, qrY + 112, { width: 110, align: "center" });
  // A visit to the window: a second code, to rate it on a phone (好差评).
  if (ratingQr) {
    doc.image(ratingQr, MARGIN + WIDTH - 230, qrY, { width: 110, height: 110 });
    doc.font(REGULAR).fontSize(8).text("扫码评价本次服务", MARGIN + WIDTH - 230, qrY + 112, { width: 110, align: "center" });
  }
  if (data.sealed) drawSeal(doc, { name: BUREAU.officialName, x: MARGIN + 40, y: qrY - 10, size: 100, font: BOLD });
  doc.font(BOLD).fontSize(12).text(r.issuer, MARGIN, qrY + 20, { width: WIDTH - 130, align: "left" });
  doc.font(REGULAR).fontSize(12).text(r.issuedOn, MARGIN, qrY + 42, { width: WIDTH - 130 });
  doc.fontSize(9).fillColor("#4b5563").text(`生成时间：${shanghaiTime(data.generatedAt)}（北京时间）`, MARGIN, qrY + 70, { width: WIDTH - 130 });

  doc.end();
  return bytes;
}
