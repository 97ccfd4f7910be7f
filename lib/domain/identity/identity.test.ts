import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from "./credit-code";
import { isValidResidentId, residentIdCheckChar, residentIdProblem } from "./resident-id";

describe("resident ID (GB 11643)", () => {
  it("accepts the standard's example and its lower-case x form", () => {
    expect(isValidResidentId("11010519491231002X")).toBe(true);
    expect(isValidResidentId("11010519491231002x")).toBe(true);
    expect(isValidResidentId(" 11010519491231002X ")).toBe(true);
  });

  it("rejects one changed digit with a checksum problem", () => {
    expect(residentIdProblem("11010519491231003X")).toBe("checksum");
    expect(residentIdProblem("110105194912310021")).toBe("checksum");
  });

  it("names format and birth-date problems", () => {
    expect(residentIdProblem("1101051949123100")).toBe("format");
    expect(residentIdProblem("11010519491231002Y")).toBe("format");
    const feb30 = "11010519490230002";
    expect(residentIdProblem(feb30 + residentIdCheckChar(feb30))).toBe("birthdate");
  });

  it("detects every single-digit substitution (property)", () => {
    const body = fc.tuple(
      fc.stringMatching(/^[1-9]\d{5}$/),
      fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2025-12-31T00:00:00Z"), noInvalidDate: true }),
      fc.stringMatching(/^\d{3}$/),
    );
    fc.assert(
      fc.property(body, fc.nat(16), fc.integer({ min: 1, max: 9 }), ([area, birth, seq], pos, delta) => {
        const ymd = birth.toISOString().slice(0, 10).replaceAll("-", "");
        const first17 = area + ymd + seq;
        const id = first17 + residentIdCheckChar(first17);
        expect(isValidResidentId(id)).toBe(true);
        const changed = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        expect(isValidResidentId(changed)).toBe(false);
      }),
    );
  });
});

describe("unified social credit code (GB 32100)", () => {
  it("accepts real codes of the published item list", () => {
    for (const code of ["115113010833722043", "115113016823646795", "11511301008778183N"]) {
      expect(creditCodeProblem(code)).toBeNull();
    }
  });

  it("rejects one changed character", () => {
    expect(creditCodeProblem("115113010833722053")).toBe("checksum");
    expect(creditCodeProblem("11511301008778183M")).toBe("checksum");
  });

  it("rejects wrong length and characters outside the alphabet", () => {
    expect(creditCodeProblem("11511301083372204")).toBe("format");
    expect(creditCodeProblem("1151130108337220I3")).toBe("format");
  });

  it("check character computed by the factory helper validates", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{17}$/), (body) => {
        expect(isValidCreditCode(body + creditCodeCheckChar(body))).toBe(true);
      }),
    );
  });
});
