import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords } from "./csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and newlines, after a BOM", () => {
    const text = '\ufeffa,b\r\n"x, y","say ""hi""\nthere"\n3,\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\nthere'],
      ["3", ""],
    ]);
  });

  it("keys records by header", () => {
    expect(parseCsvRecords("name,code\n公司设立登记,511A\n").records).toEqual([{ name: "公司设立登记", code: "511A" }]);
  });

  it("refuses an unterminated quote and names its line", () => {
    expect(() => parseCsv('a\n"b\n')).toThrow(/line 2/);
  });
});
