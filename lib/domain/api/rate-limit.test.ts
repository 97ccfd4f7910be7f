import { describe, expect, it } from "vitest";
import { PER_CLIENT, PER_KEY, rateLimitOf, rateVerdict, windowStart } from "./rate-limit";

describe("API rate limits", () => {
  it("count a key per key, and calls without a key per client address", () => {
    expect(rateLimitOf({ keyId: "k1" })).toEqual({ key: "k:k1", limit: PER_KEY });
    expect(rateLimitOf({ keyId: "k1", perMinute: null })).toEqual({ key: "k:k1", limit: PER_KEY });
    // A key's own limit, set by the administrator: the same one-minute window, its own ceiling.
    expect(rateLimitOf({ keyId: "k2", perMinute: 600 })).toEqual({ key: "k:k2", limit: { max: 600, windowMs: PER_KEY.windowMs } });
    expect(rateLimitOf({ client: "203.0.113.9" })).toEqual({ key: "c:203.0.113.9", limit: PER_CLIENT });
    expect(rateLimitOf({ client: "x".repeat(100) })?.key).toHaveLength(66);
  });

  it("do not count anonymous calls per client where the address tells no one apart", () => {
    for (const client of ["local", "127.0.0.1", "::1", ""]) expect(rateLimitOf({ client })).toBeNull();
    expect(rateLimitOf({ keyId: "k1" })).not.toBeNull();
  });

  it("count in one-minute windows", () => {
    const now = new Date("2026-12-01T10:15:42.500Z");
    expect(windowStart(now, PER_KEY).toISOString()).toBe("2026-12-01T10:15:00.000Z");
  });

  it("allow up to the limit, then say how long to wait until the window ends", () => {
    const start = new Date("2026-12-01T10:15:00.000Z");
    const now = new Date("2026-12-01T10:15:42.500Z");
    expect(rateVerdict(1, PER_CLIENT, start, now)).toEqual({ allowed: true, remaining: PER_CLIENT.max - 1 });
    expect(rateVerdict(PER_CLIENT.max, PER_CLIENT, start, now)).toEqual({ allowed: true, remaining: 0 });
    expect(rateVerdict(PER_CLIENT.max + 1, PER_CLIENT, start, now)).toEqual({ allowed: false, retryAfterSeconds: 18 });
    expect(rateVerdict(PER_CLIENT.max + 1, PER_CLIENT, start, new Date("2026-12-01T10:15:59.999Z"))).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
