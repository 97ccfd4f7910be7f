// Loading the acting user afresh, and the role checks every service calls itself.
import "server-only";
import { rolesWith, type Permission } from "@/lib/domain/access/permissions";
import type { Role } from "@/lib/domain/access/roles";
import { rolesFor, type WorkflowAction } from "@/lib/domain/workflow/application-workflow";
import type { Actor } from "@/lib/domain/access/actor";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/server/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/**
 * Loads the signed-in user afresh, so a deactivated account or changed role takes effect at once,
 * and a signed-out session is void even if a copy of its cookie survived. A sub-account acts for
 * its enterprise (`actsFor`).
 */
export async function loadActor(userId: string, sessionId?: string, signedInAt?: number): Promise<Actor | null> {
  const [user, revoked] = await Promise.all([
    db().user.findUnique({ where: { id: userId }, select: { id: true, role: true, name: true, sectionId: true, active: true, sessionsValidFrom: true, enterpriseId: true } }),
    sessionId ? db().revokedSession.findUnique({ where: { sessionId }, select: { sessionId: true } }) : null,
  ]);
  if (!user || !user.active || revoked) return null;
  // A password reset or a disabling voids every session signed in before it.
  if (user.sessionsValidFrom && (signedInAt ?? 0) < user.sessionsValidFrom.getTime()) return null;
  return { id: user.id, role: user.role, name: user.name, sectionId: user.sectionId, ...(user.enterpriseId ? { actsFor: user.enterpriseId } : {}) };
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

/** Throws FORBIDDEN (audited) unless the actor holds the named permission. */
export function requirePermission(actor: Actor | null, permission: Permission, what: string): Promise<Actor> {
  return requireRole(actor, rolesWith(permission), what);
}

/** The gate of a workflow service: the actor's role may take at least one of `actions` (the table's rows). */
export function requireWorkflowRole(actor: Actor | null, actions: readonly WorkflowAction[], what: string): Promise<Actor> {
  return requireRole(actor, rolesFor(actions), what);
}

/**
 * Signing out revokes this session on the server: a copy of its cookie that survives (a request
 * still in flight that refreshes it, a stolen cookie) no longer signs anyone in. Other sessions of
 * the same user (another computer) are left alone.
 */
export async function endSession(actor: Actor, sessionId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.revokedSession.upsert({ where: { sessionId }, create: { sessionId, userId: actor.id }, update: {} });
    await recordAuditEvent(tx, { actor, action: "account.signedOut", entityType: "User", entityId: actor.id });
  });
}

/**
 * The answer to someone asking for a thing that exists but is not theirs to see: NOT_FOUND, exactly
 * as if it did not exist (nothing is revealed), and the probe is audited with its target. Throw the result.
 */
export async function hiddenFrom(actor: Actor, target: { entityType: string; entityId: string }, what: string): Promise<AppError> {
  await recordAuditEvent(db(), { actor, action: "access.denied", entityType: target.entityType, entityId: target.entityId, meta: { probe: what } });
  return new AppError("NOT_FOUND");
}

/** A page refused to this actor (by the proxy or by the page itself), audited with the path they asked for. */
export async function recordDeniedVisit(actor: Actor, path: string): Promise<void> {
  await recordAuditEvent(db(), { actor, action: "access.denied", entityType: "Path", entityId: path.slice(0, 500) });
}
