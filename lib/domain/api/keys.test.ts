import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiKeyMatches, apiKeyPrefix, bearerToken, displayedKey, hashApiKey, newApiKey } from "./keys";

const random = (n: number) => new Uint8Array(randomBytes(n));

describe("API keys", () => {
  it("read gak_<prefix>_<secret>, and only the whole key's SHA-256 is kept", () => {
    const k = newApiKey(random);
    expect(k.key).toMatch(/^gak_[a-z2-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(apiKeyPrefix(k.key)).toBe(k.prefix);
    expect(k.secretHash).toBe(hashApiKey(k.key));
    expect(k.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(k.secretHash).not.toContain(k.key.slice(13));
    expect(displayedKey(k.prefix)).toBe(`gak_${k.prefix}_…`);
  });

  it("are different every time", () => {
    const keys = new Set(Array.from({ length: 200 }, () => newApiKey(random).key));
    expect(keys.size).toBe(200);
  });

  it("match only their own hash", () => {
    const a = newApiKey(random);
    const b = newApiKey(random);
    expect(apiKeyMatches(a.key, a.secretHash)).toBe(true);
    expect(apiKeyMatches(b.key, a.secretHash)).toBe(false);
    expect(apiKeyMatches(a.key.slice(0, -1) + (a.key.endsWith("A") ? "B" : "A"), a.secretHash)).toBe(false);
    expect(apiKeyMatches(a.key, "")).toBe(false);
    expect(apiKeyMatches(a.key, "zz")).toBe(false);
  });

  it("refuse anything that is not a key without looking it up", () => {
    for (const bad of ["", "gak_", "gak_abcdefgh_short", `gak_ABCDEFGH_${"a".repeat(43)}`, `gak_abcdefgl_${"a".repeat(43)}`, `xyz_abcdefgh_${"a".repeat(43)}`, `gak_abcdefgh_${"a".repeat(43)}\u0000`]) {
      expect(apiKeyPrefix(bad)).toBeNull();
    }
  });

  it("come from a Bearer header", () => {
    expect(bearerToken(null)).toBeUndefined();
    expect(bearerToken("Bearer gak_x")).toBe("gak_x");
    expect(bearerToken("bearer  gak_x ")).toBe("gak_x");
    expect(bearerToken("Basic dXNlcjpwdw==")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken(`Bearer ${"x".repeat(201)}`)).toBeNull();
  });
});
