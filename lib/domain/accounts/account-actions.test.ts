import { describe, expect, it } from "vitest";
import { codeProblem, maySendAnotherCode, normaliseCode } from "@/lib/domain/auth/one-time-code";
import { accountActionRefusal, accountActions } from "./account-actions";

const now = new Date("2026-11-30T08:00:00Z");
const base = { id: "u1", active: true, failedLoginCount: 0, lockedUntil: null };

describe("the administrator's account actions", () => {
  it("offers unlock only to a locked (or failing) account, disable or enable by state, never on their own account", () => {
    expect(accountActions(base, now, "admin")).toEqual(["DISABLE", "RESET_PASSWORD"]);
    expect(accountActions({ ...base, lockedUntil: new Date(now.getTime() + 60_000) }, now, "admin")).toEqual(["UNLOCK", "DISABLE", "RESET_PASSWORD"]);
    expect(accountActions({ ...base, failedLoginCount: 3 }, now, "admin")).toContain("UNLOCK");
    expect(accountActions({ ...base, lockedUntil: new Date(now.getTime() - 60_000) }, now, "admin")).not.toContain("UNLOCK");
    expect(accountActions({ ...base, active: false }, now, "admin")).toEqual(["ENABLE", "RESET_PASSWORD"]);
    expect(accountActions(base, now, "u1")).toEqual([]);
    expect(accountActionRefusal("DISABLE", base, now, "u1")).toBe("OWN_ACCOUNT");
    expect(accountActionRefusal("ENABLE", base, now, "admin")).toBe("ALREADY_ENABLED");
  });
});

describe("one-time codes", () => {
  const code = { expiresAt: new Date(now.getTime() + 60_000), attempts: 0, usedAt: null };
  it("are refused once used, expired or tried too often", () => {
    expect(codeProblem(code, now)).toBeNull();
    expect(codeProblem({ ...code, usedAt: now }, now)).toBe("USED");
    expect(codeProblem({ ...code, expiresAt: now }, now)).toBe("EXPIRED");
    expect(codeProblem({ ...code, attempts: 5 }, now)).toBe("TOO_MANY_ATTEMPTS");
    expect(codeProblem({ ...code, attempts: 4 }, now)).toBeNull();
  });
  it("are six digits, typed with spaces or full-width digits; at most five an hour", () => {
    expect(normaliseCode(" 123 456 ")).toBe("123456");
    expect(normaliseCode("１２３４５６")).toBe("123456");
    expect(normaliseCode("12345")).toBeNull();
    expect(normaliseCode("12345a")).toBeNull();
    expect(maySendAnotherCode(4)).toBe(true);
    expect(maySendAnotherCode(5)).toBe(false);
  });
});
