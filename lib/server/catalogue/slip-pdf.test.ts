// The notice slip PDF: Chinese text that a real PDF parser extracts, glyphs that really render, page breaks.
import { readFileSync } from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";
import * as fontkit from "fontkit";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { renderSlipPdf, type SlipData } from "./slip-pdf";

const CODE = "511A0141700000-511602000000-000-115113016823646795-1-00";

const FOOD_LICENCE: SlipData = {
  bureauName: "广安区行政审批局",
  title: "申报材料一次性告知单",
  itemName: "食品(含保健食品)经营许可核发",
  implementationCode: CODE,
  version: 3,
  kindLabel: "承诺件",
  statutoryDays: 20,
  promisedDays: 5,
  feeNote: "不收费",
  visitsRequired: 1,
  windowText: "广安区政务服务中心一楼综合受理窗口（示例地址）；周一至周五 9:00–12:00、13:30–17:00（法定节假日除外）",
  materials: [
    { name: "食品经营许可申请书", kindLabel: "主要", originalRequired: true, copies: 1, note: "申请人签字或盖章" },
    { name: "营业执照或其他主体资格证明文件", kindLabel: "主要", originalRequired: false, copies: 1, note: "核验原件，留存复印件" },
    { name: "与食品经营相适应的主要设备设施布局、操作流程等文件", kindLabel: "主要", originalRequired: true, copies: 1, note: "" },
    { name: "保证食品安全的规章制度", kindLabel: "次要", originalRequired: true, copies: 2, note: "经营保健食品的，另附保健食品贮存、销售管理制度" },
  ],
  guideUrl: `http://localhost:3000/items/${CODE}`,
  demoValues: true,
  generatedAt: new Date("2026-11-23T06:05:00Z"),
};

const LONG_NAME =
  "对在本行政区域内从事生产经营活动的企业、个体工商户及其他组织申请设立、变更、延续、注销食品生产许可（含保健食品、特殊医学用途配方食品、婴幼儿配方食品以外的其他食品类别）以及相关证照信息变更登记和补发证书的许可核发";

const LONG_SLIP: SlipData = {
  ...FOOD_LICENCE,
  itemName: LONG_NAME,
  kindLabel: "即办件",
  promisedDays: 0,
  demoValues: false,
  materials: Array.from({ length: 25 }, (_, i) => ({
    name:
      i % 3 === 0
        ? `法定代表人（负责人）身份证明、授权委托书及经办人身份证件（第${i + 1}组）`
        : `食品安全管理制度文本第${i + 1}册`,
    kindLabel: i % 4 === 0 ? "次要" : "主要",
    originalRequired: i % 2 === 0,
    copies: 1 + (i % 3),
    note: i % 5 === 0 ? "委托他人办理的需提供授权委托书；境外机构出具的文件需经公证认证" : "",
  })),
};

/** The slip's text as a PDF viewer's search would see it, whitespace removed (wrapping inserts line breaks). */
async function readSlip(pdf: Uint8Array) {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return { pages: document.numPages, text: text.replace(/\s+/g, "") };
}

/** The embedded font programs (FontFile2 streams), keyed by their PostScript name without the subset tag. */
function embeddedFonts(pdf: Uint8Array): Map<string, Buffer> {
  const raw = Buffer.from(pdf);
  const latin1 = raw.toString("latin1");
  const fonts = new Map<string, Buffer>();
  for (const [, name, id] of latin1.matchAll(/\/FontName \/[A-Z]{6}\+([\w-]+)[^]*?\/FontFile2 (\d+) 0 R/g)) {
    const header = new RegExp(`\\n${id} 0 obj\\s*<<([^]*?)>>\\s*stream\\r?\\n`).exec(latin1);
    if (!header) throw new Error(`font stream ${id} not found`);
    const length = Number(/\/Length (\d+)/.exec(header[1])?.[1]);
    const start = header.index + header[0].length;
    fonts.set(name, inflateSync(raw.subarray(start, start + length)));
  }
  return fonts;
}

function glyphOutlines(font: fontkit.Font): Set<string> {
  const outlines = new Set<string>();
  for (let id = 0; id < font.numGlyphs; id++) outlines.add(font.getGlyph(id).path.toSVG());
  return outlines;
}

function openFont(file: string): fontkit.Font {
  const fontDir = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc");
  return fontkit.create(readFileSync(path.join(fontDir, file))) as fontkit.Font;
}

describe("renderSlipPdf", () => {
  it("writes an A4 slip whose Chinese text, code and materials a PDF parser extracts", async () => {
    const pdf = await renderSlipPdf(FOOD_LICENCE);
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");

    const document = await getDocumentProxy(new Uint8Array(pdf));
    const page = await document.getPage(1);
    const [, , width, height] = page.view;
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);

    const { pages, text } = await readSlip(pdf);
    expect(pages).toBe(1);
    expect(text).toContain("食品(含保健食品)经营许可核发");
    expect(text).toContain(CODE);
    expect(text).toContain("营业执照或其他主体资格证明文件");
    expect(text).toContain("申报材料一次性告知单");
    expect(text).toContain("广安区行政审批局");
    expect(text).toContain("第3版");
    expect(text).toContain("20个工作日");
    expect(text).toContain("5个工作日");
    expect(text).toContain("复印件");
    expect(text).toContain(FOOD_LICENCE.guideUrl);
    expect(text).toContain("示例值");
    // 06:05 UTC is 14:05 in Beijing, whatever the machine's time zone.
    expect(text).toContain("2026-11-2314:05（北京时间）");
  });

  it("wraps a 100+ character item name and breaks 25 materials across pages", async () => {
    expect(LONG_NAME.length).toBeGreaterThan(100);
    const { pages, text } = await readSlip(await renderSlipPdf(LONG_SLIP));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(LONG_NAME);
    expect(text).toContain("当场办结");
    expect(text).toContain(LONG_SLIP.materials[24].name);
    expect(text).toContain("食品安全管理制度文本第23册");
    expect(text).toContain(`第1页，共${pages}页`);
    expect(text).toContain(`第${pages}页，共${pages}页`);
    expect(text).not.toContain("示例值");
  });

  it("embeds font subsets whose glyphs are the real Noto Sans SC outlines", async () => {
    // Text extraction alone cannot catch a broken subset: the ToUnicode map stays right while
    // glyphs come out blank or garbled (the failure of @pdf-lib/fontkit's subsetter with CJK).
    const pdf = await renderSlipPdf(LONG_SLIP);
    const fonts = embeddedFonts(pdf);
    expect([...fonts.keys()].sort()).toEqual(["NotoSansSC-Bold", "NotoSansSC-Regular"]);
    const subsets = [...fonts.values()].map((bytes) => fontkit.create(bytes) as fontkit.Font);
    for (const subset of subsets) expect(subset.numGlyphs).toBeLessThan(1000); // a subset, not the 30,000-glyph font

    const regular = openFont("400Regular/NotoSansSC_400Regular.ttf");
    const bold = openFont("700Bold/NotoSansSC_700Bold.ttf");
    const embedded = new Set(subsets.flatMap((font) => [...glyphOutlines(font)]));
    const { text } = await readSlip(pdf);
    const missing = [...new Set(text)].filter(
      (char) =>
        !embedded.has(regular.glyphForCodePoint(char.codePointAt(0)!).path.toSVG()) &&
        !embedded.has(bold.glyphForCodePoint(char.codePointAt(0)!).path.toSVG()),
    );
    expect(missing).toEqual([]);
  });
});
