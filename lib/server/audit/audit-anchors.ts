// Anchors of the audit trail, outside the database: the chain's head (sequence number and hash) at a
// moment, signed with the bureau's seal key (SM2), appended to a file in AUDIT_ANCHOR_DIR. Someone who
// can write to the database can rewrite every row and recompute every hash after it — the chain alone
// then verifies clean — but cannot make an anchored hash come out the same, nor sign a new anchor.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { canonicalize } from "json-canonicalize";
import { sm2 } from "sm-crypto-v2";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { DbOrTx } from "@/lib/server/db";
import { loadSealKeys } from "@/lib/server/seals/seal-keys";
import { recordAuditEvent, type AuditInput } from "./record-audit-event";
import { sealAuditChain } from "./seal-audit-chain";

export type AuditAnchor = { id: string; hash: string; at: string; database: string; sealKeyId: string; sm2Signature: string };

const fileOf = () => path.join(path.resolve(env().AUDIT_ANCHOR_DIR ?? path.join(process.cwd(), ".data", "audit-anchors")), "anchors.jsonl");

const signedPart = (a: Pick<AuditAnchor, "id" | "hash" | "at" | "database" | "sealKeyId">) => canonicalize({ id: a.id, hash: a.hash, at: a.at, database: a.database, sealKeyId: a.sealKeyId });

/** Signs the chain's current head and appends it to the anchor file; null on an empty trail. */
export async function writeAuditAnchor(tx: DbOrTx, now = new Date()): Promise<AuditAnchor | null> {
  await sealAuditChain(tx);
  const [head] = await tx.$queryRaw<{ id: bigint; hash: string | null; database: string }[]>`
    SELECT id, hash, current_database() AS database FROM "AuditEvent" WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`;
  if (!head?.hash) return null;
  const seal = await tx.seal.findFirst({ where: { status: "ACTIVE", keyId: { not: null } } });
  if (!seal?.keyId) throw new AppError("SEAL_IDENTITY_MISSING");
  const keys = loadSealKeys(seal);
  const unsigned = { id: head.id.toString(), hash: head.hash, at: now.toISOString(), database: head.database, sealKeyId: seal.keyId };
  const anchor: AuditAnchor = { ...unsigned, sm2Signature: sm2.doSignature(signedPart(unsigned), keys.sm2PrivateKey, { hash: true, der: true }) };
  const file = fileOf();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify(anchor)}\n`);
  return anchor;
}

/** Anchors now and records the anchoring in the trail itself: by whom, or by the worker's schedule. */
export async function anchorAndRecord(tx: DbOrTx, opts: { actor: AuditInput["actor"]; now?: Date; scheduled?: boolean }): Promise<AuditAnchor | null> {
  const anchor = await writeAuditAnchor(tx, opts.now);
  if (anchor) {
    await recordAuditEvent(tx, { actor: opts.actor, action: "audit.anchored", entityType: "AuditEvent", entityId: anchor.id, meta: { hash: anchor.hash, sealKeyId: anchor.sealKeyId, ...(opts.scheduled ? { scheduled: true } : {}) } });
  }
  return anchor;
}

/** The anchors written for this database, oldest first (lines that do not parse are skipped). */
export function readAuditAnchors(database: string): AuditAnchor[] {
  const file = fileOf();
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line) => {
      try {
        const a = JSON.parse(line) as AuditAnchor;
        return typeof a.id === "string" && typeof a.hash === "string" && a.database === database ? [a] : [];
      } catch {
        return [];
      }
    });
}

export type AnchorVerdict = { ok: true; anchors: number } | { ok: false; anchors: number; brokenAt: string; problem: "anchor-signature" | "anchor-hash" };

/** Every anchor's signature verifies with its seal's public key, and the event it names still has that hash. */
export async function checkAuditAnchors(tx: DbOrTx): Promise<AnchorVerdict> {
  const [{ database }] = await tx.$queryRaw<{ database: string }[]>`SELECT current_database() AS database`;
  const anchors = readAuditAnchors(database);
  const seals = new Map((await tx.seal.findMany({ where: { keyId: { in: [...new Set(anchors.map((a) => a.sealKeyId))] } }, select: { keyId: true, sm2PublicKey: true } })).map((s) => [s.keyId, s.sm2PublicKey]));
  for (const a of anchors) {
    const publicKey = seals.get(a.sealKeyId);
    if (!publicKey || !sm2.doVerifySignature(signedPart(a), a.sm2Signature, publicKey, { hash: true, der: true })) return { ok: false, anchors: anchors.length, brokenAt: a.id, problem: "anchor-signature" };
    const [row] = await tx.$queryRaw<{ hash: string | null }[]>`SELECT hash FROM "AuditEvent" WHERE id = ${BigInt(a.id)}`;
    if (row?.hash !== a.hash) return { ok: false, anchors: anchors.length, brokenAt: a.id, problem: "anchor-hash" };
  }
  return { ok: true, anchors: anchors.length };
}
