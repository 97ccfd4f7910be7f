import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageOf } from "./keyset";

describe("keyset cursors", () => {
  it("round-trips dates, timestamps, numbers and ids", () => {
    for (const c of [
      { value: "2026-11-30", id: "cmx35ex0i00080n7dinqv56zr" },
      { value: "2026-11-30T08:15:00.123Z", id: "abc" },
      { value: "4812345", id: "4812345" },
    ]) {
      expect(decodeCursor(encodeCursor(c))).toEqual(c);
    }
  });

  it("anything malformed is no cursor (the first page), never an error", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => {
      const c = decodeCursor(s);
      if (c) expect(encodeCursor(c)).toBe(s);
    }));
    for (const s of ["", "~", "x~", "~x", "2026-11-30~a b", "'; DROP TABLE x;--~1", null, undefined]) expect(decodeCursor(s)).toBeNull();
  });

  it("one extra row tells whether there is a next page", () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({ at: `2026-01-${String(i + 1).padStart(2, "0")}`, id: `r${i}` }));
    const key = (r: { at: string; id: string }) => ({ value: r.at, id: r.id });
    expect(pageOf(rows, 10, key)).toEqual({ rows: rows.slice(0, 10), next: "2026-01-10~r9" });
    expect(pageOf(rows.slice(0, 10), 10, key)).toEqual({ rows: rows.slice(0, 10), next: null });
  });
});
