// Who is calling the open API: the key of an `Authorization: Bearer` header, found by its prefix,
// proven by its hash (constant-time), refused when revoked or when its owner can no longer act.
import "server-only";
import type { Actor } from "@/lib/domain/access/actor";
import { can } from "@/lib/domain/access/permissions";
import { apiKeyMatches, apiKeyPrefix } from "@/lib/domain/api/keys";
import { ownerOf, type ApiKeyOwner } from "@/lib/domain/api/scopes";
import { AppError } from "@/lib/errors";
import { loadActor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

export type ApiPrincipal = {
  keyId: string;
  prefix: string;
  /** The key's own limit (calls per minute), or null for the default. */
  ratePerMinute: number | null;
  owner: ApiKeyOwner;
  scopes: string[];
  /** An applicant's token acts as the applicant (their enterprise for a sub-account), loaded afresh. */
  actor: Actor | null;
};

/** Throws UNAUTHENTICATED (detail "invalid" or "revoked"); a revoked key carries its id so the refused call is audited on it. */
export async function authenticateApiKey(token: string): Promise<ApiPrincipal> {
  const prefix = apiKeyPrefix(token);
  const row = prefix ? await db().apiKey.findUnique({ where: { prefix }, select: { id: true, prefix: true, secretHash: true, scopes: true, departmentId: true, userId: true, revokedAt: true, ratePerMinute: true } }) : null;
  if (!row || !apiKeyMatches(token, row.secretHash)) throw new AppError("UNAUTHENTICATED", "invalid");
  if (row.revokedAt) throw new AppError("UNAUTHENTICATED", "revoked", { details: { keyId: row.id } });
  const owner = ownerOf(row);
  if (!owner) throw new AppError("UNAUTHENTICATED", "invalid", { details: { keyId: row.id } });
  let actor: Actor | null = null;
  if (owner.kind === "applicant") {
    // A disabled account's tokens stop working with it.
    actor = await loadActor(owner.userId);
    if (!actor || !can(actor.role, "applicant:self")) throw new AppError("UNAUTHENTICATED", "revoked", { details: { keyId: row.id } });
  }
  return { keyId: row.id, prefix: row.prefix, ratePerMinute: row.ratePerMinute, owner, scopes: row.scopes, actor };
}
