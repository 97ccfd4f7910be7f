import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CertificateNumberError,
  NUMBER_PREFIX_MAX_LENGTH,
  formatCertificateNumber,
  formatDocumentNumber,
  numberPrefixProblem,
} from "./certificate-number";

function errorOf(f: () => unknown): CertificateNumberError | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof CertificateNumberError) return e;
    throw e;
  }
  return undefined;
}

// Prefixes as administrators write them: CJK and Latin letters and digits, no brackets or spaces.
const prefix = fc.string({ unit: fc.constantFrom(..."广安审批食经许药ABCXYZ0123456789-·"), minLength: 1, maxLength: NUMBER_PREFIX_MAX_LENGTH });

describe("certificate number (证书编号)", () => {
  it("writes prefix, year in 〔〕 and a five-digit sequence between 第 and 号", () => {
    expect(formatCertificateNumber("广安审批食经", 2026, 12)).toBe("广安审批食经〔2026〕第00012号");
    expect(formatCertificateNumber("广安审批食经", 2026, 1)).toBe("广安审批食经〔2026〕第00001号");
    expect(formatCertificateNumber("广安审批食经", 2026, 99_999)).toBe("广安审批食经〔2026〕第99999号");
  });

  it("grows past five digits instead of truncating", () => {
    expect(formatCertificateNumber("广安审批食经", 2026, 100_000)).toBe("广安审批食经〔2026〕第100000号");
    expect(formatCertificateNumber("广安审批食经", 2026, 1_234_567)).toBe("广安审批食经〔2026〕第1234567号");
  });

  it("keeps the sequence readable back and sorts within a year (property)", () => {
    fc.assert(
      fc.property(prefix, fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }), (p, year, a, b) => {
        const na = formatCertificateNumber(p, year, a);
        const m = /^(.+)〔(\d{4})〕第(\d{5,})号$/u.exec(na);
        expect(m).not.toBeNull();
        expect([m![1], Number(m![2]), Number(m![3])]).toEqual([p, year, a]);
        expect(na < formatCertificateNumber(p, year, b)).toBe(a < b);
      }),
    );
  });
});

describe("document number (发文字号)", () => {
  it("has no 第 and no padding (GB/T 9704)", () => {
    expect(formatDocumentNumber("广安审批许", 2026, 12)).toBe("广安审批许〔2026〕12号");
    expect(formatDocumentNumber("广安审批许", 2026, 1)).toBe("广安审批许〔2026〕1号");
    expect(formatDocumentNumber("广安审批许", 2027, 123_456)).toBe("广安审批许〔2027〕123456号");
  });

  it("applies the same checks as the certificate number", () => {
    expect(errorOf(() => formatDocumentNumber("广安 审批许", 2026, 1))?.problem).toBe("whitespace");
    expect(errorOf(() => formatDocumentNumber("广安审批许", 26, 1))?.code).toBe("NUMBER_YEAR_INVALID");
    expect(errorOf(() => formatDocumentNumber("广安审批许", 2026, 0))?.code).toBe("NUMBER_SEQUENCE_INVALID");
  });
});

describe("number prefix", () => {
  it("accepts ordinary prefixes up to 20 characters", () => {
    expect(numberPrefixProblem("广安审批食经")).toBeNull();
    expect(numberPrefixProblem("JY")).toBeNull();
    expect(numberPrefixProblem("审".repeat(NUMBER_PREFIX_MAX_LENGTH))).toBeNull();
    // Characters outside the BMP count once, not as two UTF-16 units.
    expect(numberPrefixProblem("𠀀".repeat(NUMBER_PREFIX_MAX_LENGTH))).toBeNull();
  });

  it("names each problem", () => {
    expect(numberPrefixProblem("")).toBe("empty");
    expect(numberPrefixProblem(undefined as unknown as string)).toBe("empty");
    expect(numberPrefixProblem("审".repeat(NUMBER_PREFIX_MAX_LENGTH + 1))).toBe("too_long");
    for (const p of ["广安审批〔食经", "广安审批食经〕", "[广安]", "【广安】", "〖广安〗", "［广安］"]) expect(numberPrefixProblem(p), p).toBe("bracket");
    for (const p of [" 广安", "广安 ", "广安\u3000审批", "广安\t审批", "广安\n", "广安\u200b审批", "\u200e广安"]) {
      expect(numberPrefixProblem(p), JSON.stringify(p)).toBe("whitespace");
    }
  });

  it("throws with the problem attached", () => {
    const e = errorOf(() => formatCertificateNumber("〔广安〕", 2026, 1));
    expect(e?.code).toBe("NUMBER_PREFIX_INVALID");
    expect(e?.problem).toBe("bracket");
    expect(errorOf(() => formatCertificateNumber("", 2026, 1))?.problem).toBe("empty");
  });
});

describe("year and sequence", () => {
  it("wants a four-digit year", () => {
    for (const year of [999, 10_000, 2026.5, Number.NaN, -2026]) {
      expect(errorOf(() => formatCertificateNumber("广安审批食经", year, 1))?.code, String(year)).toBe("NUMBER_YEAR_INVALID");
    }
  });

  it("wants a positive whole sequence", () => {
    for (const seq of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(errorOf(() => formatCertificateNumber("广安审批食经", 2026, seq))?.code, String(seq)).toBe("NUMBER_SEQUENCE_INVALID");
    }
  });
});
