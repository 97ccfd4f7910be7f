// Issues an open API key: a department's (the administrator, with scopes) or an applicant's own
// status token. The key is returned ONCE; only its SHA-256 is stored. Audited without the key.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { newApiKey } from "@/lib/domain/api/keys";
import { grantableScopes } from "@/lib/domain/api/scopes";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { ZCreateApplicantTokenInput, ZCreateDepartmentKeyInput } from "./schemas";

/** An applicant keeps a handful of tokens, not a drawer full. */
export const MAX_ACTIVE_APPLICANT_TOKENS = 5;

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export async function createDepartmentApiKey(opts: { actor: Actor | null; input: z.input<typeof ZCreateDepartmentKeyInput> }) {
  const actor = await requirePermission(opts.actor, "api-keys:administer", "createDepartmentApiKey");
  const input = ZCreateDepartmentKeyInput.parse(opts.input);
  const scopes = grantableScopes("department", input.scopes);
  if (!scopes) throw new AppError("VALIDATION", "api.scopes", { field: "scopes" });
  const department = await db().department.findUnique({ where: { id: input.departmentId }, select: { id: true } });
  if (!department) throw new AppError("VALIDATION", "api.department", { field: "departmentId" });
  const k = newApiKey(random);
  return db().$transaction(async (tx) => {
    const row = await tx.apiKey.create({ data: { prefix: k.prefix, secretHash: k.secretHash, name: input.name, scopes, departmentId: department.id, ratePerMinute: input.ratePerMinute ?? null, createdById: actor.id } });
    await recordAuditEvent(tx, { actor, action: "apiKey.created", entityType: "ApiKey", entityId: row.id, after: { name: input.name, prefix: k.prefix, scopes, departmentId: department.id, ratePerMinute: input.ratePerMinute ?? null } });
    return { id: row.id, prefix: k.prefix, key: k.key };
  });
}

export async function createApplicantApiToken(opts: { actor: Actor | null; input: z.input<typeof ZCreateApplicantTokenInput> }) {
  const actor = await requirePermission(opts.actor, "api-keys:self", "createApplicantApiToken");
  const input = ZCreateApplicantTokenInput.parse(opts.input);
  const scopes = grantableScopes("applicant", ["applications:read"])!;
  const k = newApiKey(random);
  return db().$transaction(async (tx) => {
    // Counted under a lock on the user's row, so two tabs cannot both make the sixth.
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${actor.id} FOR UPDATE`;
    const active = await tx.apiKey.count({ where: { userId: actor.id, revokedAt: null } });
    if (active >= MAX_ACTIVE_APPLICANT_TOKENS) throw new AppError("CONFLICT", "api.tooManyTokens", { details: { limit: MAX_ACTIVE_APPLICANT_TOKENS } });
    const row = await tx.apiKey.create({ data: { prefix: k.prefix, secretHash: k.secretHash, name: input.name, scopes, userId: actor.id, createdById: actor.id } });
    await recordAuditEvent(tx, { actor, action: "apiKey.created", entityType: "ApiKey", entityId: row.id, after: { name: input.name, prefix: k.prefix, scopes, userId: actor.id } });
    return { id: row.id, prefix: k.prefix, key: k.key };
  });
}
