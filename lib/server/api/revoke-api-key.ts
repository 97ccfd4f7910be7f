// Revokes an open API key at once (the next call with it is refused, 401). The administrator may
// revoke any key; an applicant only their own tokens (others' are "not found", the probe audited).
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { can } from "@/lib/domain/access/permissions";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { hiddenFrom, requireRole } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { rolesWith } from "@/lib/domain/access/permissions";
import { ZRevokeApiKeyInput } from "./schemas";

export async function revokeApiKey(opts: { actor: Actor | null; input: z.input<typeof ZRevokeApiKeyInput> }) {
  const actor = await requireRole(opts.actor, [...new Set([...rolesWith("api-keys:administer"), ...rolesWith("api-keys:self")])], "revokeApiKey");
  const input = ZRevokeApiKeyInput.parse(opts.input);
  const key = await db().apiKey.findUnique({ where: { id: input.keyId }, select: { id: true, userId: true, prefix: true } });
  if (!key) throw new AppError("NOT_FOUND");
  if (!can(actor.role, "api-keys:administer") && key.userId !== actor.id) throw await hiddenFrom(actor, { entityType: "ApiKey", entityId: key.id }, "revokeApiKey");
  return db().$transaction(async (tx) => {
    // Guarded by the old state: a second revocation (another tab) changes nothing.
    const { count } = await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: new Date(), revokedById: actor.id } });
    if (count === 0) throw new AppError("ALREADY_HANDLED");
    await recordAuditEvent(tx, { actor, action: "apiKey.revoked", entityType: "ApiKey", entityId: key.id, after: { prefix: key.prefix } });
    return { id: key.id };
  });
}
