// A written notice under the seal as an A4 PDF: title, 文号, the text of noticeText, the seal over
// the bureau's name, and a QR code to the notice's own verification page.
import "server-only";
import { BUREAU } from "@/lib/bureau";
import { renderQrPng } from "@/lib/server/catalogue/qr-code";
import { drawSeal } from "@/lib/server/pdf/draw-seal";
import { BOLD, loadPdfFonts, REGULAR } from "@/lib/server/pdf/fonts";
import { openChinesePdf } from "@/lib/server/pdf/open-pdf";
import type { NoticeText } from "./notice-text";

const MARGIN = 64;
const WIDTH = 595.28 - 2 * MARGIN;

export async function renderNoticePdf(n: NoticeText & { number: string; issuedOn: string; verifyUrl: string }): Promise<Uint8Array> {
  const [fonts, qr] = await Promise.all([loadPdfFonts(), renderQrPng(n.verifyUrl, { size: 320 })]);
  const { doc, bytes } = openChinesePdf(fonts, {
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: `${n.title} ${n.number}`, Author: BUREAU.officialName },
  });

  doc.font(BOLD).fontSize(20).text(BUREAU.officialName, { align: "center" });
  doc.moveDown(0.2).fontSize(22).text(n.title, { align: "center" });
  doc.moveDown(0.3).font(REGULAR).fontSize(11).text(n.number, { align: "center" });
  doc.moveDown(1.2).fontSize(12.5).text(n.salutation);
  for (const p of n.paragraphs) doc.moveDown(0.4).text(p, { indent: 25, lineGap: 5 });
  n.entries.forEach((e, i) => doc.moveDown(0.3).text(`${i + 1}. ${e.name}：${e.problem}`, MARGIN + 25, undefined, { width: WIDTH - 25, lineGap: 4 }));
  doc.x = MARGIN;
  for (const p of n.closing) doc.moveDown(0.4).text(p, MARGIN, undefined, { indent: 25, lineGap: 5, width: WIDTH });

  const y = Math.max(doc.y + 30, 560);
  drawSeal(doc, { name: BUREAU.officialName, x: MARGIN + WIDTH - 170, y: y - 30, size: 110, font: BOLD });
  doc.font(BOLD).fontSize(13).text(BUREAU.officialName, MARGIN, y, { width: WIDTH - 20, align: "right" });
  doc.font(REGULAR).fontSize(12.5).text(n.issuedOn, MARGIN, y + 22, { width: WIDTH - 20, align: "right" });
  doc.image(qr, MARGIN, y - 10, { width: 90, height: 90 });
  doc.fontSize(8).fillColor("#4b5563").text("扫码验真", MARGIN, y + 82, { width: 90, align: "center" });
  doc.end();
  return bytes;
}
