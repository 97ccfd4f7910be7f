// The migration path end to end, offline: fresh database → migrate deploy → status → no drift.
import { describe, expect, it, inject } from "vitest";
import { checkMigrations } from "../../scripts/check-migrations";

describe("prisma migrations", () => {
  it("deploy onto a fresh database and match schema.prisma exactly", async () => {
    const result = await checkMigrations(inject("adminDatabaseUrl"));
    expect(result.deploy.exitCode).toBe(0);
    expect(result.status.exitCode).toBe(0);
    expect(result.drift).toMatchObject({ exitCode: 0, inSync: true });
  }, 120_000);
});
