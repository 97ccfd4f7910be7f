// Prisma CLI configuration; also points the CLI at the offline schema engine when no native one is installed.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const STAND_IN = path.join(ROOT, "scripts", "prisma-schema-engine", "schema-engine.mjs");

/**
 * True when a native `schema-engine-<platform>` binary sits where the CLI looks for one: in
 * @prisma/engines (where it downloads it) or beside the prisma package.
 */
function hasNativeSchemaEngine(): boolean {
  const require = createRequire(import.meta.url);
  let prismaDir: string;
  try {
    prismaDir = path.dirname(require.resolve("prisma/package.json"));
  } catch {
    return false;
  }
  const dirs = [path.dirname(prismaDir), prismaDir];
  try {
    dirs.push(path.dirname(path.dirname(createRequire(path.join(prismaDir, "package.json")).resolve("@prisma/engines"))));
  } catch {
    // No @prisma/engines: the CLI could not have downloaded an engine either.
  }
  return dirs.some((dir) => {
    try {
      return fs.readdirSync(dir).some((name) => /^schema-engine-[^.]/.test(name) && !/\.(gz|sha256|tmp)$/.test(name));
    } catch {
      return false;
    }
  });
}

// The CLI reads this variable after loading this file, before it would download the native engine
// (impossible offline). A value set by the user, even empty (= "use the native engine"), wins.
if (!("PRISMA_SCHEMA_ENGINE_BINARY" in process.env) && !hasNativeSchemaEngine()) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = STAND_IN;
}

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: {
    // `prisma generate` (and so `npm install`) must work without a database being configured.
    url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5432/postgres",
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});
