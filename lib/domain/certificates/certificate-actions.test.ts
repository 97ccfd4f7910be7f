import { describe, expect, it } from "vitest";
import { assertCertificateAction, CertificateActionError, certificateActions, certificateRefusal, deliveryChoiceProblem, mayChooseDelivery, type CertificateFacts } from "./certificate-actions";

const valid: CertificateFacts = { status: "VALID", replaced: false, deliveryMethod: "ELECTRONIC", delivered: true, mailed: false };

describe("certificate actions", () => {
  it("a chief or the director ends or replaces a valid certificate; a clerk, reviewer or applicant does not", () => {
    expect(certificateActions("CHIEF", valid)).toEqual(["END", "REPLACE"]);
    expect(certificateActions("DIRECTOR", valid)).toEqual(["END", "REPLACE"]);
    for (const role of ["CLERK", "REVIEWER", "APPLICANT", "SUPERVISOR", "ADMIN"] as const) {
      expect(certificateRefusal("END", role, valid)).toBe("FORBIDDEN");
      expect(certificateRefusal("REPLACE", role, valid)).toBe("FORBIDDEN");
    }
  });

  it("a replaced or ended certificate is history: nothing more is done with it", () => {
    expect(certificateRefusal("REPLACE", "CHIEF", { ...valid, replaced: true })).toBe("CERTIFICATE_REPLACED");
    expect(certificateRefusal("END", "DIRECTOR", { ...valid, replaced: true })).toBe("CERTIFICATE_REPLACED");
    expect(certificateRefusal("REPLACE", "CHIEF", { ...valid, status: "REVOKED" })).toBe("CERTIFICATE_NOT_VALID");
    expect(certificateActions("CHIEF", { ...valid, status: "CANCELLED" })).toEqual([]);
    expect(() => assertCertificateAction("END", "CHIEF", { ...valid, status: "REVOKED" })).toThrow(CertificateActionError);
  });

  it("the window records a pick-up once, and a posting once, each only for the method chosen", () => {
    const pickup = { ...valid, deliveryMethod: "PICKUP" as const, delivered: false };
    expect(certificateActions("CLERK", pickup)).toEqual(["RECORD_PICKUP"]);
    expect(certificateRefusal("RECORD_PICKUP", "CLERK", { ...pickup, delivered: true })).toBe("DELIVERY_NOT_PENDING");
    expect(certificateRefusal("RECORD_MAILING", "CLERK", pickup)).toBe("DELIVERY_NOT_PENDING");
    const post = { ...valid, deliveryMethod: "POST" as const, delivered: false };
    expect(certificateActions("CLERK", post)).toEqual(["RECORD_MAILING"]);
    expect(certificateRefusal("RECORD_MAILING", "CLERK", { ...post, mailed: true })).toBe("DELIVERY_NOT_PENDING");
    expect(certificateActions("CLERK", valid)).toEqual([]);
    expect(certificateRefusal("RECORD_PICKUP", "CHIEF", pickup)).toBe("FORBIDDEN");
  });

  it("the applicant changes the delivery until the certificate is issued; post needs an address", () => {
    expect(mayChooseDelivery("DRAFT")).toBe(true);
    expect(mayChooseDelivery("AWAITING_SEAL")).toBe(true);
    expect(mayChooseDelivery("ISSUED")).toBe(false);
    expect(mayChooseDelivery("DENIED")).toBe(false);
    expect(deliveryChoiceProblem("POST", "")).toBe("DELIVERY_ADDRESS_REQUIRED");
    expect(deliveryChoiceProblem("POST", "四川省广安市广安区建设路 1 号")).toBeNull();
    expect(deliveryChoiceProblem("PICKUP", "")).toBeNull();
  });
});
