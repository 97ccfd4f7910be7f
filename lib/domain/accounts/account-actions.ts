// What the administrator may do to an account now: one table, the screen renders its answers.
import { isLocked, type LoginThrottleState } from "@/lib/domain/auth/lockout";

export const ACCOUNT_ACTIONS = ["UNLOCK", "DISABLE", "ENABLE", "RESET_PASSWORD"] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

export type AccountFacts = LoginThrottleState & { id: string; active: boolean };

type Refusal = "NOT_LOCKED" | "ALREADY_DISABLED" | "ALREADY_ENABLED" | "OWN_ACCOUNT";

const RULES: Record<AccountAction, (a: AccountFacts, now: Date, adminId: string) => Refusal | null> = {
  UNLOCK: (a, now) => (isLocked(a, now) || a.failedLoginCount > 0 ? null : "NOT_LOCKED"),
  // An administrator never locks themselves out of the portal.
  DISABLE: (a, _now, adminId) => (a.id === adminId ? "OWN_ACCOUNT" : a.active ? null : "ALREADY_DISABLED"),
  ENABLE: (a) => (a.active ? "ALREADY_ENABLED" : null),
  RESET_PASSWORD: (a, _now, adminId) => (a.id === adminId ? "OWN_ACCOUNT" : null),
};

export function accountActionRefusal(action: AccountAction, a: AccountFacts, now: Date, adminId: string): Refusal | null {
  return RULES[action](a, now, adminId);
}

/** The actions open on this account now, in the table's order. */
export function accountActions(a: AccountFacts, now: Date, adminId: string): AccountAction[] {
  return ACCOUNT_ACTIONS.filter((action) => RULES[action](a, now, adminId) === null);
}
