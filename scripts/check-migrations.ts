// Proves prisma/migrations deploys on an empty database and matches prisma/schema.prisma (the CI drift check).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dropDatabase, ensureDatabase, withDatabase } from "./lib/embedded-postgres";
import { ROOT } from "./lib/prisma-cli";

const PRISMA_BIN = path.join(ROOT, "node_modules", ".bin", "prisma");

export type PrismaRun = {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
};

export type MigrationCheckResult = {
  /** The throwaway database the migrations were deployed to (already dropped). */
  database: string;
  deploy: PrismaRun;
  status: PrismaRun;
  /** `migrate diff --from-migrations … --to-schema … --exit-code`: exit 0 in sync, 2 drift. */
  drift: PrismaRun & { inSync: boolean };
  durationMs: number;
};

export class MigrationCheckError extends Error {
  constructor(
    message: string,
    readonly result: Partial<MigrationCheckResult>,
  ) {
    super(message);
    this.name = "MigrationCheckError";
  }
}

function runPrisma(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<PrismaRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(PRISMA_BIN, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({
        command: `prisma ${args.join(" ")}`,
        exitCode: code ?? (signal ? 128 : 1),
        stdout,
        stderr,
        durationMs: Math.round(performance.now() - started),
      }),
    );
  });
}

function describeFailure(run: PrismaRun): string {
  return `\`${run.command}\` exited with ${run.exitCode}:\n${`${run.stdout}\n${run.stderr}`.trim()}`;
}

/**
 * Creates a uniquely named database on the server of `adminDatabaseUrl`, deploys the migrations to
 * it, checks `migrate status` and diffs the migrations against the schema, then drops it.
 * Throws MigrationCheckError on any failure or drift.
 *
 * `projectDir` (default: this repository) must hold prisma.config.ts; tests point it at a scratch project.
 */
export async function checkMigrations(
  adminDatabaseUrl: string,
  { projectDir = ROOT }: { projectDir?: string } = {},
): Promise<MigrationCheckResult> {
  const started = performance.now();
  const suffix = `${Date.now()}_${randomBytes(4).toString("hex")}`;
  const database = `migration_check_${suffix}`;
  // An explicit shadow database serves both engines: the offline stand-in would make one itself,
  // a native engine may insist on `shadowDatabaseUrl` for --from-migrations.
  const shadowDatabase = `migration_check_shadow_${suffix}`;
  const result: Partial<MigrationCheckResult> = { database };

  await ensureDatabase(adminDatabaseUrl, database);
  try {
    await ensureDatabase(adminDatabaseUrl, shadowDatabase);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: withDatabase(adminDatabaseUrl, database),
      SHADOW_DATABASE_URL: withDatabase(adminDatabaseUrl, shadowDatabase),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    };

    result.deploy = await runPrisma(["migrate", "deploy"], projectDir, env);
    if (result.deploy.exitCode !== 0) throw new MigrationCheckError(describeFailure(result.deploy), result);

    result.status = await runPrisma(["migrate", "status"], projectDir, env);
    if (result.status.exitCode !== 0) throw new MigrationCheckError(describeFailure(result.status), result);

    const diff = await runPrisma(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      projectDir,
      env,
    );
    result.drift = { ...diff, inSync: diff.exitCode === 0 };
    if (diff.exitCode === 2) {
      throw new MigrationCheckError(
        `prisma/schema.prisma and prisma/migrations have drifted apart; create a migration with \`prisma migrate dev\`:\n${diff.stdout.trim()}`,
        result,
      );
    }
    if (diff.exitCode !== 0) throw new MigrationCheckError(describeFailure(diff), result);
  } finally {
    await dropDatabase(adminDatabaseUrl, shadowDatabase).catch(() => {});
    await dropDatabase(adminDatabaseUrl, database);
  }
  result.durationMs = Math.round(performance.now() - started);
  return result as MigrationCheckResult;
}

async function main() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    console.error("Set DATABASE_URL to any database on the PostgreSQL server to check against.");
    process.exit(1);
  }
  // Optional argument: another project folder with its own prisma.config.ts.
  const projectDir = process.argv[2] ? path.resolve(process.argv[2]) : ROOT;
  try {
    const r = await checkMigrations(adminUrl, { projectDir });
    for (const run of [r.deploy, r.status, r.drift]) console.log(`ok  ${run.command}  (${run.durationMs} ms)`);
    console.log(`Migrations deploy on an empty database and match the schema (${r.durationMs} ms, database ${r.database} dropped).`);
  } catch (error) {
    console.error(`Migration check failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

// Compared as real paths: tsx reports this module's real path even when run through a symlink.
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
