// `npm run bench:search`: the catalogue search's recall on the kept list of real queries
// (tests/support/search-queries.ts) over the full published list, and its time beside the plain
// substring query on the same server, interleaved. Throw-away embedded PostgreSQL (or
// TEST_DATABASE_ADMIN_URL). Prints figures; asserts nothing (the integration test asserts recall).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ITEMS_CSV } from "../prisma/seed";
import { seedBureau } from "../prisma/seed/seed-bureau";
import { parseCatalogueQuery, searchCatalogue } from "../lib/server/catalogue/search-catalogue";
import { db } from "../lib/server/db";
import { SEARCH_QUERIES } from "../tests/support/search-queries";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/prisma-cli";
import { pct } from "./lib/stats";

const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 20);

async function main() {
  const server = process.env.TEST_DATABASE_ADMIN_URL
    ? { adminUrl: process.env.TEST_DATABASE_ADMIN_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `bureau-bench-search-${process.pid}`), preferredPort: 54391, persistent: false });
  const database = `bench_search_${process.pid}`;
  try {
    await ensureDatabase(server.adminUrl, database);
    process.env.DATABASE_URL = withDatabase(server.adminUrl, database);
    process.env.AUTH_SECRET ??= "bench-search-throw-away-secret-0123456789";
    migrateDeploy(process.env.DATABASE_URL);
    await seedBureau(db(), fs.readFileSync(ITEMS_CSV, "utf8"));

    console.log("| query | expected | found in first 10 | rank of each |");
    console.log("|---|---:|---:|---|");
    let expected = 0;
    let found = 0;
    for (const c of SEARCH_QUERIES) {
      const names = (await searchCatalogue(parseCatalogueQuery({ q: c.q }))).items.slice(0, 10).map((i) => i.name);
      const ranks = c.expect.map((e) => names.indexOf(e) + 1);
      const hits = ranks.filter((r) => r > 0).length;
      expected += c.expect.length;
      found += hits;
      console.log(`| ${c.q} | ${c.expect.length} | ${hits} | ${ranks.map((r) => (r ? `#${r}` : "—")).join(" ")} |`);
    }
    console.log(`\nrecall in the first 10 results: ${found}/${expected} = ${((100 * found) / expected).toFixed(1)} % over ${SEARCH_QUERIES.length} queries`);

    // Time: the ranked search (both statements) against the plain substring query for the same
    // words, interleaved, ROUNDS passes over the whole list.
    const ranked: number[] = [];
    const plain: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const c of SEARCH_QUERIES) {
        let t = performance.now();
        await searchCatalogue(parseCatalogueQuery({ q: c.q }));
        ranked.push(performance.now() - t);
        t = performance.now();
        await db().$queryRaw`SELECT i.id FROM "Item" i JOIN "ItemVersion" v ON v.id = i."currentVersionId" WHERE strpos(v.name, ${c.q}) > 0 ORDER BY i."implementationCode" LIMIT 20`;
        plain.push(performance.now() - t);
      }
    }
    const row = (label: string, ms: number[]) => `| ${label} | ${pct(ms, 50).toFixed(2)} | ${pct(ms, 95).toFixed(2)} |`;
    console.log(`\n| per query (n=${ranked.length}) | p50 ms | p95 ms |\n|---|---:|---:|`);
    console.log(row("ranked search (page of results)", ranked));
    console.log(row("plain substring SQL (baseline)", plain));
    console.log(`ratio p50: ${(pct(ranked, 50) / pct(plain, 50)).toFixed(1)}×`);
    await db().$disconnect();
  } finally {
    await dropDatabase(server.adminUrl, database).catch(() => {});
    await server.stop();
  }
}

void main();
