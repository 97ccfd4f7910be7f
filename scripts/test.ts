// `npm test`: the whole suite on real PostgreSQL — unit + integration (Vitest), then the built app
// in Chromium (Playwright). Ends with one "N passed, N failed" line over both runners.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { provisionalCalendarYear } from "../lib/domain/calendar/provisional-year";
import { seed } from "../prisma/seed";
import { chromiumPath } from "./lib/chromium";
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from "./lib/embedded-postgres";
import { ROOT, migrateDeploy } from "./lib/prisma-cli";
import { asRuntimeLogin, ensureRuntimeLogin } from "./lib/runtime-role";
import { startSmtpServer } from "./lib/mail-sink";
import { startWorker } from "./lib/worker-process";
import { startFiscalPlatform } from "./lib/fiscal-platform";

const RESULTS = path.join(ROOT, ".data", "test-results");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/** Runs a command to its end without blocking this process: the loopback mail server lives here. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

type Tally = { passed: number; failed: number; skipped: number };

function vitestTally(file: string): Tally {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
}

function playwrightTally(file: string): Tally {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const s = JSON.parse(fs.readFileSync(file, "utf8")).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

async function main() {
  const only = process.argv[2]; // "unit" | "e2e" | undefined (everything)
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const server = process.env.TEST_DATABASE_ADMIN_URL
    ? { adminUrl: process.env.TEST_DATABASE_ADMIN_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `bureau-test-${process.pid}`), preferredPort: 54330, persistent: false });
  // The seed (run here) and the servers (children) share the secret and the seal key folder.
  process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
  process.env.SEAL_KEY_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-seal-keys-"));
  const env = {
    ...process.env,
    TEST_DATABASE_ADMIN_URL: server.adminUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const tallies: Tally[] = [];
  let exit = 0;
  try {
    if (only !== "e2e") {
      const vitestJson = path.join(RESULTS, "vitest.json");
      exit ||= await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], env);
      tallies.push(vitestTally(vitestJson));
    }
    if (only !== "unit") {
      if (!chromiumPath() && !process.env.PLAYWRIGHT_BROWSERS_PATH) {
        console.warn("No system Chromium found (install Debian's: apt-get install -y chromium fonts-noto-cjk); trying Playwright's own browser.");
      }
      const e2eUrl = withDatabase(server.adminUrl, "bureau_e2e");
      await ensureDatabase(server.adminUrl, "bureau_e2e");
      migrateDeploy(e2eUrl);
      await seed(e2eUrl);
      await holdYearsUpToNowForTests(e2eUrl);
      // The built app and the worker run as the portal's own login, as in production; the tests'
      // own fixtures write as the owner.
      await ensureRuntimeLogin(server.adminUrl, process.env.AUTH_SECRET);
      // 票款分离: the simulated fiscal platform on loopback, calling back the built app.
      const fiscalSecret = randomBytes(24).toString("base64url");
      const fiscal = await startFiscalPlatform({ secret: fiscalSecret, callbackUrl: `http://localhost:${process.env.E2E_PORT ?? 3100}/api/payments/callback`, testHooks: true });
      const e2eEnv = {
        ...env,
        FISCAL_PLATFORM_URL: fiscal.url,
        FISCAL_PLATFORM_SECRET: fiscalSecret,
        DATABASE_URL: asRuntimeLogin(e2eUrl, process.env.AUTH_SECRET),
        E2E_OWNER_DATABASE_URL: e2eUrl,
        UPLOAD_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "bureau-e2e-uploads-")),
        AUDIT_ANCHOR_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "bureau-e2e-anchors-")),
        // E-mail notices go to a mail server on loopback (the simulated mail partner).
        SMTP_URL: (await startSmtpServer()).url,
        // The SMS provider's log: the browser tests read one-time codes from it, as a phone would.
        NOTIFY_LOG_FILE: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bureau-e2e-sms-")), "sms.jsonl"),
        // 审管分离: the departments' test receivers run on loopback (the built app runs in production mode).
        WEBHOOK_ALLOW_PRIVATE_HOSTS: "1",
      };
      const built = await run(bin("next"), ["build"], e2eEnv);
      if (built !== 0) {
        exit ||= built;
        tallies.push({ passed: 0, failed: 1, skipped: 0 });
      } else {
        const pwJson = path.join(RESULTS, "playwright.json");
        const worker = startWorker(e2eEnv, ["ignore", "ignore", "inherit"]);
        try {
          exit ||= await run(bin("playwright"), ["test"], { ...e2eEnv, PLAYWRIGHT_JSON_OUTPUT_FILE: pwJson });
        } finally {
          // Let it finish its last round before the database stops.
          const exited = new Promise((resolve) => worker.once("exit", resolve));
          worker.kill("SIGTERM");
          await exited;
        }
        tallies.push(playwrightTally(pwJson));
      }
    }
  } finally {
    await server.stop();
  }
  const total = tallies.reduce((a, t) => ({ passed: a.passed + t.passed, failed: a.failed + t.failed, skipped: a.skipped + t.skipped }), { passed: 0, failed: 0, skipped: 0 });
  if (total.passed + total.failed === 0) exit ||= 1; // a run that executed nothing is a failure
  console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(exit || (total.failed > 0 ? 1 : 0));
}

/**
 * The browser tests accept filings "today" with the real clock. The portal counts the year after
 * the last official one provisionally and refuses any later year, so when the suite runs in a year
 * the official data do not reach, the throwaway e2e database gets clearly labelled test years up to
 * the current one (computed from the holiday regulation); the year after stays provisional, as in
 * production. Today (data through 2026) this adds nothing.
 */
async function holdYearsUpToNowForTests(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ last: number }>(`SELECT max(year) AS last FROM "HolidayCalendarYear"`);
    for (let year = rows[0].last + 1; year <= new Date().getFullYear(); year++) {
      const y = provisionalCalendarYear(year);
      await client.query(`INSERT INTO "HolidayCalendarYear" (year, off, work, source) VALUES ($1, $2, '{}', $3) ON CONFLICT (year) DO NOTHING`, [
        year,
        y.off,
        "测试用年度（按放假办法推算，非官方，仅浏览器测试数据库）",
      ]);
    }
  } finally {
    await client.end();
  }
}

void main();
