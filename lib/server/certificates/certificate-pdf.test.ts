// The licence PDF: its text is extractable (pdf.js and Poppler), the seal box is on the page, and it signs validly.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoSealCertificate, signPdf } from "@/lib/server/seals/sign-pdf";
import { pdfText } from "../../../tests/support/decode";
import { DEMO_NOTICE, renderCertificatePdf, type CertificatePdfData } from "./certificate-pdf";

const hasPoppler = spawnSync("which", ["pdfsig"]).status === 0 && spawnSync("which", ["pdftotext"]).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), "certificate-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOLDER = "广安示范商贸有限公司";
const ITEM = "食品(含保健食品)经营许可补办";
const NUMBER = "广安审批食经〔2026〕第00012号";

const SAMPLE: CertificatePdfData = {
  bureauName: "广安市广安区行政审批局",
  sealName: "广安市广安区行政审批局",
  title: "食品经营许可证",
  number: NUMBER,
  identifier: "12511602MB1234567X-511602-JY-2026-00012",
  holderName: HOLDER,
  holderIdLabel: "统一社会信用代码",
  holderId: "91511602MA6XXXXX0K",
  itemName: ITEM,
  content: [
    { label: "经营者名称", value: HOLDER },
    { label: "经营场所", value: "四川省广安市广安区示范路 1 号（示例地址）" },
    { label: "主体业态", value: "食品销售经营者（网络经营）" },
    { label: "经营项目", value: "预包装食品销售（含冷藏冷冻食品）；保健食品销售" },
  ],
  validFrom: "2026-11-23",
  validTo: "2031-11-22",
  issuedOn: "2026-11-23",
  decisionRef: "广安审批决〔2026〕第00012号",
  verifyUrl: "http://localhost:3000/verify/12511602MB1234567X-511602-JY-2026-00012",
  demo: true,
};

const SEAL_SIZE = 120;
const A4 = { width: 595.28, height: 841.89 };

let rendered: Awaited<ReturnType<typeof renderCertificatePdf>>;
beforeAll(async () => {
  rendered = await renderCertificatePdf(SAMPLE);
});

function writeTemp(name: string, pdf: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return file;
}

describe("renderCertificatePdf", () => {
  it("has the holder, item, number and demo notice as extractable text on one page", async () => {
    expect((await PDFDocument.load(rendered.pdf)).getPageCount()).toBe(1);
    const text = await pdfText(rendered.pdf);
    for (const expected of [HOLDER, ITEM, NUMBER, DEMO_NOTICE, "扫码验真", "2026-11-23 至 2031-11-22"]) {
      expect(text).toContain(expected);
    }
  });

  it("prints 长期 for an open-ended licence and no demo notice for a real one", async () => {
    const { pdf } = await renderCertificatePdf({ ...SAMPLE, validTo: null, demo: false });
    const text = await pdfText(pdf);
    expect(text).toContain("长期");
    expect(text).not.toContain(DEMO_NOTICE);
  });

  it("returns the seal's box in PDF user space, inside the page", () => {
    const [x1, y1, x2, y2] = rendered.sealRect;
    expect(x1).toBeGreaterThanOrEqual(0);
    expect(y1).toBeGreaterThanOrEqual(0);
    expect(x2).toBeLessThanOrEqual(A4.width);
    expect(y2).toBeLessThanOrEqual(A4.height);
    expect(x2 - x1).toBeCloseTo(SEAL_SIZE, 0);
    expect(y2 - y1).toBeCloseTo(SEAL_SIZE, 0);
    // Bottom right of the page: right half, lower third (y grows upwards).
    expect(x1).toBeGreaterThan(A4.width / 2);
    expect(y2).toBeLessThan(A4.height / 3);
  });

  it.skipIf(!hasPoppler)("signs over the seal so Poppler validates it and still reads the text", async () => {
    const identity = createDemoSealCertificate({ commonName: "Guang'an Approval Seal DEMO", organization: "Guang'an District Approval Bureau", validYears: 5, now: new Date("2026-11-23T00:00:00Z") });
    const signed = await signPdf(rendered.pdf, identity, { reason: "颁发行政许可证", name: SAMPLE.sealName, location: "四川省广安市", widgetRect: rendered.sealRect });
    const file = writeTemp("signed.pdf", signed);

    const report = spawnSync("pdfsig", [file], { encoding: "utf8" }).stdout;
    expect(report).toContain("Signature is Valid.");
    expect(report).toContain("Total document signed");

    const text = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).stdout;
    for (const expected of [HOLDER, ITEM, NUMBER]) expect(text).toContain(expected);
  });
});
