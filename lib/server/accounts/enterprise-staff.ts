// An enterprise's main account adds members of its staff (经办人) as sub-accounts that file and
// follow applications for it, sees them, and removes them. A sub-account's login is the credit code
// and a number (91511602MA0000001P-01); its holder sets the password with a code sent to the phone
// the enterprise gave (the same claim as a walk-in's). Every application records who filed it.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/domain/access/actor";
import { APPLICANT_ROLE } from "@/lib/domain/access/roles";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";
import { ZAddEnterpriseStaffInput } from "./schemas";
import type { z } from "zod";

/** The enterprise's main account behind the actor, or FORBIDDEN (persons and sub-accounts manage no staff). */
async function enterpriseOf(actor: Actor | null, what: string) {
  const a = await requirePermission(actor, "applicant:self", what);
  const user = await db().user.findUnique({ where: { id: a.id }, select: { id: true, applicantType: true, enterpriseId: true, creditCode: true } });
  if (!user || user.applicantType !== "ENTERPRISE" || user.enterpriseId || !user.creditCode) throw new AppError("FORBIDDEN", `${what}: not an enterprise's main account`);
  return { actor: a, enterprise: { id: user.id, creditCode: user.creditCode } };
}

export async function listEnterpriseStaff(opts: { actor: Actor | null }) {
  const { enterprise } = await enterpriseOf(opts.actor, "listEnterpriseStaff");
  return db().user.findMany({
    where: { enterpriseId: enterprise.id },
    orderBy: { loginId: "asc" },
    select: { id: true, loginId: true, name: true, phone: true, active: true, lastLoginAt: true },
  });
}

export async function addEnterpriseStaff(opts: { actor: Actor | null; input: z.input<typeof ZAddEnterpriseStaffInput> }) {
  const { actor, enterprise } = await enterpriseOf(opts.actor, "addEnterpriseStaff");
  const input = ZAddEnterpriseStaffInput.parse(opts.input);
  // Nobody knows this password: the member sets one with a code sent to their phone.
  const passwordHash = await hashPassword(randomBytes(24).toString("base64url"));
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await db().$transaction(async (tx) => {
        const count = await tx.user.count({ where: { enterpriseId: enterprise.id } });
        const loginId = `${enterprise.creditCode}-${String(count + 1 + attempt).padStart(2, "0")}`;
        const user = await tx.user.create({
          data: { loginId, name: input.name, phone: input.phone, role: APPLICANT_ROLE, passwordHash, enterpriseId: enterprise.id },
          select: { id: true, loginId: true, name: true },
        });
        await recordAuditEvent(tx, { actor, action: "account.enterpriseStaff.added", entityType: "User", entityId: user.id, after: { loginId, enterpriseId: enterprise.id } });
        return user;
      });
    } catch (e) {
      // Two members added at once took the same number: take the next.
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") continue;
      throw e;
    }
  }
  throw new AppError("CONFLICT");
}

export async function removeEnterpriseStaff(opts: { actor: Actor | null; userId: string; now?: Date }) {
  const { actor, enterprise } = await enterpriseOf(opts.actor, "removeEnterpriseStaff");
  const now = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: opts.userId, enterpriseId: enterprise.id, active: true }, data: { active: false, sessionsValidFrom: now } });
    if (count === 0) throw new AppError("NOT_FOUND");
    await recordAuditEvent(tx, { actor, action: "account.enterpriseStaff.removed", entityType: "User", entityId: opts.userId, meta: { enterpriseId: enterprise.id } });
    return { id: opts.userId };
  });
}
