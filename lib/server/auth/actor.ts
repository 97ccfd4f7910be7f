// The acting user as services see it, and the role checks every service calls itself.
import "server-only";
import type { Role } from "@/lib/domain/access/roles";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

export type Actor = { id: string; role: Role; name: string; sectionId: string | null };

/**
 * Loads the signed-in user afresh, so a deactivated account or changed role takes effect at once,
 * and a session from before the user's last sign-out is void even if its cookie survived.
 */
export async function loadActor(userId: string, signedInAt?: number): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, name: true, sectionId: true, active: true, sessionsValidAfter: true },
  });
  if (!user || !user.active) return null;
  if (user.sessionsValidAfter && (signedInAt ?? 0) < user.sessionsValidAfter.getTime()) return null;
  return { id: user.id, role: user.role, name: user.name, sectionId: user.sectionId };
}

/**
 * Throws FORBIDDEN unless the actor holds one of the roles; the refusal itself is audited
 * (a denied attempt is a fact the supervisor must see).
 */
export async function requireRole(actor: Actor | null, roles: readonly Role[], what: string): Promise<Actor> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!roles.includes(actor.role)) {
    await recordAuditEvent(db(), {
      actor,
      action: "access.denied",
      entityType: "Action",
      entityId: what,
      meta: { requiredRoles: [...roles] },
    });
    throw new AppError("FORBIDDEN", `${actor.role} may not ${what}`);
  }
  return actor;
}

/**
 * Signing out ends every session of the user server-side: a cookie that survives (another tab,
 * a request still in flight that refreshes it) no longer signs anyone in.
 */
export async function endSessions(actor: Actor, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionsValidAfter: now } });
    await recordAuditEvent(tx, { actor, action: "account.signedOut", entityType: "User", entityId: actor.id });
  });
}
