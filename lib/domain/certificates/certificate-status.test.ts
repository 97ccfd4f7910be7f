import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { InvalidPlainDateError } from "../calendar/working-days";
import {
  CERTIFICATE_STATUSES,
  CERTIFICATE_STATUS_TERMS,
  isCertificateStatus,
  maskIdentityNumber,
  maskName,
  verificationVerdict,
  type CertificateStatus,
  type VerificationFacts,
} from "./certificate-status";

const base: VerificationFacts = { status: "VALID", validFrom: "2026-01-05", validTo: "2031-01-04", replacedByIdentifier: null, today: "2026-11-23" };
const verdict = (change: Partial<VerificationFacts>) => verificationVerdict({ ...base, ...change });

describe("certificate status (GB/T 36903)", () => {
  it("has the six statuses with the standard's terms", () => {
    expect(CERTIFICATE_STATUSES).toEqual(["VALID", "SUSPENDED", "REVOKED", "CANCELLED", "EXPIRED", "WITHDRAWN"]);
    expect(CERTIFICATE_STATUS_TERMS).toEqual({ VALID: "有效", SUSPENDED: "暂扣", REVOKED: "撤销", CANCELLED: "注销", EXPIRED: "失效", WITHDRAWN: "吊销" });
    expect(isCertificateStatus("VALID")).toBe(true);
    expect(isCertificateStatus("valid")).toBe(false);
    expect(isCertificateStatus(null)).toBe(false);
  });
});

describe("verification verdict", () => {
  it("maps each status inside the validity period", () => {
    const expected: Record<CertificateStatus, string> = {
      VALID: "valid",
      SUSPENDED: "suspended",
      REVOKED: "revoked",
      CANCELLED: "cancelled",
      EXPIRED: "expired",
      WITHDRAWN: "withdrawn",
    };
    for (const status of CERTIFICATE_STATUSES) expect(verdict({ status }), status).toBe(expected[status]);
  });

  it("reports a replaced certificate as replaced even while its own status is still VALID", () => {
    expect(verdict({ replacedByIdentifier: "1.2.156.3005.2.1151100.115113010833722043.K3M9QZ7P2X4A8B1C.001.2" })).toBe("replaced");
    expect(verdict({ status: "SUSPENDED", replacedByIdentifier: "X" })).toBe("replaced");
    expect(verdict({ status: "CANCELLED", replacedByIdentifier: "X" })).toBe("replaced");
    expect(verdict({ status: "EXPIRED", replacedByIdentifier: "X" })).toBe("replaced");
    expect(verdict({ validTo: "2026-01-31", replacedByIdentifier: "X" })).toBe("replaced");
  });

  it("lets revocation and withdrawal outweigh a replacement", () => {
    expect(verdict({ status: "REVOKED", replacedByIdentifier: "X" })).toBe("revoked");
    expect(verdict({ status: "WITHDRAWN", replacedByIdentifier: "X" })).toBe("withdrawn");
  });

  it("treats an empty replacement identifier as none", () => {
    expect(verdict({ replacedByIdentifier: "" })).toBe("valid");
    expect(verdict({ replacedByIdentifier: undefined })).toBe("valid");
  });

  it("makes a VALID certificate expired the day after validTo, not on it", () => {
    expect(verdict({ today: "2031-01-04" })).toBe("valid");
    expect(verdict({ today: "2031-01-05" })).toBe("expired");
  });

  it("makes a certificate valid from validFrom, not the day before", () => {
    expect(verdict({ today: "2026-01-04" })).toBe("not_yet_valid");
    expect(verdict({ today: "2026-01-05" })).toBe("valid");
  });

  it("never expires a certificate without an end date (长期有效)", () => {
    expect(verdict({ validTo: null, today: "2099-12-31" })).toBe("valid");
  });

  it("lets a recorded act beat the dates, and the end of the term beat a suspension", () => {
    expect(verdict({ status: "CANCELLED", today: "2035-01-01" })).toBe("cancelled");
    expect(verdict({ status: "REVOKED", today: "2020-01-01" })).toBe("revoked");
    expect(verdict({ status: "SUSPENDED", today: "2035-01-01" })).toBe("expired");
    expect(verdict({ status: "SUSPENDED", today: "2020-01-01" })).toBe("suspended");
    expect(verdict({ status: "EXPIRED", today: "2020-01-01" })).toBe("expired");
  });

  it("compares dates as strings, which is date order for YYYY-MM-DD (property)", () => {
    const day = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (from, to, today) => {
        const v = verificationVerdict({ status: "VALID", validFrom: from, validTo: to, today });
        const t = Date.parse(today);
        const expected = t > Date.parse(to) ? "expired" : t < Date.parse(from) ? "not_yet_valid" : "valid";
        expect(v).toBe(expected);
      }),
    );
  });

  it("refuses malformed dates and unknown statuses rather than guess", () => {
    expect(() => verdict({ today: "2026-11-31" })).toThrow(InvalidPlainDateError);
    expect(() => verdict({ validFrom: "2026/01/05" })).toThrow(InvalidPlainDateError);
    expect(() => verdict({ validTo: "20310104" })).toThrow(InvalidPlainDateError);
    expect(() => verdict({ status: "ACTIVE" as CertificateStatus })).toThrow(RangeError);
  });
});

describe("masking", () => {
  it("masks personal names", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("张小民")).toBe("张*民");
    expect(maskName("欧阳小明")).toBe("欧**明");
    expect(maskName("张")).toBe("*");
    expect(maskName("")).toBe("");
    expect(maskName(" 张小民 ")).toBe("张*民");
  });

  it("keeps the first two and last two characters of longer names", () => {
    expect(maskName("广安市某某食品有限公司")).toBe("广安*******公司");
    expect(maskName("买买提·艾力")).toBe("买买**艾力");
    expect(maskName("John Smith")).toBe("Jo******th");
    expect(maskName("Li Lei")).toBe("Li**ei");
    expect(maskName("Ann")).toBe("A*n");
  });

  it("counts characters, not UTF-16 units", () => {
    expect(maskName("𠀀小民")).toBe("𠀀*民");
    expect(maskName("张𠀀")).toBe("张*");
  });

  it("never shows more than four characters and keeps the length (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", minLength: 0, maxLength: 40 }), (name) => {
        const masked = [...maskName(name)];
        const chars = [...name.trim()];
        expect(masked).toHaveLength(chars.length);
        const shown = masked.filter((c, i) => c === chars[i] && c !== "*").length;
        expect(shown).toBeLessThanOrEqual(chars.length >= 5 ? 4 : Math.max(0, Math.min(2, chars.length - 1)));
      }),
    );
  });

  it("masks 18-character IDs and credit codes to the first and last four", () => {
    expect(maskIdentityNumber("11010519491231002X")).toBe("1101**********002X");
    expect(maskIdentityNumber("115113010833722043")).toBe("1151**********2043");
    expect(maskIdentityNumber("110105491231002")).toBe("1101*******1002");
  });

  it("keeps only the first and last character of short numbers", () => {
    expect(maskIdentityNumber("E12345678")).toBe("E*******8");
    expect(maskIdentityNumber("AB1")).toBe("A*1");
    expect(maskIdentityNumber("AB")).toBe("A*");
    expect(maskIdentityNumber("A")).toBe("*");
    expect(maskIdentityNumber("")).toBe("");
    expect(maskIdentityNumber(" E12345678 ")).toBe("E*******8");
  });

  it("keeps the length and hides at least the middle (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{0,24}$/), (id) => {
        const masked = maskIdentityNumber(id);
        expect(masked).toHaveLength(id.length);
        if (id.length >= 3) expect(masked.slice(1, -1)).toMatch(/\*/);
        if (id.length >= 15) expect(masked.slice(4, -4)).toBe("*".repeat(id.length - 8));
      }),
    );
  });
});
