// Runs the project's own Prisma CLI (offline stand-in engine is chosen by prisma.config.ts).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PRISMA_BIN = path.join(ROOT, "node_modules", ".bin", "prisma");

export function prisma(args: string[], databaseUrl: string, opts: { quiet?: boolean } = {}): string {
  return execFileSync(PRISMA_BIN, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
    stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "pipe", "inherit"],
  });
}

export function migrateDeploy(databaseUrl: string): void {
  prisma(["migrate", "deploy"], databaseUrl, { quiet: true });
}
