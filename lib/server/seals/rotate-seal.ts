// The director rotates the approval seal: a new seal with a new signing identity becomes the one
// in use; the old one is archived (封存) and can never stamp again — what it stamped still verifies,
// since its public keys stay on record.
import "server-only";
import type { Actor } from "@/lib/domain/access/actor";
import { planSealRotation } from "@/lib/domain/seals/seal-rules";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { asAppError } from "@/lib/server/domain-errors";
import { ensureSealIdentity } from "./seal-keys";

export async function rotateSeal(opts: { actor: Actor | null; now?: Date }) {
  const actor = await requirePermission(opts.actor, "seal:rotate", "rotateSeal");
  const now = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    const current = await tx.seal.findFirst({ where: { status: "ACTIVE" } });
    if (!current) throw new AppError("SEAL_NOT_ACTIVE");
    // Archive first: the database allows one active seal at a time.
    const archived = await tx.seal.updateMany({ where: { id: current.id, status: "ACTIVE" }, data: { status: "ARCHIVED", activeMarker: null, archivedAt: now } });
    if (archived.count !== 1) throw new AppError("ALREADY_HANDLED");
    const next = await tx.seal.create({ data: { name: current.name, holder: current.holder, status: "ACTIVE", activeMarker: true } });
    try {
      planSealRotation({ id: current.id, status: "ACTIVE" }, { id: next.id, status: "ACTIVE" }, now);
    } catch (e) {
      throw asAppError(e);
    }
    await ensureSealIdentity(tx, next, now);
    const fresh = await tx.seal.findUniqueOrThrow({ where: { id: next.id }, select: { id: true, keyId: true, rsaFingerprint: true, sm2Fingerprint: true } });
    await recordAuditEvent(tx, { actor, action: "seal.rotated", entityType: "Seal", entityId: next.id, before: { active: current.id, keyId: current.keyId }, after: { active: next.id, keyId: fresh.keyId, rsaFingerprint: fresh.rsaFingerprint, sm2Fingerprint: fresh.sm2Fingerprint } });
    return { archivedId: current.id, activeId: next.id, keyId: fresh.keyId };
  });
}
