// Sign-in throttling: after repeated failures an account is locked for a while.

export const LOCKOUT_POLICY = { maxFailures: 5, lockMinutes: 15 } as const;

export type LoginThrottleState = { failedLoginCount: number; lockedUntil: Date | null };

export function isLocked(state: LoginThrottleState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** Minutes left (rounded up) while locked, for the message shown to the user. */
export function minutesLeft(state: LoginThrottleState, now: Date): number {
  if (!isLocked(state, now)) return 0;
  return Math.ceil((state.lockedUntil!.getTime() - now.getTime()) / 60_000);
}

/** State after a failed attempt: the count grows, and reaching the limit locks and restarts it. */
export function afterFailure(
  state: LoginThrottleState,
  now: Date,
  policy: { maxFailures: number; lockMinutes: number } = LOCKOUT_POLICY,
): LoginThrottleState {
  // A lock that has run out starts a fresh count.
  const count = (state.lockedUntil && !isLocked(state, now) ? 0 : state.failedLoginCount) + 1;
  if (count >= policy.maxFailures) {
    return { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failedLoginCount: count, lockedUntil: state.lockedUntil && isLocked(state, now) ? state.lockedUntil : null };
}

export function afterSuccess(): LoginThrottleState {
  return { failedLoginCount: 0, lockedUntil: null };
}
