// Gives each integration test file a fresh database copied from the migrated template.
import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { dropDatabase, ensureDatabase, withDatabase } from "../../scripts/lib/embedded-postgres";

const adminUrl = inject("adminDatabaseUrl");
const database = `t_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
await ensureDatabase(adminUrl, database, inject("templateDatabase"));
process.env.DATABASE_URL = withDatabase(adminUrl, database);
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret";

afterAll(async () => {
  const holder = globalThis as unknown as { prisma?: { $disconnect: () => Promise<void> } };
  await holder.prisma?.$disconnect();
  holder.prisma = undefined;
  await dropDatabase(adminUrl, database);
});
process.env.SEAL_KEY_DIR ??= (await import("node:fs")).mkdtempSync((await import("node:path")).join((await import("node:os")).tmpdir(), "seal-keys-"));
