// `npm run bench:intake`: online filings over HTTP against the built app (`next start`, as in
// production, with the job worker beside it), from many concurrent clients — each signs in once, then
// files again and again: start the application (server action), upload a material (/api/uploads),
// submit (server action) — on a throw-away embedded PostgreSQL. First the floor: the web process's
// CPU for a static file, a session read and an application's page, one request at a time, and the
// data layer's (one read through Prisma and through pg, an empty transaction) in this process. Then
// phases, interleaved:
//   pgbench -N on the same server | filings at 4 and 16 clients, with the web server's CPU per filing |
//   a fault run: the web server killed (-9) and restarted, then PostgreSQL killed (-9) and restarted |
//   two web instances behind the one database.
// Every filing acknowledged to a client (a submit answered with its number) is then looked up in the
// database: number, state, uploaded material, audit event, inbox message; duplicate numbers; the
// audit chain verified, and any 500 answered during the faults counted. Prints a table; asserts nothing
// (exit 1 only when an acknowledged filing is lost).
// Needs a build (`npm run build`; done here when missing) and pgbench on the PATH for the baseline.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { verifyAuditChain } from "../lib/server/audit/verify-audit-chain";
import { PrismaClient } from "../prisma/generated/client";
import { seed } from "../prisma/seed";
import { startEmbeddedPostgres, ensureDatabase, withDatabase, type RunningPostgres } from "./lib/embedded-postgres";
import { ROOT, migrateDeploy } from "./lib/prisma-cli";
import { asRuntimeLogin, ensureRuntimeLogin } from "./lib/runtime-role";
import { median, pct } from "./lib/stats";
import { startWorker } from "./lib/worker-process";

const PHASE_SECONDS = Number(process.env.BENCH_INTAKE_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_INTAKE_ROUNDS ?? 2);
const CLIENT_COUNTS = (process.env.BENCH_INTAKE_CLIENTS ?? "4,16").split(",").map(Number);
const PORTS = [3200, 3201];
const PASSWORD = "Bench-Passw0rd!";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- the system under test -------------------------------------------------------------------

type Setup = { dataDir: string; port: number; ownerUrl: string; runtimeUrl: string; env: NodeJS.ProcessEnv; adminUrl: string };

function actionIds(): { start: string; submit: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
  const find = (name: string) => {
    const id = Object.entries(manifest.node).find(([, v]) => v.filename === "app/my/actions.ts" && v.exportedName === name)?.[0];
    if (!id) throw new Error(`server action ${name} not in the build; run npm run build`);
    return id;
  };
  return { start: find("startApplicationAction"), submit: find("submitApplicationAction") };
}

/** CPU seconds (user + system) of a process and all its descendants, from /proc. */
function treeCpuMs(rootPid: number): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // gone meanwhile
    }
  }
  let ticks = 0;
  for (const [pid, t] of cpu) {
    for (let p: number | undefined = pid; p && p > 1; p = parent.get(p)) {
      if (p === rootPid) {
        ticks += t;
        break;
      }
    }
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

class WebServer {
  child: ChildProcess | null = null;
  constructor(
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
  ) {}
  async start() {
    // BENCH_PROFILE=<folder>: the web servers write V8 CPU profiles there (open them in Chrome's DevTools).
    const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : [];
    const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
    this.child = spawn(process.execPath, [...profile, next, "start", "-p", String(this.port)], { cwd: ROOT, env: this.env, stdio: ["ignore", "ignore", "pipe"], detached: true });
    this.child.stderr?.on("data", (d: Buffer) => {
      const line = d.toString().trim();
      if (line && !/ECONNREFUSED|terminating connection|Connection terminated|server closed the connection/i.test(line)) process.stderr.write(`[web ${this.port}] ${line.slice(0, 300)}\n`);
    });
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${this.port}/login`)).ok) return;
      } catch {
        // not up yet
      }
      await sleep(250);
    }
    throw new Error(`web server on ${this.port} did not start`);
  }
  cpuMs() {
    return this.child?.pid ? treeCpuMs(this.child.pid) : 0;
  }
  /** kill -9 of the whole process group (next start and its children). */
  kill9() {
    if (this.child?.pid) process.kill(-this.child.pid, "SIGKILL");
    this.child = null;
  }
  stop() {
    if (this.child?.pid) process.kill(-this.child.pid, "SIGTERM");
    this.child = null;
  }
}

// ---- a client --------------------------------------------------------------------------------

type Ack = { id: string; number: string; submissionKey: string };
type Stats = { acks: Ack[]; latencies: number[]; retries: number; errors: Map<string, number> };

class Client {
  cookies = new Map<string, string>();
  constructor(
    readonly loginId: string,
    readonly itemCode: string,
    readonly materialId: string,
    readonly ids: { start: string; submit: string },
    public base: string,
  ) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }
  private async post(pathname: string, body: BodyInit, headers: Record<string, string> = {}) {
    const res = await fetch(this.base + pathname, { method: "POST", body, redirect: "manual", headers: { Origin: this.base, Cookie: this.cookieHeader(), ...(process.env.BENCH_NO_GZIP ? { "Accept-Encoding": "identity" } : {}), ...headers } });
    this.keep(res);
    return res;
  }

  async signIn() {
    this.cookies.clear();
    const csrf = await fetch(`${this.base}/api/auth/csrf`);
    this.keep(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await this.post("/api/auth/callback/credentials", new URLSearchParams({ csrfToken, loginId: this.loginId, password: PASSWORD, callbackUrl: "/my" }), { "Content-Type": "application/x-www-form-urlencoded" });
    await res.arrayBuffer();
    if (![...this.cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${res.status})`);
  }

  /** A server action as the browser calls it: React's reply encoding of (previous state, form data). */
  private async action(pathname: string, id: string, fields: Record<string, string>) {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(`_1_${k}`, v);
    // The root last, as React's client sends it: the server resolves it as soon as it arrives.
    body.set("0", JSON.stringify([null, "$K1"]));
    const res = await this.post(pathname, body, { "Next-Action": id, Accept: "text/x-component" });
    return { res, text: await res.text() };
  }

  /** One filing; every step retried (same submission key) until it goes through. Returns the ack. */
  async file(stats: Stats, deadline: number): Promise<Ack | null> {
    const submissionKey = randomUUID();
    const started = performance.now();
    const attempt = async <T>(step: string, fn: () => Promise<T | null>): Promise<T | null> => {
      for (;;) {
        if (Date.now() > deadline + 60_000) return null; // give up long after the phase ended
        try {
          const r = await fn();
          if (r !== null) return r;
        } catch (e) {
          const key = `${step}: ${(e as Error).message.slice(0, 60)}`;
          if (!stats.errors.has(key) && process.env.BENCH_DEBUG) console.error(key, (e as Error).cause ?? "");
          stats.errors.set(key, (stats.errors.get(key) ?? 0) + 1);
        }
        stats.retries++;
        await sleep(200);
      }
    };
    const id = await attempt("start", async () => {
      const { res, text } = await this.action(`/items/${encodeURIComponent(this.itemCode)}/apply`, this.ids.start, {
        itemCode: this.itemCode,
        submissionKey,
        subject: "压力测试申请",
        contactName: "测试申请人",
        contactPhone: "13800001234",
        deliveryMethod: "ELECTRONIC",
      });
      const redirect = res.headers.get("x-action-redirect") ?? "";
      const m = /\/my\/applications\/([a-z0-9]+)/.exec(redirect);
      if (!m && res.status === 200 && /UNAUTHENTICATED|\/login/.test(redirect)) await this.signIn();
      if (!m) throw new Error(`start answered ${res.status}`, { cause: text.slice(0, 400) });
      return m[1];
    });
    if (!id) return null;
    await attempt("upload", async () => {
      const form = new FormData();
      form.set("applicationId", id);
      form.set("materialId", this.materialId);
      form.set("file", new Blob([PDF], { type: "application/pdf" }), "申请书.pdf");
      const res = await this.post("/api/uploads", form, { Accept: "application/json" });
      const body = (await res.json().catch(() => ({}))) as { ok?: boolean };
      if (res.status === 401) await this.signIn();
      if (!body.ok) throw new Error(`upload answered ${res.status}`);
      return true;
    });
    const number = await attempt("submit", async () => {
      const { res, text } = await this.action(`/my/applications/${id}`, this.ids.submit, { applicationId: id, declaration: "on" });
      const m = /"number":"(\d{6}-\d{8}-\d+)"/.exec(text);
      if (!m) throw new Error(`submit answered ${res.status}`);
      return m[1];
    });
    if (!number) return null;
    stats.latencies.push(performance.now() - started);
    return { id, number, submissionKey };
  }
}

async function drive(clients: Client[], seconds: number, during?: (elapsed: () => number) => Promise<void>): Promise<Stats & { seconds: number }> {
  const stats: Stats = { acks: [], latencies: [], retries: 0, errors: new Map() };
  const t0 = Date.now();
  const deadline = t0 + seconds * 1000;
  const faults = during?.(() => Date.now() - t0);
  await Promise.all(
    clients.map(async (c) => {
      while (Date.now() < deadline) {
        const ack = await c.file(stats, deadline);
        if (ack) stats.acks.push(ack);
      }
    }),
  );
  await faults;
  return { ...stats, seconds: (Date.now() - t0) / 1000 };
}

// ---- service level (no HTTP): what the database side of a filing costs -------------------------

/** Filings (start + submit) through the services in this process, `n` at a time: filings/s and CPU per filing. */
async function serviceLevel(runtimeUrl: string, itemCode: string, n: number, seconds: number) {
  process.env.DATABASE_URL = runtimeUrl;
  const { startApplication, submitApplication } = await import("../lib/server/applications/file-application");
  const { setNotifier } = await import("../lib/server/applications/notifier");
  setNotifier({ send: async () => {} }); // the inbox copy is written; nothing is printed
  const deadline = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  let done = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const actor = { id: `bench${i + 1}`, role: "APPLICANT" as const, name: `压测申请人${i + 1}`, sectionId: null };
      while (Date.now() < deadline) {
        const started = performance.now();
        const { id } = await startApplication({ actor, input: { itemCode, submissionKey: randomUUID(), subject: "压力测试申请", contactName: "测试申请人", contactPhone: "13800001234" } });
        await submitApplication({ actor, applicationId: id });
        latencies.push(performance.now() - started);
        done++;
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  const secondsTaken = (performance.now() - t0) / 1000;
  return { perS: done / secondsTaken, cpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, done), p50: pct(latencies, 50), p95: pct(latencies, 95), done };
}

/**
 * The data layer's own floor, in this process, 16 calls at a time: the CPU of one read through
 * Prisma (as the services make it), of the same read through the pg driver alone, and of an empty
 * interactive transaction (BEGIN + COMMIT) — what each of a filing's ~17 statements and 2
 * transactions costs before any of the portal's code runs.
 */
async function dataLayerFloor(runtimeUrl: string, itemCode: string, calls = 3000) {
  process.env.DATABASE_URL = runtimeUrl;
  const { db } = await import("../lib/server/db");
  const pool = new pg.Pool({ connectionString: runtimeUrl, max: 16 });
  const cases: [string, () => Promise<unknown>][] = [
    ["one read through Prisma (findUnique of an item)", () => db().item.findUnique({ where: { implementationCode: itemCode }, select: { id: true, sectionId: true } })],
    ["the same read through the pg driver alone", () => pool.query(`SELECT id, "sectionId" FROM "Item" WHERE "implementationCode" = $1`, [itemCode])],
    ["an empty Prisma transaction (BEGIN + COMMIT)", () => db().$transaction(async () => {})],
  ];
  const out: { label: string; cpuUs: number; perS: number }[] = [];
  try {
    for (const [label, call] of cases) {
      for (let i = 0; i < 300; i++) await call(); // warm: V8, the pools, Prisma's query cache
      let left = calls;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await Promise.all(Array.from({ length: 16 }, async () => { while (left-- > 0) await call(); }));
      const cpu = process.cpuUsage(cpu0);
      out.push({ label, cpuUs: (cpu.user + cpu.system) / calls, perS: calls / ((performance.now() - t0) / 1000) });
    }
  } finally {
    await pool.end();
  }
  return out;
}

// ---- baseline --------------------------------------------------------------------------------

function pgbench(adminUrl: string, clients: number, seconds: number): number {
  const u = new URL(withDatabase(adminUrl, "pgbench"));
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) };
  const args = ["-h", u.hostname, "-p", u.port, "-U", decodeURIComponent(u.username)];
  const r = spawnSync("pgbench", [...args, "-N", "-c", String(clients), "-j", "2", "-T", String(seconds), "pgbench"], { env, encoding: "utf8" });
  const m = /tps = ([\d.]+)/.exec(r.stdout ?? "");
  return m ? Number(m[1]) : NaN;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Transactions committed in the bureau's database so far (each statement outside a transaction is one). */
async function transactions(ownerUrl: string): Promise<number> {
  return withClient(ownerUrl, async (c) => {
    // The statistics are sent by each backend at most every second or so: ask for a fresh snapshot.
    await c.query("SELECT pg_stat_force_next_flush()");
    await c.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await c.query<{ n: string }>(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`);
    return Number(rows[0].n);
  });
}

// ---- verification ----------------------------------------------------------------------------

async function verify(ownerUrl: string, acks: Ack[]) {
  const counts = await withClient(ownerUrl, async (c) => {
    const { rows } = await c.query<{ id: string; number: string | null; state: string; files: number; audits: number; messages: number }>(
      `SELECT a.id, a.number, a.state::text AS state,
         (SELECT count(*)::int FROM "ApplicationMaterial" m WHERE m."applicationId" = a.id AND m."storedFileId" IS NOT NULL) AS files,
         (SELECT count(*)::int FROM "AuditEvent" e WHERE e."entityType" = 'Application' AND e."entityId" = a.id AND e.action = 'application.SUBMIT') AS audits,
         (SELECT count(*)::int FROM "Message" g WHERE g."applicationId" = a.id AND g.kind = 'SUBMIT') AS messages
       FROM "Application" a WHERE a.id = ANY($1)`,
      [acks.map((a) => a.id)],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    let lost = 0;
    let incomplete = 0;
    for (const a of acks) {
      const r = found.get(a.id);
      if (!r || r.number !== a.number || r.state !== "SUBMITTED") lost++;
      else if (r.files < 1 || r.audits !== 1 || r.messages !== 1) incomplete++;
    }
    const dup = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT number FROM "Application" WHERE number IS NOT NULL GROUP BY number HAVING count(*) > 1) d`);
    return { lost, incomplete, duplicateNumbers: dup.rows[0].n };
  });
  // The portal's own verification (it seals everything committed first).
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerUrl }) });
  try {
    const chain = await verifyAuditChain(prisma);
    return { acked: acks.length, distinctAcked: new Set(acks.map((a) => a.number)).size, ...counts, chain: chain.ok ? `intact (${chain.count} events)` : `BROKEN at event ${chain.brokenAt} (${chain.problem})`, chainOk: chain.ok };
  } finally {
    await prisma.$disconnect();
  }
}

// ---- main ------------------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID")) || process.argv.includes("--build")) {
    console.log("Building the app (next build)…");
    if (spawnSync(bin("next"), ["build"], { cwd: ROOT, stdio: "inherit" }).status !== 0) process.exit(1);
  }
  const ids = actionIds();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bureau-bench-intake-"));
  // Not inside dataDir: as root, PostgreSQL runs as its own user and cannot enter a 0700 folder of root's.
  const pgDir = path.join(os.tmpdir(), `bureau-bench-intake-pg-${process.pid}`);
  // BENCH_SQL_LOG=<file>: every statement the portal sends is logged there (to count them per filing).
  const sqlLog = process.env.BENCH_SQL_LOG;
  const serverLog = sqlLog ? (line: string) => fs.appendFileSync(sqlLog, `${line}\n`) : undefined;
  let server: RunningPostgres = await startEmbeddedPostgres({ dataDir: pgDir, preferredPort: 54410, persistent: true, serverLog });
  const port = Number(new URL(server.adminUrl).port);
  const secret = randomBytes(32).toString("base64url");
  process.env.AUTH_SECRET = secret;
  process.env.SEAL_KEY_DIR = path.join(dataDir, "seal-keys");
  await ensureDatabase(server.adminUrl, "bureau");
  await ensureDatabase(server.adminUrl, "pgbench");
  const ownerUrl = server.databaseUrl("bureau");
  migrateDeploy(ownerUrl);
  await seed(ownerUrl);
  await ensureRuntimeLogin(server.adminUrl, secret);
  const runtimeUrl = asRuntimeLogin(ownerUrl, secret);
  if (sqlLog) await withClient(server.adminUrl, (c) => c.query(`ALTER ROLE bureau_portal SET log_statement = 'all'`));
  const u = new URL(server.adminUrl);
  spawnSync("pgbench", ["-i", "-s", "10", "-q", "-h", u.hostname, "-p", u.port, "-U", "postgres", "pgbench"], { env: { ...process.env, PGPASSWORD: "postgres" }, stdio: "ignore" });

  // Applicants (one per client, set-based) and an online item with its first material.
  const maxClients = Math.max(4, ...CLIENT_COUNTS);
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const passwordHash = await hash(PASSWORD);
  await owner.query(
    `INSERT INTO "User" (id, "loginId", name, "passwordHash", role, "applicantType", "residentId", phone, "updatedAt")
     SELECT 'bench' || g, 'BENCH' || lpad(g::text, 6, '0'), '压测申请人' || g, $1, 'APPLICANT', 'PERSON', '51160219800101' || lpad(g::text, 4, '0'), '13800001234', now()
     FROM generate_series(1, $2::int) g`,
    [passwordHash, maxClients],
  );
  const { rows: items } = await owner.query<{ code: string; materialId: string }>(
    `SELECT i."implementationCode" AS code, m.id AS "materialId" FROM "Item" i JOIN "ItemVersion" v ON v.id = i."currentVersionId"
       JOIN "Material" m ON m."itemVersionId" = v.id
     WHERE v."onlineAvailable" AND i."sectionId" IS NOT NULL AND jsonb_array_length(v."formFields") = 0
     ORDER BY i."implementationCode", m.position LIMIT 1`,
  );
  await owner.end();
  if (!items[0]) throw new Error("no online item without form fields in the seed");

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: runtimeUrl,
    AUTH_SECRET: secret,
    UPLOAD_DIR: path.join(dataDir, "uploads"),
    AUDIT_ANCHOR_DIR: path.join(dataDir, "anchors"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const webs = PORTS.map((p) => new WebServer(p, env));
  const worker = startWorker(env, "ignore");
  await webs[0].start();
  const clientsOf = (n: number, base: (i: number) => string) => Array.from({ length: n }, (_, i) => new Client(`BENCH${String(i + 1).padStart(6, "0")}`, items[0].code, items[0].materialId, ids, base(i)));
  const allAcks: Ack[] = [];
  const rows: string[] = [];
  const line = (label: string, s: { acks: Ack[]; seconds: number; latencies: number[]; retries: number }, extra = "") => {
    const perS = s.acks.length / s.seconds;
    const row = `| ${label} | ${s.acks.length} | ${perS.toFixed(1)} | ${pct(s.latencies, 50).toFixed(0)} | ${pct(s.latencies, 95).toFixed(0)} | ${s.retries} | ${extra} |`;
    rows.push(row);
    console.log(row);
    return perS;
  };
  const header = "| phase | filings acknowledged | filings/s | p50 ms | p95 ms | retried steps | notes |\n|---|---:|---:|---:|---:|---:|---|";
  console.log(`\n${header}`);

  try {
    // Warm up (compiles nothing in production, but fills connection pools and caches).
    const warm = clientsOf(4, () => `http://127.0.0.1:${PORTS[0]}`);
    for (const c of warm) await c.signIn();
    allAcks.push(...(await drive(warm, 5)).acks);

    // What any request costs the web process on this machine, one client at a time: the floor under
    // the CPU per filing (a filing is at least three requests).
    const base = `http://127.0.0.1:${PORTS[0]}`;
    const own = await warm[0].file({ acks: [], latencies: [], retries: 0, errors: new Map() }, Date.now() + 30_000);
    if (!own) throw new Error("the warm-up filing failed");
    allAcks.push(own);
    const shown = own.id;
    const floors: [string, () => Promise<Response>][] = [
      ["GET /robots.txt (a static file through the proxy), anonymous", () => fetch(`${base}/robots.txt`)],
      ["GET /api/auth/session, signed in", () => fetch(`${base}/api/auth/session`, { headers: { Cookie: warm[0].cookieHeader() } })],
      ["GET an application's page (RSC, as after each step), signed in", () => fetch(`${base}/my/applications/${shown}`, { headers: { Cookie: warm[0].cookieHeader(), RSC: "1" } })],
    ];
    for (const [label, request] of floors) {
      const times: number[] = [];
      const cpu0 = webs[0].cpuMs();
      const n = 200;
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        const res = await request();
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${label}: ${res.status}`);
        times.push(performance.now() - t);
      }
      rows.push(`| floor: ${label}, 1 client | ${n} requests | | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | | web CPU ${((webs[0].cpuMs() - cpu0) / n).toFixed(1)} ms/request |`);
      console.log(rows.at(-1));
    }

    for (const f of await dataLayerFloor(runtimeUrl, items[0].code)) {
      rows.push(`| floor: ${f.label}, in-process, 16 at a time | 3000 calls | ${f.perS.toFixed(0)}/s | | | | CPU ${(f.cpuUs / 1000).toFixed(3)} ms/call |`);
      console.log(rows.at(-1));
    }

    const pgbenchTps: number[] = [];
    const perClients = new Map<number, { rates: number[]; cpu: number[] }>();
    for (let round = 1; round <= ROUNDS; round++) {
      const tps = pgbench(server.adminUrl, 16, Math.max(5, Math.floor(PHASE_SECONDS / 2)));
      pgbenchTps.push(tps);
      rows.push(`| round ${round}: pgbench -N, 16 clients | | ${tps.toFixed(0)} TPS | | | | baseline, same server |`);
      console.log(rows.at(-1));
      for (const n of CLIENT_COUNTS) {
        const sv = await serviceLevel(runtimeUrl, items[0].code, n, Math.max(5, Math.floor(PHASE_SECONDS / 2)));
        rows.push(`| round ${round}: ${n} filers, services in-process (no HTTP, start + submit) | ${sv.done} | ${sv.perS.toFixed(1)} | ${sv.p50.toFixed(0)} | ${sv.p95.toFixed(0)} | | CPU ${sv.cpuMs.toFixed(1)} ms/filing |`);
        console.log(rows.at(-1));
        const clients = clientsOf(n, () => `http://127.0.0.1:${PORTS[0]}`);
        for (const c of clients) await c.signIn();
        const cpu0 = webs[0].cpuMs();
        const x0 = await transactions(ownerUrl);
        const s = await drive(clients, PHASE_SECONDS);
        const cpuPerFiling = (webs[0].cpuMs() - cpu0) / Math.max(1, s.acks.length);
        await sleep(2_000); // backends report their statistics within a second or so of going idle
        const xPerFiling = ((await transactions(ownerUrl)) - x0) / Math.max(1, s.acks.length);
        allAcks.push(...s.acks);
        const rate = line(`round ${round}: ${n} clients, one web server`, s, `web CPU ${cpuPerFiling.toFixed(1)} ms/filing; ${xPerFiling.toFixed(0)} database transactions/filing`);
        const entry = perClients.get(n) ?? { rates: [], cpu: [] };
        entry.rates.push(rate);
        entry.cpu.push(cpuPerFiling);
        perClients.set(n, entry);
      }
    }

    // Faults: kill -9 the web server, restart it; then kill -9 PostgreSQL, restart it.
    const faultClients = clientsOf(maxClients, () => `http://127.0.0.1:${PORTS[0]}`);
    for (const c of faultClients) await c.signIn();
    const fault = await drive(faultClients, PHASE_SECONDS * 2, async (elapsed) => {
      while (elapsed() < PHASE_SECONDS * 300) await sleep(50);
      webs[0].kill9();
      await sleep(500);
      await webs[0].start();
      while (elapsed() < PHASE_SECONDS * 1100) await sleep(50);
      const pid = Number(fs.readFileSync(path.join(pgDir, "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");
      await sleep(300);
      server = await startEmbeddedPostgres({ dataDir: pgDir, preferredPort: port, persistent: true, serverLog });
      if (Number(new URL(server.adminUrl).port) !== port) throw new Error("PostgreSQL came back on another port");
    });
    allAcks.push(...fault.acks);
    line(`faults: ${maxClients} clients, web server kill -9 + restart, PostgreSQL kill -9 + restart`, fault, [...fault.errors].map(([k, v]) => `${k} ×${v}`).join("; "));

    // Two web instances behind the one database, clients split between them.
    await webs[1].start();
    const split = clientsOf(maxClients, (i) => `http://127.0.0.1:${PORTS[i % 2]}`);
    for (const c of split) await c.signIn();
    const two = await drive(split, PHASE_SECONDS);
    allAcks.push(...two.acks);
    line(`two web servers, ${maxClients} clients`, two);

    await sleep(1500); // the worker seals the last events
    const v = await verify(ownerUrl, allAcks);
    console.log(`\n${header}\n${rows.join("\n")}\n`);
    for (const [n, e] of perClients) {
      console.log(`${n} clients: median ${median(e.rates).toFixed(1)} filings/s = ${((median(e.rates) / median(pgbenchTps)) * 100).toFixed(1)} % of pgbench's ${median(pgbenchTps).toFixed(0)} TPS; web CPU median ${median(e.cpu).toFixed(1)} ms/filing`);
    }
    // A fault must be answered as one (503, or a message), never as the portal's own 500.
    const internalErrors = [...fault.errors, ...two.errors].filter(([k]) => /answered 5(?!03)\d\d/.test(k)).reduce((n, [, c]) => n + c, 0);
    console.log(`Answers 500 (or any 5xx but 503) during the faults and the two-server run: ${internalErrors}.`);
    console.log(
      `Acknowledged filings: ${v.acked} (distinct numbers ${v.distinctAcked}); lost ${v.lost}; incomplete ${v.incomplete} (material, audit event or message missing); duplicate numbers ${v.duplicateNumbers}; audit chain ${v.chain}.`,
    );
    if (v.lost || v.incomplete || v.duplicateNumbers || !v.chainOk) process.exitCode = 1;
  } finally {
    for (const w of webs) w.stop();
    worker.kill("SIGTERM");
    await sleep(500);
    await server.stop().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(pgDir, { recursive: true, force: true });
  }
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
