// `npm run bench:catalogue`: times the import of the full published list and catalogue searches
// on a throw-away embedded PostgreSQL (or TEST_DATABASE_ADMIN_URL). Prints figures; asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ITEMS_CSV } from "../prisma/seed";
import { applyItemImport } from "../lib/server/catalogue/import-items";
import { parseCatalogueQuery, searchCatalogue } from "../lib/server/catalogue/search-catalogue";
import { db } from "../lib/server/db";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/prisma-cli";

const SEARCH_RUNS = 200;

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `p50 ${at(0.5).toFixed(1)} ms · p95 ${at(0.95).toFixed(1)} ms · max ${s[s.length - 1].toFixed(1)} ms (n=${s.length})`;
}

async function main() {
  const server = process.env.TEST_DATABASE_ADMIN_URL
    ? { adminUrl: process.env.TEST_DATABASE_ADMIN_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `bureau-bench-${process.pid}`), preferredPort: 54390, persistent: false });
  const database = `bench_${process.pid}`;
  try {
    await ensureDatabase(server.adminUrl, database);
    process.env.DATABASE_URL = withDatabase(server.adminUrl, database);
    migrateDeploy(process.env.DATABASE_URL);
    const csv = fs.readFileSync(ITEMS_CSV, "utf8");
    const sections = await import("../lib/domain/catalogue/demo-rules").then((m) => m.SECTIONS);
    for (const s of sections) await db().section.create({ data: { code: s.code, name: s.name, duty: s.duty } });

    let t = performance.now();
    const first = await applyItemImport(db(), csv, { actor: null, source: "bench" });
    const importMs = performance.now() - t;
    t = performance.now();
    const second = await applyItemImport(db(), csv, { actor: null, source: "bench" });
    const reimportMs = performance.now() - t;
    console.log(`import of the full list (${csv.split("\n").length - 2} rows, ${(Buffer.byteLength(csv) / 1024).toFixed(0)} KiB): ${importMs.toFixed(0)} ms — ${JSON.stringify(first.counts)}`);
    console.log(`second import (nothing to do):        ${reimportMs.toFixed(0)} ms — ${JSON.stringify(second.counts)}`);

    const queries: Record<string, Record<string, string>> = {
      "q=食品": { q: "食品" },
      "q=许可 page 3": { q: "许可", page: "3" },
      "kind=PROMISED visits≤1 online": { kind: "PROMISED", visits: "1", online: "1" },
      "q=登记 kind=INSTANT": { q: "登记", kind: "INSTANT" },
      "no filter, page 1": {},
    };
    for (const [label, params] of Object.entries(queries)) {
      const query = parseCatalogueQuery(params);
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < SEARCH_RUNS; i++) {
        const s = performance.now();
        total = (await searchCatalogue(query)).total;
        times.push(performance.now() - s);
      }
      console.log(`search ${label.padEnd(30)} ${String(total).padStart(4)} hits · ${stats(times.slice(10))}`);
    }
    await db().$disconnect();
  } finally {
    await dropDatabase(server.adminUrl, database).catch(() => {});
    await server.stop();
  }
}

void main();
