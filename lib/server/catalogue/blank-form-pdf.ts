// The blank application form (申请表) of one item version, as an A4 PDF to fill in by hand: the
// common particulars, the item's own questions, the materials to attach, and the declaration to sign.
// The guides promise it ("窗口及网上提供空白表格"); an official document, so always in Chinese.
import "server-only";
import { DECLARATION_TEXT } from "@/lib/domain/applications/declaration";
import { BOLD, loadPdfFonts, REGULAR } from "@/lib/server/pdf/fonts";
import { openChinesePdf } from "@/lib/server/pdf/open-pdf";

export type BlankFormData = {
  bureauName: string;
  itemName: string;
  implementationCode: string;
  version: number;
  /** The item version's own questions (labels), after the common particulars. */
  questions: string[];
  materials: string[];
};

const MARGIN = 48;
const WIDTH = 595.28 - 2 * MARGIN;
const LABEL = 130;
const BORDER = "#6b7280";

export async function renderBlankFormPdf(data: BlankFormData): Promise<Uint8Array> {
  const fonts = await loadPdfFonts();
  const { doc, bytes } = openChinesePdf(fonts, {
    margins: { top: MARGIN, bottom: 56, left: MARGIN, right: MARGIN },
    info: { Title: `${data.itemName} 申请表`, Author: data.bureauName, Subject: `${data.implementationCode} 第 ${data.version} 版` },
  });
  doc.fillColor("#111827").strokeColor(BORDER).lineWidth(0.6);

  doc.font(BOLD).fontSize(16).text(`${data.itemName}`, { align: "center" });
  doc.moveDown(0.2).fontSize(14).text("申请表", { align: "center" });
  doc.moveDown(0.4).font(REGULAR).fontSize(9).fillColor("#4b5563").text(`${data.bureauName} · 事项编码 ${data.implementationCode} · 第 ${data.version} 版`, { align: "center" });
  doc.fillColor("#111827").moveDown(1);

  const row = (label: string, height = 26) => {
    if (doc.y + height > 841.89 - 56) doc.addPage();
    const y = doc.y;
    doc.rect(MARGIN, y, LABEL, height).fillAndStroke("#f3f4f6", BORDER);
    doc.rect(MARGIN + LABEL, y, WIDTH - LABEL, height).stroke(BORDER);
    doc.fillColor("#111827").font(REGULAR).fontSize(10).text(label, MARGIN + 6, y + 7, { width: LABEL - 12 });
    doc.x = MARGIN;
    doc.y = y + height;
  };
  const heading = (text: string) => {
    if (doc.y + 40 > 841.89 - 56) doc.addPage();
    doc.moveDown(0.8).font(BOLD).fontSize(11).text(text, MARGIN, doc.y);
    doc.moveDown(0.3);
  };

  heading("一、申请人信息");
  for (const label of ["申请人（姓名/名称）", "证件类型及号码", "法定代表人/负责人", "联系人", "联系电话", "联系地址"]) row(label);
  heading("二、申请事项");
  row("申请内容", 60);
  for (const q of data.questions) row(q);
  heading("三、提交的材料");
  data.materials.forEach((m, i) => row(`${i + 1}. ${m.length > 22 ? `${m.slice(0, 21)}…` : m}`));
  heading("四、申请人承诺");
  doc.font(REGULAR).fontSize(10).text(DECLARATION_TEXT, MARGIN, doc.y, { width: WIDTH, lineGap: 3 });
  doc.moveDown(2).text("申请人（签字/盖章）：____________________        日期：______年____月____日", MARGIN, doc.y, { width: WIDTH });
  doc.end();
  return bytes;
}
