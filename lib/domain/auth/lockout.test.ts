import { describe, expect, it } from "vitest";
import { LOCKOUT_POLICY, afterFailure, afterSuccess, isLocked, minutesLeft, type LoginThrottleState } from "./lockout";

const t0 = new Date("2026-11-23T09:00:00+08:00");
const later = (min: number) => new Date(t0.getTime() + min * 60_000);

describe("sign-in lockout", () => {
  it("locks on the fifth consecutive failure, not before", () => {
    let s: LoginThrottleState = { failedLoginCount: 0, lockedUntil: null };
    for (let i = 1; i < LOCKOUT_POLICY.maxFailures; i++) {
      s = afterFailure(s, t0);
      expect(isLocked(s, t0)).toBe(false);
    }
    s = afterFailure(s, t0);
    expect(isLocked(s, t0)).toBe(true);
    expect(minutesLeft(s, later(1))).toBe(LOCKOUT_POLICY.lockMinutes - 1);
  });

  it("unlocks when the lock runs out, and counts afresh", () => {
    const locked = { failedLoginCount: 0, lockedUntil: later(15) };
    expect(isLocked(locked, later(15))).toBe(false);
    const next = afterFailure(locked, later(16));
    expect(next).toEqual({ failedLoginCount: 1, lockedUntil: null });
  });

  it("success clears the count", () => {
    expect(afterSuccess()).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });
});
