// A supervisor or the director anchors the audit trail now: its head, signed with the seal's key,
// written outside the database (lib/server/audit/audit-anchors.ts). The anchoring itself is audited.
import "server-only";
import type { Actor } from "@/lib/domain/access/actor";
import { anchorAndRecord } from "@/lib/server/audit/audit-anchors";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

export async function anchorAuditChain(opts: { actor: Actor | null; now?: Date }) {
  const actor = await requirePermission(opts.actor, "audit:read", "anchorAuditChain");
  const anchor = await anchorAndRecord(db(), { actor, now: opts.now });
  return anchor && { id: anchor.id, hash: anchor.hash, at: anchor.at };
}
