// The portal's own database login (docs/decisions/013): it adds to the audit trail but can neither
// change, delete nor empty it; the chain is sealed after commit by one step; the day's application
// numbers come from a sequence without a lock held to commit.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { db } from "@/lib/server/db";
import { asRuntimeLogin, ensureRuntimeLogin } from "../../scripts/lib/runtime-role";

const SECRET = "least-privilege-test-secret";
let portal: pg.Client;

beforeAll(async () => {
  await ensureRuntimeLogin(inject("adminDatabaseUrl"), SECRET);
  portal = new pg.Client({ connectionString: asRuntimeLogin(process.env.DATABASE_URL!, SECRET) });
  await portal.connect();
});
afterAll(() => portal.end());

const refusedCode = (sql: string) =>
  portal.query(sql).then(
    () => "allowed",
    (e: { code?: string }) => e.code,
  );

describe("the portal's database login", () => {
  it("is not the owner: it may insert audit events, but UPDATE, DELETE and TRUNCATE on the trail are refused", async () => {
    const { rows } = await portal.query<{ current_user: string; rolsuper: boolean }>(`SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)`);
    expect(rows[0]).toEqual({ current_user: "bureau_portal", rolsuper: false });
    await portal.query(`INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('test.portal', 'Test', 'lp-1')`);
    expect(await refusedCode(`UPDATE "AuditEvent" SET action = 'x' WHERE "entityId" = 'lp-1'`)).toBe("42501");
    expect(await refusedCode(`DELETE FROM "AuditEvent" WHERE "entityId" = 'lp-1'`)).toBe("42501");
    expect(await refusedCode(`TRUNCATE "AuditEvent"`)).toBe("42501");
    expect(await refusedCode(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`)).toBe("42501");
    for (const table of ["StampRecord", "CorrectionNotice", "ItemVersion", "Material", "MismatchResolution"]) {
      expect(await refusedCode(`DELETE FROM "${table}"`)).toBe("42501");
      expect(await refusedCode(`TRUNCATE "${table}" CASCADE`)).toBe("42501");
    }
    expect(await refusedCode(`SELECT * FROM "_prisma_migrations"`)).toBe("42501");
    // Its ordinary work is allowed.
    expect(await refusedCode(`UPDATE "User" SET "failedLoginCount" = "failedLoginCount" WHERE false`)).toBe("allowed");
    expect(await refusedCode(`SELECT next_application_serial('2031-01-02')`)).toBe("allowed");
  });

  it("cannot bring its own hash or position: the sealer gives both, and a sealed row never changes again", async () => {
    await portal.query(`INSERT INTO "AuditEvent" (action, "entityType", "entityId", seq, "prevHash", hash) VALUES ('test.forged', 'Test', 'lp-2', 999999, 'x', 'y')`);
    const before = await db().auditEvent.findFirstOrThrow({ where: { entityId: "lp-2" } });
    expect(before).toMatchObject({ seq: null, prevHash: null, hash: null });
    const sealed = await portal.query<{ n: number }>(`SELECT seal_audit_events(10000, true) AS n`);
    expect(sealed.rows[0].n).toBeGreaterThanOrEqual(1);
    const after = await db().auditEvent.findFirstOrThrow({ where: { entityId: "lp-2" } });
    expect(after.seq).not.toBeNull();
    expect(after.hash).toMatch(/^[0-9a-f]{64}$/);
    // Even the owner cannot seal a sealed row again or change its content (the trigger refuses).
    await expect(db().$executeRawUnsafe(`UPDATE "AuditEvent" SET seq = seq + 1000 WHERE id = ${after.id}`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`UPDATE "AuditEvent" SET seq = 5000000, hash = 'z' WHERE seq IS NULL`)).resolves.toBe(0);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it("writers do not wait for one another: 40 appends in open transactions all insert before any commits, and seal into one chain", async () => {
    const clients = await Promise.all(Array.from({ length: 8 }, async () => {
      const c = new pg.Client({ connectionString: asRuntimeLogin(process.env.DATABASE_URL!, SECRET) });
      await c.connect();
      await c.query("BEGIN");
      return c;
    }));
    try {
      // With a lock taken at insert, the second client's insert would block here until the first commits.
      for (let i = 0; i < 40; i++) {
        await clients[i % clients.length].query(`INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('test.parallel', 'Test', $1)`, [`par-${i}`]);
      }
      // Commit in reverse order of their first insert: the chain follows commit order, not id order.
      for (const c of [...clients].reverse()) await c.query("COMMIT");
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const verdict = await verifyAuditChain(db());
    expect(verdict.ok).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "test.parallel", seq: { not: null } } })).toBe(40);
  });
});

describe("the day's application number", () => {
  it("is unique under 30 concurrent submissions, counts from 1 on a new day and continues a day counted before", async () => {
    const day = "2031-03-04";
    const serials = await Promise.all(Array.from({ length: 30 }, () => db().$transaction(async (tx) => {
      const [{ serial }] = await tx.$queryRaw<{ serial: bigint }[]>`SELECT next_application_serial(${day}) AS serial`;
      return Number(serial);
    })));
    expect(new Set(serials).size).toBe(30);
    expect(Math.min(...serials)).toBe(1);
    // Never below 1; a first-of-day race may skip a value (a gap), never repeat or fail one.
    expect(serials.every((n) => n >= 1)).toBe(true);
    // A day counted under the old counter (its last number 41, migrated to base = 1 - 41) goes on at 42.
    const [{ next }] = await db().$queryRaw<{ next: bigint }[]>`SELECT nextval('application_number_seq') AS next`;
    await db().applicationCounter.create({ data: { day: "2031-03-05", base: next + BigInt(1) - BigInt(41) } });
    const [{ serial }] = await db().$queryRaw<{ serial: bigint }[]>`SELECT next_application_serial('2031-03-05') AS serial`;
    expect(Number(serial)).toBe(42);
  });
});

describe("the job queue under the portal's login", () => {
  it("enqueues, takes and completes jobs and records the schedule, though graphile-worker keeps row-level security on its tables", async () => {
    const { run, runOnce, Logger } = await import("graphile-worker");
    const { CRONTAB, TASK_LIST } = await import("@/lib/server/jobs/tasks");
    const quiet = new Logger(() => () => {});
    const url = asRuntimeLogin(process.env.DATABASE_URL!, SECRET);
    const { rows: secured } = await portal.query<{ relname: string }>(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'graphile_worker' AND c.relrowsecurity`);
    expect(secured.length).toBeGreaterThan(0);
    await portal.query(`SELECT graphile_worker.add_job('cards:refresh', json_build_object('applicationId', 'no-such-case'))`);
    const count = async () => Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker._private_jobs`)[0].n);
    expect(await count()).toBe(1);
    await runOnce({ connectionString: url, taskList: TASK_LIST, logger: quiet });
    expect(await count()).toBe(0);
    const errors: string[] = [];
    const logger = new Logger(() => (level, message) => void (level === "error" && errors.push(message)));
    const runner = await run({ connectionString: url, taskList: TASK_LIST, crontab: CRONTAB, logger, noHandleSignals: true, pollInterval: 200 });
    try {
      const deadline = Date.now() + 15_000;
      // Every scheduled task of the crontab is registered.
      const scheduled = CRONTAB.split("\n").filter((l) => l.trim() !== "").length;
      let known = 0;
      while (known < scheduled && Date.now() < deadline) {
        known = Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker._private_known_crontabs`)[0].n);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(known).toBe(scheduled);
      expect(scheduled).toBe(6);
      expect(errors).toEqual([]);
    } finally {
      await runner.stop();
    }
  }, 30_000);
});
