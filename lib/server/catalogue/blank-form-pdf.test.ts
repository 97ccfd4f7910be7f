// The blank application form PDF: the item, its own questions, its materials and the declaration,
// as text a real PDF parser extracts.
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { DECLARATION_TEXT } from "@/lib/domain/applications/declaration";
import { renderBlankFormPdf } from "./blank-form-pdf";

describe("the blank application form", () => {
  it("holds the item, the common particulars, its own questions, its materials and the declaration to sign", async () => {
    const pdf = await renderBlankFormPdf({
      bureauName: "广安区行政审批局",
      itemName: "食品(含保健食品)经营许可延续",
      implementationCode: "511A0005200008-511602000000-000-115113016823646795-1-00",
      version: 2,
      questions: ["经营场所", "经营项目"],
      materials: ["申请表", "申请人身份证明（居民身份证或营业执照）"],
    });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, "");
    for (const s of ["食品(含保健食品)经营许可延续", "申请表", "证件类型及号码", "经营场所", "经营项目", "申请人身份证明", "申请人（签字/盖章）"]) expect(flat).toContain(s);
    expect(flat).toContain(DECLARATION_TEXT.replace(/\s+/g, ""));
  });
});
