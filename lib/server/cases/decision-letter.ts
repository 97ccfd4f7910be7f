// 准予行政许可决定书 / 不予行政许可决定书: the text of a decision letter, shared by its page and PDF.
import "server-only";
import { BUREAU } from "@/lib/bureau";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { renderQrPng } from "@/lib/server/catalogue/qr-code";
import { BOLD, loadPdfFonts, REGULAR, shanghaiTime } from "@/lib/server/pdf/fonts";
import { openChinesePdf } from "@/lib/server/pdf/open-pdf";
import { drawSeal } from "@/lib/server/pdf/draw-seal";

export type DecisionLetterData = {
  number: string;
  approved: boolean;
  applicantName: string;
  itemName: string;
  legalBasis: string;
  subject: string;
  decidedAt: Date;
  reason: string;
  basis: string;
  delegation: string | null;
  sealed: { number: string; identifier: string } | null;
};

/** The item's legal basis, without the Administrative Licensing Law the letter cites itself. */
function itemBasis(legalBasis: string): string {
  return legalBasis
    .split(/[；;]/)
    .map((s) => s.trim())
    .filter((s) => s && !/^《中华人民共和国行政许可法》$/.test(s))
    .join("、");
}

/** The letter as paragraphs: title, addressee, body, remedies, signature block. */
export function decisionLetterText(d: DecisionLetterData) {
  const day = toPlainDate(d.decidedAt);
  const title = d.approved ? "准予行政许可决定书" : "不予行政许可决定书";
  const body = d.approved
    ? [
        `你（单位）于本局受理的“${d.itemName}”申请（办件编号 ${d.number}，申请内容：${d.subject}），经审查，符合法定条件和标准。根据${itemBasis(d.legalBasis) ? `${itemBasis(d.legalBasis)}和` : ""}《中华人民共和国行政许可法》第三十八条第一款的规定，本局决定准予行政许可。`,
        d.reason ? `审查意见：${d.reason}` : "",
        "本局将在作出决定之日起十日内向你（单位）颁发、送达行政许可证件。",
      ]
    : [
        `你（单位）于本局受理的“${d.itemName}”申请（办件编号 ${d.number}，申请内容：${d.subject}），经审查，本局决定不予行政许可。`,
        `理由：${d.reason}`,
        `依据：${d.basis}`,
      ];
  return {
    title,
    addressee: `${d.applicantName}：`,
    body: body.filter(Boolean),
    remedies: "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。",
    authority: d.delegation ? `（本决定依据局长授权作出，授权书编号：${d.delegation}）` : "（本决定由局长作出）",
    signature: [BUREAU.officialName, `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`],
    /** 文号 under the title when sealed, else the application number. */
    subtitle: d.sealed ? `${d.sealed.number}（办件编号 ${d.number}）` : `办件编号：${d.number}`,
  };
}

export async function renderDecisionLetterPdf(d: DecisionLetterData, verifyUrl: string): Promise<Uint8Array> {
  const text = decisionLetterText(d);
  const [fonts, qr] = await Promise.all([loadPdfFonts(), renderQrPng(verifyUrl, { size: 240 })]);
  const { doc, bytes } = openChinesePdf(fonts, { margins: { top: 64, bottom: 64, left: 64, right: 64 }, displayTitle: false, info: { Title: `${text.title} ${d.number}`, Author: BUREAU.name } });
  doc.font(BOLD).fontSize(18).text(BUREAU.name, { align: "center" });
  doc.moveDown(0.2).fontSize(22).text(text.title, { align: "center" });
  doc.moveDown(0.3).font(REGULAR).fontSize(11).text(text.subtitle, { align: "center" });
  doc.moveDown(1.2).fontSize(13).text(text.addressee);
  for (const p of text.body) doc.moveDown(0.4).text(p, { indent: 26, lineGap: 5 });
  doc.moveDown(0.4).text(text.remedies, { indent: 26, lineGap: 5 });
  doc.moveDown(0.6).fontSize(10).fillColor("#4b5563").text(text.authority);
  doc.fillColor("#111827").fontSize(13).moveDown(2);
  if (d.sealed) drawSeal(doc, { name: BUREAU.officialName, x: 595.28 - 64 - 140, y: doc.y - 40, size: 110, font: BOLD });
  for (const line of text.signature) doc.text(line, 64, undefined, { align: "right" });
  if (d.sealed) doc.fontSize(8).fillColor("#4b5563").text(`文书验真：${verifyUrl}`, 64, doc.y + 4);
  doc.image(qr, 64, doc.y + 10, { width: 80, height: 80 });
  doc.fontSize(8).fillColor("#4b5563").text(`生成时间：${shanghaiTime(new Date())}（北京时间）`, 150, doc.y + 60);
  doc.end();
  return bytes;
}
