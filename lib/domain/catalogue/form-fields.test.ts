import { describe, expect, it } from "vitest";
import { formAnswerProblems, formatFormFieldSpec, formFieldsOf, keepAnswers, parseFormFieldSpec } from "./form-fields";

describe("item form fields", () => {
  const spec = "经营场所 | 文本 | 必填\n经营项目 | textarea | required\n\n从业人员数 | 数字\n拟开业日期 | date";

  it("parses the administrator's lines into fields with stable keys, and writes them back", () => {
    const { fields, problems } = parseFormFieldSpec(spec);
    expect(problems).toEqual([]);
    expect(fields).toEqual([
      { key: "f1", label: "经营场所", kind: "text", required: true },
      { key: "f2", label: "经营项目", kind: "textarea", required: true },
      { key: "f3", label: "从业人员数", kind: "number", required: false },
      { key: "f4", label: "拟开业日期", kind: "date", required: false },
    ]);
    expect(parseFormFieldSpec(formatFormFieldSpec(fields)).fields).toEqual(fields);
  });

  it("reports broken lines by number", () => {
    expect(parseFormFieldSpec("名称\n | text\n地址 | 图片\n名称").problems).toEqual([
      { line: 2, code: "labelMissing" },
      { line: 3, code: "unknownKind" },
      { line: 4, code: "duplicateLabel" },
    ]);
  });

  it("checks answers: required, numbers, dates; drops what was not asked", () => {
    const { fields } = parseFormFieldSpec(spec);
    expect(formAnswerProblems(fields, { f2: "预包装食品销售", f3: "三人", f4: "2026/12/01" })).toEqual([
      { key: "f1", code: "required" },
      { key: "f3", code: "number" },
      { key: "f4", code: "date" },
    ]);
    expect(formAnswerProblems(fields, { f1: "金安大道 1 号", f2: "预包装食品销售" })).toEqual([]);
    expect(keepAnswers(fields, { f1: " 金安大道 1 号 ", f9: "x", f3: "" })).toEqual({ f1: "金安大道 1 号" });
  });

  it("reads stored values defensively", () => {
    expect(formFieldsOf(null)).toEqual([]);
    expect(formFieldsOf([{ key: "f1", label: "x", kind: "image", required: true }])).toEqual([]);
  });
});
