// Checks a sign-in attempt, applying the lockout policy and auditing success and failure.
import "server-only";
import { afterFailure, afterSuccess, isLocked, LOCKOUT_POLICY, minutesLeft, type LoginThrottleState } from "@/lib/domain/auth/lockout";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/domain/access/actor";
import { verifyPassword } from "@/lib/server/auth/password";
import { db, type Tx } from "@/lib/server/db";

export async function verifyCredentials(opts: { loginId: string; password: string; now?: Date }): Promise<Actor> {
  const now = opts.now ?? new Date();
  const loginId = opts.loginId.trim().toUpperCase();
  const user = await db().user.findUnique({ where: { loginId } });

  if (user && isLocked(user, now)) {
    await recordAuditEvent(db(), { actor: null, action: "auth.login.locked", entityType: "User", entityId: user.id });
    throw new AppError("ACCOUNT_LOCKED", undefined, { details: { minutes: minutesLeft(user, now) } });
  }

  // An ID without an account locks like one with an account, so the answers never tell which IDs exist.
  if (!user) await refuseIfUnknownLocked(loginId, now);
  const ok = await verifyPassword(user?.passwordHash ?? null, opts.password);
  if (!user || !ok || !user.active) {
    if (user) {
      // Counted under a row lock from the state as it is now: N parallel wrong passwords count N.
      const next = await db().$transaction(async (tx) => {
        const state = await lockedThrottleState(tx, user.id);
        const after = afterFailure(state, now);
        await tx.user.update({ where: { id: user.id }, data: after });
        await recordAuditEvent(tx, { actor: null, action: "auth.login.failed", entityType: "User", entityId: user.id, meta: { locked: after.lockedUntil !== null } });
        return after;
      });
      if (isLocked(next, now)) {
        throw new AppError("ACCOUNT_LOCKED", undefined, { details: { minutes: minutesLeft(next, now) } });
      }
    }
    if (!user) {
      await db().lookupFailure.create({ data: { key: `login:${loginId}`, at: now } });
      await refuseIfUnknownLocked(loginId, now);
    }
    throw new AppError("BAD_CREDENTIALS");
  }

  await db().$transaction(async (tx) => {
    // A lock set by parallel failures while this password was being checked still holds.
    const state = await lockedThrottleState(tx, user.id);
    if (isLocked(state, now)) throw new AppError("ACCOUNT_LOCKED", undefined, { details: { minutes: minutesLeft(state, now) } });
    await tx.user.update({ where: { id: user.id }, data: { ...afterSuccess(), lastLoginAt: now } });
    await recordAuditEvent(tx, { actor: user, action: "auth.login", entityType: "User", entityId: user.id });
  });
  return { id: user.id, role: user.role, name: user.name, sectionId: user.sectionId };
}

async function lockedThrottleState(tx: Tx, userId: string): Promise<LoginThrottleState> {
  const [row] = await tx.$queryRaw<LoginThrottleState[]>`SELECT "failedLoginCount", "lockedUntil" FROM "User" WHERE id = ${userId} FOR UPDATE`;
  return row;
}

/** The failures of an ID without an account, counted like an account's: locked after the same number, for as long. */
async function refuseIfUnknownLocked(loginId: string, now: Date): Promise<void> {
  const window = LOCKOUT_POLICY.lockMinutes * 60_000;
  const recent = await db().lookupFailure.findMany({ where: { key: `login:${loginId}`, at: { gt: new Date(now.getTime() - window) } }, orderBy: { at: "desc" }, take: LOCKOUT_POLICY.maxFailures, select: { at: true } });
  if (recent.length < LOCKOUT_POLICY.maxFailures) return;
  const lockedUntil = new Date(recent[recent.length - 1].at.getTime() + window);
  throw new AppError("ACCOUNT_LOCKED", undefined, { details: { minutes: minutesLeft({ failedLoginCount: 0, lockedUntil }, now) || 1 } });
}
