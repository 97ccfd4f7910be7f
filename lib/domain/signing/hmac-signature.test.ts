import { describe, expect, it } from "vitest";
import { signBody, signatureProblem, signedHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./hmac-signature";

const NOW = Date.UTC(2026, 11, 1, 2, 0, 0);
const body = JSON.stringify({ code: "51160220260000000015", amountFen: 5000 });

describe("HMAC signatures of partner messages", () => {
  it("verifies what it signed, with the timestamp sent beside it", () => {
    const h = signedHeaders("s3cret", body, NOW);
    expect(signatureProblem("s3cret", h[TIMESTAMP_HEADER], h[SIGNATURE_HEADER], body, NOW + 1000)).toBeNull();
    expect(h[SIGNATURE_HEADER]).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it("refuses another secret, a changed body, a moved timestamp, and anything missing", () => {
    const h = signedHeaders("s3cret", body, NOW);
    expect(signatureProblem("other", h[TIMESTAMP_HEADER], h[SIGNATURE_HEADER], body, NOW)).toBe("MISMATCH");
    expect(signatureProblem("s3cret", h[TIMESTAMP_HEADER], h[SIGNATURE_HEADER], body.replace("5000", "50"), NOW)).toBe("MISMATCH");
    expect(signatureProblem("s3cret", String(Number(h[TIMESTAMP_HEADER]) + 1), h[SIGNATURE_HEADER], body, NOW)).toBe("MISMATCH");
    expect(signatureProblem("s3cret", null, h[SIGNATURE_HEADER], body, NOW)).toBe("MISSING");
    expect(signatureProblem("s3cret", h[TIMESTAMP_HEADER], null, body, NOW)).toBe("MISSING");
    expect(signatureProblem("s3cret", "12.5", h[SIGNATURE_HEADER], body, NOW)).toBe("MISSING");
  });

  it("refuses a replay older than five minutes (and one from the future)", () => {
    const ts = Math.floor(NOW / 1000);
    const sig = signBody("s3cret", ts, body);
    expect(signatureProblem("s3cret", String(ts), sig, body, NOW + 301_000)).toBe("STALE");
    expect(signatureProblem("s3cret", String(ts), sig, body, NOW - 301_000)).toBe("STALE");
    expect(signatureProblem("s3cret", String(ts), sig, body, NOW + 299_000)).toBeNull();
  });
});
