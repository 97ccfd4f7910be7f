// The printable one-time notice slip (申报材料一次性告知单) of one item version, as an A4 PDF.
import "server-only";
import { BOLD, loadPdfFonts, REGULAR, shanghaiTime } from "@/lib/server/pdf/fonts";
import { openChinesePdf } from "@/lib/server/pdf/open-pdf";
import { renderQrPng } from "./qr-code";

export type SlipData = {
  bureauName: string;
  title: string;
  itemName: string;
  implementationCode: string;
  /** The item version the slip describes. */
  version: number;
  /** "承诺件" / "即办件" / "上报件" */
  kindLabel: string;
  statutoryDays: number;
  /** 0 = decided on the spot (当场办结). */
  promisedDays: number;
  feeNote: string;
  visitsRequired: number;
  /** Where and when the window is open. */
  windowText: string;
  materials: { name: string; kindLabel: string; originalRequired: boolean; copies: number; note: string }[];
  /** Also encoded in the QR code printed on the slip. */
  guideUrl: string;
  /** Prints a visible note that limits, fees and materials are demo values (示例值). */
  demoValues: boolean;
  generatedAt: Date;
};

// ---- Layout -----------------------------------------------------------------------------------
const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = { top: 48, bottom: 60, left: 48, right: 48 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom;
const CELL_PAD = 4;
const LINE_GAP = 2;
const BORDER = "#6b7280";
const SHADE = "#f3f4f6";
const INK = "#111827";
const MUTED = "#4b5563";

const QR_PANEL = 120;
const QR_SIZE = 104;

// Column widths of the materials table; the two free-text columns take what is left.
const MATERIAL_COLUMNS = [
  { header: "序号", width: 30, align: "center" },
  { header: "材料名称", width: 0, align: "left" },
  { header: "类型", width: 38, align: "center" },
  { header: "原件/复印件", width: 58, align: "center" },
  { header: "份数", width: 34, align: "center" },
  { header: "备注", width: 0, align: "left" },
] as const;
const FREE_WIDTH = CONTENT_WIDTH - MATERIAL_COLUMNS.reduce((sum, c) => sum + c.width, 0);
const MATERIAL_WIDTHS = MATERIAL_COLUMNS.map((c, i) => c.width || (i === 1 ? Math.round(FREE_WIDTH * 0.55) : 0));
MATERIAL_WIDTHS[5] = CONTENT_WIDTH - MATERIAL_WIDTHS.reduce((sum, w) => sum + w, 0);

type Cell = { text: string; width: number; bold?: boolean; align?: "left" | "center"; fill?: string };

function daysText(days: number): string {
  return days === 0 ? "当场办结" : `${days} 个工作日`;
}

/** Renders the slip; the PDF embeds subsets of Noto Sans SC, so its text can be selected and searched. */
export async function renderSlipPdf(data: SlipData): Promise<Uint8Array> {
  const [fonts, qrPng] = await Promise.all([loadPdfFonts(), renderQrPng(data.guideUrl, { size: 416 })]);

  const { doc, bytes } = openChinesePdf(fonts, {
    margins: MARGIN,
    bufferPages: true, // footers need the page count, known only at the end
    info: {
      Title: `${data.title}：${data.itemName}`,
      Author: data.bureauName,
      Subject: `${data.implementationCode} 第 ${data.version} 版`,
      CreationDate: data.generatedAt,
    },
  });
  doc.fillColor(INK).strokeColor(BORDER).lineWidth(0.6);

  let y = MARGIN.top;

  const measure = (text: string, width: number, size: number, bold = false) =>
    doc.font(bold ? BOLD : REGULAR).fontSize(size).heightOfString(text, { width, lineGap: LINE_GAP });

  const write = (text: string, x: number, top: number, width: number, size: number, opts: { bold?: boolean; align?: "left" | "center" | "right"; color?: string } = {}) => {
    doc
      .font(opts.bold ? BOLD : REGULAR)
      .fontSize(size)
      .fillColor(opts.color ?? INK)
      .text(text, x, top, { width, align: opts.align ?? "left", lineGap: LINE_GAP });
  };

  /** Starts a new page when `height` does not fit; returns true if it did. */
  const ensureSpace = (height: number): boolean => {
    if (y + height <= CONTENT_BOTTOM || y === MARGIN.top) return false;
    doc.addPage();
    y = MARGIN.top;
    return true;
  };

  const rowHeight = (cells: Cell[], size: number) =>
    Math.max(...cells.map((c) => measure(c.text, c.width - 2 * CELL_PAD, size, c.bold))) + 2 * CELL_PAD;

  const drawRow = (x: number, cells: Cell[], size: number, height: number) => {
    let cx = x;
    for (const cell of cells) {
      if (cell.fill) doc.rect(cx, y, cell.width, height).fill(cell.fill);
      doc.rect(cx, y, cell.width, height).stroke(BORDER);
      write(cell.text, cx + CELL_PAD, y + CELL_PAD, cell.width - 2 * CELL_PAD, size, { bold: cell.bold, align: cell.align });
      cx += cell.width;
    }
    y += height;
  };

  // Title block.
  write(data.title, MARGIN.left, y, CONTENT_WIDTH, 20, { bold: true, align: "center" });
  y += measure(data.title, CONTENT_WIDTH, 20, true) + 2;
  write(data.bureauName, MARGIN.left, y, CONTENT_WIDTH, 12, { align: "center", color: MUTED });
  y += measure(data.bureauName, CONTENT_WIDTH, 12) + 10;

  if (data.demoValues) {
    const note = "【示例值】本告知单中的办理时限、收费标准和申报材料为系统演示用的示例值，不作为办理依据；实际要求以窗口告知为准。";
    const height = measure(note, CONTENT_WIDTH - 16, 10, true) + 12;
    doc.rect(MARGIN.left, y, CONTENT_WIDTH, height).fillAndStroke("#fff7ed", "#c2410c");
    write(note, MARGIN.left + 8, y + 6, CONTENT_WIDTH - 16, 10, { bold: true, color: "#9a3412" });
    y += height + 10;
  }

  // Item facts on the left, the QR code to the guide on the right.
  const blockTop = y;
  const infoWidth = CONTENT_WIDTH - QR_PANEL - 12;
  const labelWidth = 86;
  const facts: [string, string][] = [
    ["事项名称", data.itemName],
    ["实施编码", data.implementationCode],
    ["版本", `第 ${data.version} 版`],
    ["办件类型", data.kindLabel],
    ["法定办结时限", daysText(data.statutoryDays)],
    ["承诺办结时限", daysText(data.promisedDays)],
    ["收费标准", data.feeNote],
    ["到办事现场次数", `${data.visitsRequired} 次`],
    ["办理窗口", data.windowText],
  ];
  for (const [label, value] of facts) {
    const cells: Cell[] = [
      { text: label, width: labelWidth, bold: true, fill: SHADE },
      { text: value, width: infoWidth - labelWidth, bold: label === "事项名称" },
    ];
    const height = rowHeight(cells, 10);
    ensureSpace(height);
    drawRow(MARGIN.left, cells, 10, height);
  }
  const factsBottom = y;

  const qrX = MARGIN.left + CONTENT_WIDTH - QR_PANEL;
  doc.switchToPage(doc.bufferedPageRange().start); // the facts may have spilled onto page 2
  doc.image(qrPng, qrX + (QR_PANEL - QR_SIZE) / 2, blockTop, { width: QR_SIZE, height: QR_SIZE });
  let qrY = blockTop + QR_SIZE + 2;
  write("扫码查看网上办事指南", qrX, qrY, QR_PANEL, 8, { align: "center", bold: true });
  qrY += measure("扫码查看网上办事指南", QR_PANEL, 8, true) + 1;
  write(data.guideUrl, qrX, qrY, QR_PANEL, 6.5, { align: "center", color: MUTED });
  qrY += measure(data.guideUrl, QR_PANEL, 6.5);
  const lastPage = doc.bufferedPageRange().count - 1;
  doc.switchToPage(lastPage);
  y = lastPage === 0 ? Math.max(factsBottom, qrY) + 14 : factsBottom + 14;

  // What the applicant must bring.
  const intro =
    "请按本告知单一次性备齐下列材料。材料齐全、符合法定形式的，窗口当场受理；材料不齐全或者不符合法定形式的，窗口一次性告知需要补正的全部内容。";
  const heading = `申报材料清单（共 ${data.materials.length} 项）`;
  ensureSpace(measure(heading, CONTENT_WIDTH, 12, true) + measure(intro, CONTENT_WIDTH, 9) + 40);
  write(heading, MARGIN.left, y, CONTENT_WIDTH, 12, { bold: true });
  y += measure(heading, CONTENT_WIDTH, 12, true) + 2;
  write(intro, MARGIN.left, y, CONTENT_WIDTH, 9, { color: MUTED });
  y += measure(intro, CONTENT_WIDTH, 9) + 6;

  const headerCells: Cell[] = MATERIAL_COLUMNS.map((c, i) => ({ text: c.header, width: MATERIAL_WIDTHS[i], bold: true, align: "center", fill: SHADE }));
  const headerHeight = rowHeight(headerCells, 9);
  if (data.materials.length === 0) {
    write("本事项无需提交申报材料。", MARGIN.left, y, CONTENT_WIDTH, 10);
    y += measure("本事项无需提交申报材料。", CONTENT_WIDTH, 10);
  } else {
    drawRow(MARGIN.left, headerCells, 9, headerHeight);
  }
  data.materials.forEach((m, index) => {
    const texts = [String(index + 1), m.name, m.kindLabel, m.originalRequired ? "原件" : "复印件", `${m.copies} 份`, m.note || "—"];
    const cells: Cell[] = texts.map((text, i) => ({ text, width: MATERIAL_WIDTHS[i], align: MATERIAL_COLUMNS[i].align }));
    const height = rowHeight(cells, 9);
    // The header is repeated on every continuation page so each printed sheet reads on its own.
    if (ensureSpace(height)) drawRow(MARGIN.left, headerCells, 9, headerHeight);
    drawRow(MARGIN.left, cells, 9, height);
  });

  // Footer on every page, drawn last because it names the page count.
  const range = doc.bufferedPageRange();
  const footerLeft = `生成时间：${shanghaiTime(data.generatedAt)}（北京时间） · ${data.bureauName}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would otherwise make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    const footerY = PAGE.height - MARGIN.bottom + 22;
    doc.moveTo(MARGIN.left, footerY - 6).lineTo(PAGE.width - MARGIN.right, footerY - 6).stroke("#d1d5db");
    write(footerLeft, MARGIN.left, footerY, CONTENT_WIDTH - 90, 8, { color: MUTED });
    write(`第 ${i - range.start + 1} 页，共 ${range.count} 页`, PAGE.width - MARGIN.right - 90, footerY, 90, 8, { align: "right", color: MUTED });
    doc.page.margins.bottom = MARGIN.bottom;
  }

  doc.end();
  return bytes;
}
