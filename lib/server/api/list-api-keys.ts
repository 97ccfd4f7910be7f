// The keys a page lists: every department's for the administrator (and how many applicant tokens
// are active), an applicant's own tokens for them. Never the key itself: its prefix only.
import "server-only";
import type { Actor } from "@/lib/domain/access/actor";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

const SELECT = { id: true, name: true, prefix: true, scopes: true, ratePerMinute: true, createdAt: true, revokedAt: true, lastUsedAt: true, department: { select: { id: true, name: true } } } as const;

export async function listDepartmentApiKeys(opts: { actor: Actor | null }) {
  await requirePermission(opts.actor, "api-keys:administer", "listDepartmentApiKeys");
  const [keys, applicantTokens] = await Promise.all([
    db().apiKey.findMany({ where: { departmentId: { not: null } }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], take: 500, select: SELECT }),
    db().apiKey.count({ where: { userId: { not: null }, revokedAt: null } }),
  ]);
  return { keys, applicantTokens };
}

export async function listMyApiTokens(opts: { actor: Actor | null }) {
  const actor = await requirePermission(opts.actor, "api-keys:self", "listMyApiTokens");
  return db().apiKey.findMany({ where: { userId: actor.id }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], take: 100, select: SELECT });
}
