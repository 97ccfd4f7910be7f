import { describe, expect, it } from "vitest";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { DECLARATION_TEXT } from "./declaration";

describe("the truthfulness declaration", () => {
  it("is the same text on the form the applicant confirms, on the window's box, and in the record", () => {
    expect(zh.application.declaration).toBe(DECLARATION_TEXT);
    expect(zh.application.declarationSigned.endsWith(DECLARATION_TEXT)).toBe(true);
  });
});
