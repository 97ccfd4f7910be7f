// 行政许可证 as a one-page A4 PDF: holder, item and permitted content in a table, the issuer with the red
// seal stamped over it, a QR code to the public verification page, and where the signature widget goes.
import "server-only";
import { renderQrPng } from "@/lib/server/catalogue/qr-code";
import { drawSeal } from "@/lib/server/pdf/draw-seal";
import { BOLD, loadParsedPdfFonts, REGULAR } from "@/lib/server/pdf/fonts";
import { openChinesePdf } from "@/lib/server/pdf/open-pdf";

export type CertificatePdfData = {
  /** The issuer, e.g. 广安市广安区行政审批局. */
  bureauName: string;
  /** The name drawn around the seal. */
  sealName: string;
  /** e.g. 食品经营许可证, or the item's name. */
  title: string;
  /** e.g. 广安审批食经〔2026〕第00012号. */
  number: string;
  /** The GB/T 36904 identifier, printed small. */
  identifier: string;
  holderName: string;
  /** e.g. 统一社会信用代码 / 公民身份号码. */
  holderIdLabel: string;
  holderId: string;
  itemName: string;
  /** Business content (许可内容), one table row each. */
  content: { label: string; value: string }[];
  /** YYYY-MM-DD; validTo null means 长期. */
  validFrom: string;
  validTo: string | null;
  /** YYYY-MM-DD. */
  issuedOn: string;
  /** 决定书文号, or the application number. */
  decisionRef: string;
  /** Target of the QR code. */
  verifyUrl: string;
  /** Prints 「演示用电子印章，非正式证照」 when true. */
  demo: boolean;
  /** 补发 / 变更 on a replacement, printed beside the number. */
  replacement?: "补发" | "变更";
};

/** [x1, y1, x2, y2] in PDF user space (points, origin bottom-left), as signature widgets want it. */
export type PdfRect = [number, number, number, number];

export const DEMO_NOTICE = "演示用电子印章，非正式证照";

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 56;
const WIDTH = PAGE_WIDTH - 2 * MARGIN;
const LABEL_WIDTH = 120;
const PAD = 6;
const SEAL_SIZE = 120;

// The bottom block sits at fixed positions (pdfkit's y-down coordinates) so the seal is always in
// the same place on the page; the table must end above TABLE_BOTTOM.
const TABLE_BOTTOM = 620;
const ISSUER_Y = 690;
const QR_Y = 655;
const QR_SIZE = 96;
const IDENTIFIER_Y = 790;
// Table text shrinks in these steps before the certificate is declared too long for one page.
const TABLE_FONT_SIZES = [12, 11, 10, 9];

/** "2026-11-23" → "2026年11月23日", the form printed on certificates. */
function chineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Expected a YYYY-MM-DD date: ${JSON.stringify(isoDate)}`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

function tableRows(c: CertificatePdfData): [string, string][] {
  return [
    ["持证主体", c.holderName],
    [c.holderIdLabel, c.holderId],
    ["许可事项", c.itemName],
    ...c.content.map((row): [string, string] => [row.label, row.value]),
    ["有效期限", c.validTo === null ? "长期" : `${c.validFrom} 至 ${c.validTo}`],
    ["决定文号", c.decisionRef],
  ];
}

export async function renderCertificatePdf(c: CertificatePdfData): Promise<{ pdf: Uint8Array; sealRect: PdfRect }> {
  const [fonts, qr] = await Promise.all([loadParsedPdfFonts(), renderQrPng(c.verifyUrl, { size: 320 })]);
  const { doc, bytes } = openChinesePdf(fonts, {
    // A small bottom margin: the identifier line sits below where pdfkit would otherwise start a new page.
    margins: { top: MARGIN, bottom: 24, left: MARGIN, right: MARGIN },
    info: { Title: `${c.title} ${c.number}`, Author: c.bureauName },
  });

  // Double frame, as on printed licences.
  doc.lineWidth(2).rect(24, 24, PAGE_WIDTH - 48, PAGE_HEIGHT - 48).stroke("#9a3412");
  doc.lineWidth(0.5).rect(30, 30, PAGE_WIDTH - 60, PAGE_HEIGHT - 60).stroke("#9a3412");

  doc.fillColor("#111827").font(BOLD).fontSize(26).text(c.title, MARGIN, 72, { width: WIDTH, align: "center" });
  doc.moveDown(0.3).font(REGULAR).fontSize(12).text(c.replacement ? `${c.number}（${c.replacement}）` : c.number, { width: WIDTH, align: "center" });
  if (c.demo) doc.moveDown(0.3).fillColor("#b91c1c").font(BOLD).fontSize(11).text(`【${DEMO_NOTICE}】`, { width: WIDTH, align: "center" });
  doc.fillColor("#111827");
  drawTable(doc, tableRows(c), doc.y + 20);

  // Issuer and date, centred in the right half; the seal is drawn afterwards so it lies over them.
  const issuerX = MARGIN + WIDTH / 2;
  const issuerWidth = WIDTH / 2;
  doc.font(BOLD).fontSize(14).text(c.bureauName, issuerX, ISSUER_Y, { width: issuerWidth, align: "center" });
  doc.font(REGULAR).fontSize(12).text(`发证日期：${chineseDate(c.issuedOn)}`, issuerX, ISSUER_Y + 24, { width: issuerWidth, align: "center" });
  const sealX = issuerX + issuerWidth / 2 - SEAL_SIZE / 2;
  const sealY = ISSUER_Y + 16 - SEAL_SIZE / 2; // centred between the two lines
  drawSeal(doc, { name: c.sealName, x: sealX, y: sealY, size: SEAL_SIZE, font: BOLD });

  doc.image(qr, MARGIN, QR_Y, { width: QR_SIZE, height: QR_SIZE });
  doc.fillColor("#111827").font(REGULAR).fontSize(9).text("扫码验真", MARGIN, QR_Y + QR_SIZE + 2, { width: QR_SIZE, align: "center" });
  doc.fillColor("#4b5563").fontSize(7.5).text(`证照标识：${c.identifier}`, MARGIN, IDENTIFIER_Y, { width: WIDTH, align: "center" });

  doc.end();
  // pdfkit draws with y down from the top; PDF user space has y up from the bottom.
  const sealRect: PdfRect = [sealX, PAGE_HEIGHT - (sealY + SEAL_SIZE), sealX + SEAL_SIZE, PAGE_HEIGHT - sealY];
  return { pdf: await bytes, sealRect };
}

/** A two-column bordered table from `top`, in the largest font size that keeps it above TABLE_BOTTOM. */
function drawTable(doc: PDFKit.PDFDocument, rows: [string, string][], top: number): void {
  const valueWidth = WIDTH - LABEL_WIDTH - 2 * PAD;
  const heightsAt = (size: number) =>
    rows.map(([label, value]) =>
      Math.max(
        doc.font(BOLD).fontSize(size).heightOfString(label, { width: LABEL_WIDTH - 2 * PAD }),
        doc.font(REGULAR).fontSize(size).heightOfString(value || " ", { width: valueWidth }),
      ) + 2 * PAD + 4,
    );
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const size = TABLE_FONT_SIZES.find((s) => top + sum(heightsAt(s)) <= TABLE_BOTTOM);
  if (size === undefined) throw new RangeError("Certificate content does not fit on one A4 page");

  const heights = heightsAt(size);
  let y = top;
  rows.forEach(([label, value], i) => {
    doc.lineWidth(0.75);
    doc.rect(MARGIN, y, LABEL_WIDTH, heights[i]).fillAndStroke("#f5f5f4", "#57534e");
    doc.rect(MARGIN + LABEL_WIDTH, y, WIDTH - LABEL_WIDTH, heights[i]).stroke("#57534e");
    doc.fillColor("#111827").font(BOLD).fontSize(size).text(label, MARGIN + PAD, y + PAD + 2, { width: LABEL_WIDTH - 2 * PAD });
    doc.font(REGULAR).text(value, MARGIN + LABEL_WIDTH + PAD, y + PAD + 2, { width: valueWidth });
    y += heights[i];
  });
  doc.x = MARGIN;
  doc.y = y;
}
