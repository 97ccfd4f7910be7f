// `npm run import:items -- file.csv`: imports a published item list into DATABASE_URL and prints
// the per-row report. Nothing is applied when any row is broken (exit code 1).
import fs from "node:fs";
import path from "node:path";
import { env } from "../lib/env";
import { applyItemImport } from "../lib/server/catalogue/import-items";
import { db } from "../lib/server/db";

async function main() {
  env(); // a bad setting stops the job here, naming the variable
  const file = process.argv[2];
  if (!file || !process.env.DATABASE_URL) {
    console.error("usage: DATABASE_URL=postgresql://… npm run import:items -- file.csv");
    process.exit(2);
  }
  const report = await applyItemImport(db(), fs.readFileSync(file, "utf8"), { actor: null, source: path.basename(file) });
  for (const r of report.rows) {
    if (r.action === "create") continue;
    const why = "reason" in r ? `${r.reason}${r.detail ? ` (${r.detail})` : ""}` : `changed: ${r.changes.join(", ")}`;
    console.log(`row ${r.row}\t${r.action}\t${r.code}\t${why}`);
  }
  console.log(`${report.applied ? "applied" : "NOT applied (broken rows above)"}: ${JSON.stringify(report.counts)}`);
  await db().$disconnect();
  process.exit(report.applied ? 0 : 1);
}

void main();
