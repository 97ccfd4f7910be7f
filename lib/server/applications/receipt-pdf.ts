// 受理通知书 as an A4 PDF: the application number, item, applicant, both due dates, anything owed
// under 容缺受理, and where to follow progress (with a QR code to the public lookup).
import "server-only";
import PDFDocument from "pdfkit";
import { renderQrPng } from "@/lib/server/catalogue/qr-code";
import { anyProvisional, PROVISIONAL_MARK, PROVISIONAL_NOTE, receiptDueRows } from "./receipt-text";
import { BOLD, collectPdf, loadPdfFonts, REGULAR, shanghaiTime } from "@/lib/server/pdf/fonts";

export type ReceiptData = {
  bureauName: string;
  number: string;
  applicantName: string;
  maskedId: string;
  itemName: string;
  itemVersion: number;
  subject: string;
  acceptedAt: Date;
  promisedDays: number;
  promisedDue: string;
  statutoryDays: number;
  statutoryDue: string;
  /** Dates counted over a year whose holiday notice is not out yet. */
  provisional: { promisedDue: boolean; statutoryDue: boolean; owedBy: boolean };
  /** 容缺受理: what is owed and by when. */
  owed: { names: string[]; by: string } | null;
  progressUrl: string;
  windowText: string;
  hotline: string;
  generatedAt: Date;
};

const MARGIN = 56;
const WIDTH = 595.28 - 2 * MARGIN;

export async function renderReceiptPdf(data: ReceiptData): Promise<Uint8Array> {
  const [fonts, qr] = await Promise.all([loadPdfFonts(), renderQrPng(data.progressUrl, { size: 320 })]);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    font: null as unknown as string,
    lang: "zh-CN",
    displayTitle: true,
    info: { Title: `受理通知书 ${data.number}`, Author: data.bureauName, CreationDate: data.generatedAt },
  });
  const bytes = collectPdf(doc);
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);

  doc.font(BOLD).fontSize(20).text(data.bureauName, { align: "center" });
  doc.moveDown(0.2).fontSize(22).text("受理通知书", { align: "center" });
  doc.moveDown(0.3).font(REGULAR).fontSize(11).text(`办件编号：${data.number}`, { align: "center" });
  doc.moveDown(1);

  doc.font(REGULAR).fontSize(12);
  doc.text(`${data.applicantName}（${data.maskedId}）：`);
  doc.moveDown(0.4);
  const acceptedOn = shanghaiTime(data.acceptedAt).slice(0, 10);
  const body = data.owed
    ? `你（单位）于 ${acceptedOn} 提出的“${data.itemName}”申请，主要申请材料齐全，符合法定形式，本机关决定予以容缺受理。请于 ${data.owed.by} 前补齐下列材料：${data.owed.names.join("、")}；补齐前不予发证。`
    : `你（单位）于 ${acceptedOn} 提出的“${data.itemName}”申请，申请材料齐全，符合法定形式，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定予以受理。`;
  doc.text(body, { indent: 24, lineGap: 4 });
  doc.moveDown(0.8);

  const rows: [string, string][] = [
    ["办件编号", data.number],
    ["申请事项", `${data.itemName}（第 ${data.itemVersion} 版办事指南）`],
    ["申请内容", data.subject],
    ["受理时间", `${shanghaiTime(data.acceptedAt)}（北京时间）`],
    ...receiptDueRows(data),
  ];
  if (data.owed) rows.push(["容缺材料", `${data.owed.names.join("、")}，请于 ${data.owed.by}${data.provisional.owedBy ? PROVISIONAL_MARK : ""} 前补齐`]);
  const labelWidth = 96;
  for (const [label, value] of rows) {
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
  doc.text("期限按工作日计算，法定节假日不计，调休上班日计入；依法需要听证、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在期限内，本机关将书面告知。", { lineGap: 3 });
  if (anyProvisional(data.provisional)) doc.moveDown(0.5).text(PROVISIONAL_NOTE, { lineGap: 3 });
  doc.moveDown(0.5);
  doc.text(`办理进度查询：扫描右下二维码或访问 ${data.progressUrl}，输入办件编号和证件号码后四位即可查询。咨询电话：${data.hotline}。`, { lineGap: 3 });
  doc.moveDown(0.5);
  doc.text(`办理地点：${data.windowText}`, { lineGap: 3 });

  const qrY = Math.max(doc.y + 16, 600);
  doc.image(qr, MARGIN + WIDTH - 110, qrY, { width: 110, height: 110 });
  doc.font(REGULAR).fontSize(8).text("扫码查询办理进度", MARGIN + WIDTH - 110, qrY + 112, { width: 110, align: "center" });
  doc.font(BOLD).fontSize(12).text(data.bureauName, MARGIN, qrY + 20, { width: WIDTH - 130, align: "left" });
  doc.font(REGULAR).fontSize(12).text(`${acceptedOn}`, MARGIN, qrY + 42, { width: WIDTH - 130 });
  doc.fontSize(9).fillColor("#4b5563").text(`生成时间：${shanghaiTime(data.generatedAt)}（北京时间）`, MARGIN, qrY + 70, { width: WIDTH - 130 });

  doc.end();
  return bytes;
}
