import { describe, expect, it } from "vitest";
import { csvCell, csvDocument } from "./csv-document";

describe("csv", () => {
  it("starts with a byte-order mark, quotes what needs it and defuses formulas", () => {
    expect(csvDocument(["事项", "件数"], [["食品经营许可, 新办", 3], ['"说明"', null], ["=HYPERLINK(1)", -1]])).toBe('\uFEFF事项,件数\r\n"食品经营许可, 新办",3\r\n"""说明""",\r\n\'=HYPERLINK(1),-1\r\n');
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell("+86")).toBe("'+86");
  });
});
