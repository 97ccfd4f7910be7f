// The administrator's accounts page: find any account (staff or applicant) by login or name, and
// unlock, disable, enable or reset it. What is possible comes from the domain's accountActions; each
// change is made under the account's row lock from the state read there, and audited. A reset gives
// a staff account a temporary password shown once to the administrator; an applicant's reset sends
// a one-time code to their own phone instead (the administrator never learns their password).
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { ACCOUNT_ACTIONS, accountActionRefusal, accountActions } from "@/lib/domain/accounts/account-actions";
import { APPLICANT_ROLE } from "@/lib/domain/access/roles";
import { afterSuccess, isLocked } from "@/lib/domain/auth/lockout";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";
import { requestAccountCode } from "./account-codes";

export const ZAccountsFilter = z.object({
  q: z.string().trim().min(1).max(64).optional().catch(undefined),
  after: z.string().max(64).optional().catch(undefined),
});

const PAGE = 50;

export async function listAccounts(opts: { actor: Actor | null; filter?: z.input<typeof ZAccountsFilter>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "accounts:administer", "listAccounts");
  const now = opts.now ?? new Date();
  const filter = ZAccountsFilter.parse(opts.filter ?? {});
  const q = filter.q;
  const rows = await db().user.findMany({
    where: {
      ...(q ? { OR: [{ loginId: { startsWith: q.toUpperCase() } }, { name: { contains: q } }] } : {}),
      ...(filter.after ? { loginId: { gt: filter.after } } : {}),
    },
    orderBy: { loginId: "asc" },
    take: PAGE + 1,
    select: { id: true, loginId: true, name: true, role: true, active: true, failedLoginCount: true, lockedUntil: true, lastLoginAt: true, phone: true, enterprise: { select: { name: true } } },
  });
  const page = rows.slice(0, PAGE);
  return {
    rows: page.map((u) => ({ ...u, locked: isLocked(u, now), actions: accountActions(u, now, actor.id), hasPhone: Boolean(u.phone) })),
    next: rows.length > PAGE ? page[page.length - 1].loginId : null,
    filter,
  };
}

export const ZManageAccountInput = z.object({ userId: z.string().min(1).max(64), action: z.enum(ACCOUNT_ACTIONS) });

export async function manageAccount(opts: { actor: Actor | null; input: z.input<typeof ZManageAccountInput>; now?: Date }): Promise<{ loginId: string; temporaryPassword?: string; codeSent?: boolean }> {
  const actor = await requirePermission(opts.actor, "accounts:administer", "manageAccount");
  const input = ZManageAccountInput.parse(opts.input);
  const now = opts.now ?? new Date();
  const temporaryPassword = input.action === "RESET_PASSWORD" ? `${randomBytes(9).toString("base64url")}7a` : null;
  const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : null;
  const done = await db().$transaction(async (tx) => {
    const [user] = await tx.$queryRaw<{ id: string; loginId: string; role: string; active: boolean; failedLoginCount: number; lockedUntil: Date | null }[]>`
      SELECT id, "loginId", role::text AS role, active, "failedLoginCount", "lockedUntil" FROM "User" WHERE id = ${input.userId} FOR UPDATE`;
    if (!user) throw new AppError("NOT_FOUND");
    const refusal = accountActionRefusal(input.action, user, now, actor.id);
    if (refusal) throw new AppError(refusal === "OWN_ACCOUNT" ? "FORBIDDEN" : "ALREADY_HANDLED", refusal);
    const applicant = user.role === APPLICANT_ROLE;
    const data =
      input.action === "UNLOCK" ? afterSuccess()
      : input.action === "DISABLE" ? { active: false, sessionsValidFrom: now }
      : input.action === "ENABLE" ? { active: true }
      : { passwordHash: passwordHash!, ...afterSuccess(), sessionsValidFrom: now };
    await tx.user.update({ where: { id: user.id }, data });
    await recordAuditEvent(tx, {
      actor,
      action: `account.admin.${input.action.toLowerCase()}`,
      entityType: "User",
      entityId: user.id,
      before: { active: user.active, locked: isLocked(user, now), failedLoginCount: user.failedLoginCount },
      meta: input.action === "RESET_PASSWORD" ? { by: applicant ? "code to the applicant's phone" : "temporary password" } : undefined,
    });
    return { loginId: user.loginId, applicant };
  });
  if (input.action !== "RESET_PASSWORD") return { loginId: done.loginId };
  if (done.applicant) {
    await requestAccountCode({ input: { loginId: done.loginId, purpose: "RESET" }, now });
    return { loginId: done.loginId, codeSent: true };
  }
  return { loginId: done.loginId, temporaryPassword: temporaryPassword! };
}
