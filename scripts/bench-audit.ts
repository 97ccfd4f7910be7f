// `npm run bench:audit`: the cost of the hash-chained audit trail on a throw-away embedded
// PostgreSQL (or TEST_DATABASE_ADMIN_URL): appends by concurrent writers (the chain serialises
// them), and verification of the whole chain. Prints figures; asserts nothing.
import os from "node:os";
import path from "node:path";
import { recordAuditEvent } from "../lib/server/audit/record-audit-event";
import { verifyAuditChain } from "../lib/server/audit/verify-audit-chain";
import { db } from "../lib/server/db";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/prisma-cli";

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 20_000);
const WRITERS = [1, 4, 16];

async function append(writers: number, count: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < count) {
        const i = next++;
        // Each event in its own transaction, as services write them (with a state change).
        await db().$transaction((tx) =>
          recordAuditEvent(tx, { actor: null, action: "bench.event", entityType: "Application", entityId: `bench-${i % 500}`, after: { i, state: "ACCEPTED" }, meta: { writers } }),
        );
      }
    }),
  );
  return performance.now() - started;
}

async function main() {
  const server = process.env.TEST_DATABASE_ADMIN_URL
    ? { adminUrl: process.env.TEST_DATABASE_ADMIN_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `bureau-bench-audit-${process.pid}`), preferredPort: 54395, persistent: false });
  const database = `bench_audit_${process.pid}`;
  try {
    await ensureDatabase(server.adminUrl, database);
    process.env.DATABASE_URL = withDatabase(server.adminUrl, database);
    migrateDeploy(process.env.DATABASE_URL);
    const per = Math.floor(EVENTS / WRITERS.length);
    for (const writers of WRITERS) {
      const ms = await append(writers, per);
      console.log(`append ${per} chained events, ${String(writers).padStart(2)} concurrent writers: ${ms.toFixed(0)} ms · ${((per / ms) * 1000).toFixed(0)} events/s · ${(ms / per).toFixed(2)} ms/event`);
    }
    const t = performance.now();
    const verdict = await verifyAuditChain(db());
    const verifyMs = performance.now() - t;
    console.log(`verify the chain: ${verdict.count} events in ${verifyMs.toFixed(0)} ms · ${((verdict.count / verifyMs) * 1000).toFixed(0)} events/s · intact: ${verdict.ok}`);
    await db().$disconnect();
  } finally {
    await dropDatabase(server.adminUrl, database).catch(() => {});
    await server.stop();
  }
}

void main();
