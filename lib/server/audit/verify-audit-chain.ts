// Verifies the audit trail's hash chain: every sealed row's hash must match its content and the
// previous row's hash, in chain (seq) order. Names the first broken link, so an edit made behind the
// application's back shows. Everything committed before the call is sealed first.
import "server-only";
import type { DbOrTx } from "@/lib/server/db";
import { checkAuditAnchors } from "./audit-anchors";
import { sealAuditChain } from "./seal-audit-chain";

export type ChainVerdict =
  | { ok: true; count: number; lastHash: string | null; anchors?: number }
  | { ok: false; count: number; brokenAt: string; problem: "content" | "link" | "missing" | "anchor-signature" | "anchor-hash" };

type Row = { id: bigint; seq: bigint; prevHash: string | null; hash: string | null; recomputed: string };

export async function verifyAuditChain(tx: DbOrTx, batchSize = 5000): Promise<ChainVerdict> {
  await sealAuditChain(tx);
  let previous: string | null = null;
  let after = BigInt(0);
  let count = 0;
  for (;;) {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT e.id, e.seq, e."prevHash", e.hash, audit_event_hash(e."prevHash", e) AS recomputed
      FROM "AuditEvent" e WHERE e.seq > ${after} ORDER BY e.seq LIMIT ${batchSize}`;
    for (const r of rows) {
      count++;
      // Positions are dense from 1: a gap is a deleted row.
      if (r.seq !== after + BigInt(1)) return { ok: false, count, brokenAt: r.id.toString(), problem: "missing" };
      if (r.hash === null) return { ok: false, count, brokenAt: r.id.toString(), problem: "missing" };
      if (r.prevHash !== previous) return { ok: false, count, brokenAt: r.id.toString(), problem: "link" };
      if (r.recomputed !== r.hash) return { ok: false, count, brokenAt: r.id.toString(), problem: "content" };
      previous = r.hash;
      after = r.seq;
    }
    if (rows.length < batchSize) return { ok: true, count, lastHash: previous };
  }
}

/**
 * The whole check: the chain links and recomputes, and every signed anchor written outside the
 * database still matches it (a chain rewritten and re-hashed from some row on fails here).
 */
export async function verifyAuditTrail(tx: DbOrTx): Promise<ChainVerdict> {
  const chain = await verifyAuditChain(tx);
  if (!chain.ok) return chain;
  const anchors = await checkAuditAnchors(tx);
  if (!anchors.ok) return { ok: false, count: chain.count, brokenAt: anchors.brokenAt, problem: anchors.problem };
  return { ...chain, anchors: anchors.anchors };
}
