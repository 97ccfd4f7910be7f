// One-time codes to an account's phone: reset a forgotten password, or claim an account that the
// window (for a walk-in) or an enterprise (for its staff) created. The answer to a request never
// says whether the account exists; only a keyed hash of the code is kept; a successful use sets the
// new password, clears the lockout and voids every earlier session.
import "server-only";
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { APPLICANT_ROLE } from "@/lib/domain/access/roles";
import { CODE_POLICY, codeExpiry, codeProblem, maySendAnotherCode, normaliseCode, type CodePurpose } from "@/lib/domain/auth/one-time-code";
import { afterSuccess } from "@/lib/domain/auth/lockout";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { queueNotice } from "@/lib/server/notifications/outbox";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";
import { ZRequestCodeInput, ZResetWithCodeInput } from "./schemas";
import type { z } from "zod";

function codeHash(userId: string, code: string): string {
  const secret = env().AUTH_SECRET;
  // Without the installation secret nothing can be sent or checked; never a hash under an empty key.
  if (!secret) throw new AppError("UNAVAILABLE", "AUTH_SECRET is needed for one-time codes");
  return createHmac("sha256", secret).update(`account-code:${userId}:${code}`).digest("hex");
}

const SMS: Record<CodePurpose, (code: string) => string> = {
  RESET: (code) => `【广安区行政审批局】验证码 ${code}，${CODE_POLICY.ttlMinutes} 分钟内有效，用于重置登录密码。如非本人操作，请忽略本短信。`,
  CLAIM: (code) => `【广安区行政审批局】验证码 ${code}，${CODE_POLICY.ttlMinutes} 分钟内有效，用于启用为您登记的办事账号并设置密码。如非本人操作，请忽略本短信。`,
};

/** Sends a code to the account's phone when there is such an applicant account; the same answer either way. */
export async function requestAccountCode(opts: { input: z.input<typeof ZRequestCodeInput>; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  const input = ZRequestCodeInput.parse(opts.input);
  const user = await db().user.findUnique({ where: { loginId: input.loginId }, select: { id: true, role: true, active: true, phone: true } });
  if (!user || user.role !== APPLICANT_ROLE || !user.active || !user.phone) return;
  const code = String(randomInt(0, 10 ** CODE_POLICY.digits)).padStart(CODE_POLICY.digits, "0");
  await db().$transaction(async (tx) => {
    // Counted under the account's row lock, so parallel requests cannot exceed the hourly number.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${user.id} FOR UPDATE`;
    const recent = await tx.accountCode.count({ where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - 3_600_000) } } });
    if (!maySendAnotherCode(recent)) {
      await recordAuditEvent(tx, { actor: null, action: "account.code.refused", entityType: "User", entityId: user.id, meta: { purpose: input.purpose, sentInLastHour: recent } });
      return;
    }
    await tx.accountCode.create({ data: { userId: user.id, purpose: input.purpose, codeHash: codeHash(user.id, code), expiresAt: codeExpiry(now), createdAt: now } });
    await recordAuditEvent(tx, { actor: null, action: "account.code.sent", entityType: "User", entityId: user.id, meta: { purpose: input.purpose } });
    // A code goes by SMS to the account's phone, whatever channels the person chose for notices.
    await queueNotice(tx, { userId: user.id, kind: `ACCOUNT_CODE_${input.purpose}`, text: SMS[input.purpose](code), channels: ["SMS"] });
  });
}

/** Sets a new password with the newest code sent to the account. Any wrong, old or used code is the same refusal. */
export async function resetPasswordWithCode(opts: { input: z.input<typeof ZResetWithCodeInput>; now?: Date }): Promise<{ loginId: string }> {
  const now = opts.now ?? new Date();
  const input = ZResetWithCodeInput.parse(opts.input);
  const typed = normaliseCode(input.code);
  const refused = () => new AppError("CODE_INVALID", undefined, { field: "code" });
  const user = await db().user.findUnique({ where: { loginId: input.loginId }, select: { id: true, role: true, active: true } });
  if (!user || user.role !== APPLICANT_ROLE || !user.active) throw refused();
  const passwordHash = await hashPassword(input.password);
  const outcome = await db().$transaction(async (tx) => {
    const [latest] = await tx.$queryRaw<{ id: string; codeHash: string; expiresAt: Date; attempts: number; usedAt: Date | null; purpose: string }[]>`
      SELECT id, "codeHash", "expiresAt", attempts, "usedAt", purpose FROM "AccountCode" WHERE "userId" = ${user.id} ORDER BY "createdAt" DESC, id DESC LIMIT 1 FOR UPDATE`;
    if (!latest || codeProblem(latest, now)) return "refused" as const;
    const expected = Buffer.from(latest.codeHash, "hex");
    const given = Buffer.from(codeHash(user.id, typed ?? "-"), "hex");
    if (!typed || !timingSafeEqual(expected, given)) {
      await tx.accountCode.update({ where: { id: latest.id }, data: { attempts: { increment: 1 } } });
      await recordAuditEvent(tx, { actor: null, action: "account.code.wrong", entityType: "User", entityId: user.id, meta: { attempts: latest.attempts + 1 } });
      return "refused" as const;
    }
    await tx.accountCode.update({ where: { id: latest.id }, data: { usedAt: now } });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, ...afterSuccess(), sessionsValidFrom: now } });
    await recordAuditEvent(tx, { actor: { id: user.id, role: user.role }, action: latest.purpose === "CLAIM" ? "account.claimed" : "account.password.reset", entityType: "User", entityId: user.id });
    return "done" as const;
  });
  if (outcome === "refused") throw refused();
  return { loginId: input.loginId };
}
