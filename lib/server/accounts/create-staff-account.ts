// An administrator creates a staff account (staff never register themselves).
import "server-only";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";
import { ZCreateStaffAccountInput, type TCreateStaffAccountInput } from "./schemas";
import { STAFF_ROLES, roleNeedsSection } from "@/lib/domain/access/roles";


export async function createStaffAccount(opts: { actor: Actor | null; input: TCreateStaffAccountInput }) {
  const actor = await requirePermission(opts.actor, "staff:administer", "createStaffAccount");
  const input = ZCreateStaffAccountInput.parse(opts.input);
  if (roleNeedsSection(input.role) && !input.sectionId) {
    throw new AppError("VALIDATION", "section.required", { field: "sectionId" });
  }
  if (input.sectionId && !(await db().section.findUnique({ where: { id: input.sectionId } }))) {
    throw new AppError("VALIDATION", "section.unknown", { field: "sectionId" });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { loginId: input.loginId, name: input.name, role: input.role, sectionId: input.sectionId, passwordHash },
        select: { id: true, loginId: true, name: true, role: true, sectionId: true },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "account.staff.created",
        entityType: "User",
        entityId: user.id,
        after: { loginId: user.loginId, role: user.role, sectionId: user.sectionId },
      });
      return user;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new AppError("LOGIN_ID_TAKEN", undefined, { field: "loginId" });
    }
    throw e;
  }
}

export async function listStaffAccounts(opts: { actor: Actor | null }) {
  await requirePermission(opts.actor, "staff:administer", "listStaffAccounts");
  return db().user.findMany({
    where: { role: { in: [...STAFF_ROLES] } },
    orderBy: [{ role: "asc" }, { loginId: "asc" }],
    select: { id: true, loginId: true, name: true, role: true, active: true, lastLoginAt: true, section: { select: { name: true } } },
  });
}
