import { afterEach, describe, expect, it, vi } from "vitest";
import { decode as authDecode, encode as authEncode } from "next-auth/jwt";
import { reusable, sessionTokenCoder } from "./session-token";

const secret = "a-test-secret-of-enough-length-0123456789";
const salt = "authjs.session-token";
const claims = { uid: "u1", role: "APPLICANT" as const, sid: "s1", at: 1, name: "张三" };
const coder = sessionTokenCoder({ reissueAfterSeconds: 900 });

afterEach(() => {
  vi.useRealTimers();
});

describe("session token", () => {
  it("reads Auth.js's own tokens and Auth.js reads ours (the same format)", async () => {
    const stock = await authEncode({ token: claims, secret, salt, maxAge: 3600 });
    expect(await coder.decode({ token: stock, secret, salt })).toMatchObject(claims);
    const ours = await coder.encode({ token: claims, secret, salt, maxAge: 3600 });
    const back = await authDecode({ token: ours, secret, salt });
    expect(back).toMatchObject(claims);
    expect(back!.exp! - back!.iat!).toBe(3600);
  });

  it("refuses a token of another secret, another cookie name, or altered", async () => {
    const ours = await coder.encode({ token: claims, secret, salt, maxAge: 3600 });
    await expect(coder.decode({ token: ours, secret: `${secret}x`, salt })).rejects.toThrow();
    await expect(coder.decode({ token: ours, secret, salt: "__Secure-authjs.session-token" })).rejects.toThrow();
    const parts = ours.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    await expect(coder.decode({ token: parts.join("."), secret, salt })).rejects.toThrow();
    expect(await coder.decode({ token: "", secret, salt })).toBeNull();
  });

  it("sends a fresh token back unchanged, and re-issues it once it is older than the limit", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-01T08:00:00Z"));
    const issued = await coder.encode({ token: claims, secret, salt, maxAge: 3600 });
    // Ten minutes later: the same token goes out again (no new expiry, no re-encryption).
    vi.setSystemTime(new Date("2026-12-01T08:10:00Z"));
    const read = await coder.decode({ token: issued, secret, salt });
    expect(await coder.encode({ token: read!, secret, salt, maxAge: 3600 })).toBe(issued);
    // Sixteen minutes after issue: a new token, expiring an hour from now.
    vi.setSystemTime(new Date("2026-12-01T08:16:00Z"));
    const again = await coder.decode({ token: issued, secret, salt });
    const renewed = await coder.encode({ token: again!, secret, salt, maxAge: 3600 });
    expect(renewed).not.toBe(issued);
    const payload = await coder.decode({ token: renewed, secret, salt });
    expect(payload).toMatchObject(claims);
    expect(payload!.exp).toBe(Date.parse("2026-12-01T09:16:00Z") / 1000);
    expect(payload!.jti).not.toBe(again!.jti);
  });

  it("encrypts anew a token that did not come from the cookie (a sign-in, changed claims)", async () => {
    const issued = await coder.encode({ token: claims, secret, salt, maxAge: 3600 });
    const read = await coder.decode({ token: issued, secret, salt });
    // A copy (what a callback returns when it changes the token) is not the token that was read.
    const changed = { ...read!, role: "CLERK" as const };
    const out = await coder.encode({ token: changed, secret, salt, maxAge: 3600 });
    expect(out).not.toBe(issued);
    expect(await coder.decode({ token: out, secret, salt })).toMatchObject({ role: "CLERK" });
  });

  it("reuses only a token issued in the past and less than the limit ago", () => {
    expect(reusable({ iat: 1000 }, 900, 1000)).toBe(true);
    expect(reusable({ iat: 1000 }, 900, 1899)).toBe(true);
    expect(reusable({ iat: 1000 }, 900, 1900)).toBe(false);
    expect(reusable({ iat: 2000 }, 900, 1000)).toBe(false);
    expect(reusable({}, 900, 1000)).toBe(false);
  });
});
