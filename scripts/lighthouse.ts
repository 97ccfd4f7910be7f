// `npm run lighthouse`: Lighthouse 12 (mobile preset: simulated slow 4G and a mid-range phone) with
// Debian's Chromium against the built app on a throw-away embedded PostgreSQL with the demo seed.
// Three runs per page; prints the median performance and accessibility scores, first and largest
// contentful paint, total blocking time, the bytes of script and fonts each page loads and the host's
// benchmark index (Lighthouse's own measure of the machine's speed during the run). Asserts nothing.
// `--build` (or no build yet) runs `next build` first. LIGHTHOUSE_RUNS changes the number of runs,
// LIGHTHOUSE_PAGES (comma-separated paths) the pages.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seed } from "../prisma/seed";
import { chromiumPath } from "./lib/chromium";
import { ensureDatabase, startEmbeddedPostgres } from "./lib/embedded-postgres";
import { ROOT, migrateDeploy } from "./lib/prisma-cli";
import { asRuntimeLogin, ensureRuntimeLogin } from "./lib/runtime-role";
import { median } from "./lib/stats";

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const PORT = 3190;
const GUIDE = "511A0005200008-511602000000-000-115113016823646795-1-00"; // 食品(含保健食品)经营许可延续
const PAGES = process.env.LIGHTHOUSE_PAGES ? process.env.LIGHTHOUSE_PAGES.split(",") : ["/", "/items", `/items/${GUIDE}`, "/progress"];
/** LIGHTHOUSE_KEEP=<folder>: keep each run's JSON report there (to see what holds up a page). */
const KEEP = process.env.LIGHTHOUSE_KEEP;
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Audit = { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } };
type Report = { categories: Record<string, { score: number }>; audits: Record<string, Audit>; environment?: { benchmarkIndex?: number } };

async function main() {
  const chrome = process.env.CHROME_PATH ?? chromiumPath();
  if (!chrome) throw new Error("No Chromium found: apt-get install -y chromium (or set CHROME_PATH)");
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) || process.argv.includes("--build")) {
    console.log("Building the app (next build)…");
    if (spawnSync(bin("next"), ["build"], { cwd: ROOT, stdio: "inherit" }).status !== 0) process.exit(1);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-lighthouse-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `bureau-lighthouse-pg-${process.pid}`), preferredPort: 54420, persistent: false });
  const secret = randomBytes(32).toString("base64url");
  process.env.AUTH_SECRET = secret;
  process.env.SEAL_KEY_DIR = path.join(work, "seal-keys");
  let web: ReturnType<typeof spawn> | null = null;
  try {
    await ensureDatabase(server.adminUrl, "bureau");
    const ownerUrl = server.databaseUrl("bureau");
    migrateDeploy(ownerUrl);
    await seed(ownerUrl);
    await ensureRuntimeLogin(server.adminUrl, secret);
    web = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(PORT)], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: asRuntimeLogin(ownerUrl, secret), NODE_ENV: "production", PUBLIC_BASE_URL: `http://127.0.0.1:${PORT}`, UPLOAD_DIR: path.join(work, "uploads") },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    for (let i = 0; ; i++) {
      if (i > 240) throw new Error("the web server did not start");
      const ok = await fetch(`http://127.0.0.1:${PORT}/`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await sleep(250);
    }
    // Warm every page once (the first render of a route compiles nothing in production, but fills caches).
    for (const p of PAGES) await fetch(`http://127.0.0.1:${PORT}${p}`);

    const rows: string[] = [];
    for (const page of PAGES) {
      const runs: { perf: number; a11y: number; fcp: number; lcp: number; tbt: number; script: number; font: number; total: number; bench: number }[] = [];
      for (let r = 0; r < RUNS; r++) {
        const out = path.join(work, `lh-${runs.length}.json`);
        const res = spawnSync(
          bin("lighthouse"),
          [`http://127.0.0.1:${PORT}${page}`, "--quiet", "--only-categories=performance,accessibility", "--output=json", `--output-path=${out}`, `--chrome-flags=--headless=new --no-sandbox --disable-gpu`],
          { env: { ...process.env, CHROME_PATH: chrome }, stdio: ["ignore", "ignore", "pipe"], timeout: 180_000 },
        );
        if (res.status !== 0 || !fs.existsSync(out)) {
          console.error(`lighthouse failed on ${page}: ${res.stderr?.toString().slice(-500)}`);
          continue;
        }
        const report = JSON.parse(fs.readFileSync(out, "utf8")) as Report;
        const items = report.audits["resource-summary"]?.details?.items ?? [];
        const size = (type: string) => items.find((i) => i.resourceType === type)?.transferSize ?? 0;
        runs.push({
          perf: report.categories.performance.score * 100,
          a11y: report.categories.accessibility.score * 100,
          fcp: report.audits["first-contentful-paint"].numericValue ?? NaN,
          lcp: report.audits["largest-contentful-paint"].numericValue ?? NaN,
          tbt: report.audits["total-blocking-time"].numericValue ?? NaN,
          script: size("script"),
          font: size("font"),
          total: size("total"),
          bench: report.environment?.benchmarkIndex ?? NaN,
        });
        if (KEEP) fs.mkdirSync(KEEP, { recursive: true }), fs.copyFileSync(out, path.join(KEEP, `${page.replace(/\W+/g, "_") || "root"}-${r}.json`));
        fs.rmSync(out);
      }
      const m = (f: (x: (typeof runs)[number]) => number) => median(runs.map(f));
      rows.push(
        `| \`${page.length > 30 ? `${page.slice(0, 27)}…` : page}\` | ${runs.length} | ${m((x) => x.perf).toFixed(0)} | ${m((x) => x.a11y).toFixed(0)} | ${(m((x) => x.fcp) / 1000).toFixed(1)} s | ${(m((x) => x.lcp) / 1000).toFixed(1)} s | ${m((x) => x.tbt).toFixed(0)} ms | ${(m((x) => x.script) / 1024).toFixed(0)} KB | ${(m((x) => x.font) / 1024).toFixed(0)} KB | ${(m((x) => x.total) / 1024).toFixed(0)} KB | ${m((x) => x.bench).toFixed(0)} |`,
      );
      console.log(rows.at(-1));
    }
    console.log(`\nLighthouse 12 mobile preset (simulated slow 4G, 4× CPU slowdown), median of ${RUNS} runs per page.`);
    console.log("Host index = Lighthouse's benchmarkIndex of this machine during the runs (higher is faster; a busy host scores lower):\n");
    console.log("| page | runs | performance | accessibility | FCP | LCP | TBT | script | fonts | all bytes | host index |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of rows) console.log(r);
  } finally {
    if (web?.pid) process.kill(-web.pid, "SIGTERM");
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
