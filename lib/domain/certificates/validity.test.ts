import { describe, expect, it } from "vitest";
import { certificateTypeCode, certificateValidTo } from "./validity";

describe("certificate validity", () => {
  it("runs to the day before the anniversary, or without end", () => {
    expect(certificateValidTo("2026-11-30", 5)).toBe("2031-11-29");
    expect(certificateValidTo("2026-01-01", 1)).toBe("2026-12-31");
    expect(certificateValidTo("2028-02-29", 1)).toBe("2029-02-28");
    expect(certificateValidTo("2026-11-30", 0)).toBeNull();
    expect(() => certificateValidTo("2026-11-30", -1)).toThrow(RangeError);
  });
  it("takes the item's basic code as type code", () => {
    expect(certificateTypeCode("511A0005200006")).toBe("511A0005200006");
    expect(certificateTypeCode("511a-0005")).toBe("511A0005");
  });
});
