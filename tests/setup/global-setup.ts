// Integration tests: one PostgreSQL server, one migrated template database per run;
// each test file then copies the template (CREATE DATABASE … TEMPLATE), see per-file-db.ts.
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from "../../scripts/lib/embedded-postgres";
import { migrateDeploy } from "../../scripts/lib/prisma-cli";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `bureau-vitest-${process.pid}`),
      preferredPort: 54360,
      persistent: false,
    });
    adminUrl = server.adminUrl;
    stop = server.stop;
  }
  const template = `bureau_template_${process.pid}`;
  await dropDatabase(adminUrl, template);
  await ensureDatabase(adminUrl, template);
  migrateDeploy(withDatabase(adminUrl, template));
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", template);
  return async () => {
    await dropDatabase(adminUrl, template);
    await stop?.();
  };
}
