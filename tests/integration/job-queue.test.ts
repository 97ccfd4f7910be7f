// The job queue and the outbox on real PostgreSQL, with a real SMTP server on loopback: a rolled-back
// change enqueues nothing; a failing delivery retries with back-off, then shows as failed with its
// error to the administrator, who retries it; an e-mail arrives with the right recipient and text;
// and a worker process killed in the middle of a job loses it not.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access/actor";
import { postMessage } from "@/lib/server/applications/transition";
import { db } from "@/lib/server/db";
import { listJobs } from "@/lib/server/jobs/list-jobs";
import { TASKS, enqueue } from "@/lib/server/jobs/queue";
import { retryJob } from "@/lib/server/jobs/retry-job";
import { sweepIfStale } from "@/lib/server/jobs/tasks";
import { queueNotice } from "@/lib/server/notifications/outbox";
import { actorOf, createUser } from "../factories/users";
import { runQueuedJobs, runWorkerUntil } from "../support/jobs";
import { startSmtpServer } from "../../scripts/lib/mail-sink";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let admin: Actor;
let person: { id: string };

const jobCount = async () => Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker._private_jobs`)[0].n);
/** The queue's own clock moved on: every job waiting for its back-off may run now. */
const backOffPassed = () => db().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL`;

beforeAll(async () => {
  smtp = await startSmtpServer();
  admin = actorOf(await createUser(db(), { role: "ADMIN" }));
  const u = await createUser(db(), { role: "APPLICANT" });
  person = await db().user.update({ where: { id: u.id }, data: { email: "zhang.san@example.cn", notifyChannels: ["EMAIL"] } });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.stop();
});

describe("enqueueing in the change's transaction", () => {
  it("a change that rolls back leaves no job, no outbox row and no message; the same change committed leaves one of each", async () => {
    const jobsBefore = await jobCount();
    const change = (fail: boolean) =>
      db().$transaction(async (tx) => {
        await postMessage(tx, { userId: person.id, applicationId: null, kind: "ACCOUNT_REGISTRATION_ATTEMPT", params: { phone: "139****0000" } });
        await enqueue(tx, TASKS.refreshCards, { applicationId: "none" });
        if (fail) throw new Error("the change failed after its jobs were added");
      });
    await expect(change(true)).rejects.toThrow("the change failed");
    expect(await jobCount()).toBe(jobsBefore);
    expect(await db().notification.count({ where: { userId: person.id } })).toBe(0);
    expect(await db().message.count({ where: { userId: person.id } })).toBe(0);
    await change(false);
    expect(await jobCount()).toBe(jobsBefore + 2);
    expect(await db().notification.count({ where: { userId: person.id } })).toBe(1);
    expect(await db().message.count({ where: { userId: person.id } })).toBe(1);
  });
});

describe("delivery by e-mail", () => {
  it("arrives at the SMTP server with the person's address, the subject and the Chinese text", async () => {
    process.env.SMTP_URL = smtp.url;
    await runQueuedJobs();
    const mail = smtp.received.find((m) => m.to.includes("zhang.san@example.cn"));
    expect(mail).toBeDefined();
    expect(mail!.text).toContain("139****0000");
    expect(mail!.subject.length).toBeGreaterThan(0);
    expect(mail!.from).toBe("noreply@zwfw.localhost");
    const row = await db().notification.findFirstOrThrow({ where: { userId: person.id } });
    expect(row).toMatchObject({ channel: "EMAIL", address: "zhang.san@example.cn", status: "SENT", attempts: 1, lastError: null });
    expect(row.sentAt).not.toBeNull();
  });

  it("a failing delivery is retried with growing back-off, then shows as failed with its error; the administrator's retry sends it", async () => {
    // A port nobody listens on: every attempt is refused.
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      });
    });
    process.env.SMTP_URL = `smtp://127.0.0.1:${closed}`;
    const id = await db().$transaction((tx) => queueNotice(tx, { userId: person.id, kind: "TEST_FAIL", text: "【广安区行政审批局】这封邮件第一次发不出去。" }).then(() => tx.notification.findFirstOrThrow({ where: { kind: "TEST_FAIL" } })).then((n) => n.id));

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      await runQueuedJobs();
      const [job] = await db().$queryRaw<{ attempts: number; delay: number }[]>`
        SELECT attempts, EXTRACT(EPOCH FROM run_at - now())::float AS delay FROM graphile_worker._private_jobs WHERE payload->>'id' = ${id}`;
      expect(job.attempts).toBe(attempt);
      delays.push(job.delay);
      const row = await db().notification.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row.status).toBe(attempt < 8 ? "PENDING" : "FAILED");
      await backOffPassed();
    }
    // exp(attempts) seconds: each wait longer than the one before.
    expect(delays[0]).toBeGreaterThan(1.5);
    for (let i = 1; i < 7; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);

    const failed = await listJobs({ actor: admin, filter: { status: "failed" } });
    const shown = failed.rows.find((r) => r.payload.includes(id));
    expect(shown).toMatchObject({ task: TASKS.deliverNotification, status: "failed", attempts: 8, maxAttempts: 8 });
    expect(shown!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(failed.counts.failed).toBeGreaterThanOrEqual(1);
    expect(failed.outbox.FAILED).toBe(1);
    // A failed job stays failed: running the queue again does not touch it.
    await runQueuedJobs();
    expect((await db().notification.findUniqueOrThrow({ where: { id } })).attempts).toBe(8);

    await expect(retryJob({ actor: actorOf(await createUser(db(), { role: "CLERK" })), input: { jobId: shown!.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    process.env.SMTP_URL = smtp.url;
    await retryJob({ actor: admin, input: { jobId: shown!.id } });
    await expect(retryJob({ actor: admin, input: { jobId: shown!.id } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    await runQueuedJobs();
    expect(await db().notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", lastError: null });
    expect(smtp.received.filter((m) => m.text.includes("这封邮件第一次发不出去"))).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { action: "job.retried", entityId: shown!.id } })).toBe(1);
  });
});

describe("a worker killed in the middle of a job", () => {
  it("loses no job: the job stays locked with its attempt, and runs once the dead worker's lock has expired", async () => {
    // An SMTP server that accepts the connection and never answers: the delivery hangs in the worker.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => void sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const silentUrl = `smtp://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    const id = await db().$transaction(async (tx) => {
      await queueNotice(tx, { userId: person.id, kind: "TEST_KILL", text: "【广安区行政审批局】送达途中工作进程被终止。" });
      return (await tx.notification.findFirstOrThrow({ where: { kind: "TEST_KILL" } })).id;
    });

    const root = path.resolve(__dirname, "../..");
    // Node itself with tsx as its loader: one process, so SIGKILL leaves no orphan (the tsx command
    // runs the script in a child that a killed parent would leave behind).
    const worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
      cwd: root,
      env: { ...process.env, SMTP_URL: silentUrl, AUDIT_ANCHOR_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "anchors-")) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    worker.stdout.on("data", (d) => (output += d));
    worker.stderr.on("data", (d) => (output += d));
    const exited = new Promise((resolve) => worker.on("exit", resolve));
    try {
      const deadline = Date.now() + 60_000;
      let locked = false;
      while (!locked && Date.now() < deadline) {
        const [job] = await db().$queryRaw<{ locked: boolean }[]>`SELECT locked_at IS NOT NULL AS locked FROM graphile_worker._private_jobs WHERE payload->>'id' = ${id}`;
        locked = job?.locked ?? false;
        if (!locked) await new Promise((r) => setTimeout(r, 200));
      }
      expect(locked, output).toBe(true);
    } finally {
      worker.kill("SIGKILL");
      await exited;
    }
    for (const s of sockets) s.destroy();
    silent.close();

    const [job] = await db().$queryRaw<{ attempts: number; locked: boolean }[]>`SELECT attempts, locked_at IS NOT NULL AS locked FROM graphile_worker._private_jobs WHERE payload->>'id' = ${id}`;
    expect(job).toEqual({ attempts: 1, locked: true });
    expect((await db().notification.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    // Not yet: a lock younger than four hours may belong to a worker that is only slow.
    process.env.SMTP_URL = smtp.url;
    await runQueuedJobs();
    expect((await db().notification.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
    // A running worker releases locks older than four hours and takes the job again: the clock moved on.
    await db().$executeRaw`UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '4 hours 1 minute' WHERE payload->>'id' = ${id}`;
    const sent = await runWorkerUntil(async () => (await db().notification.findUniqueOrThrow({ where: { id } })).status === "SENT");
    expect(sent).toBe(true);
    expect(await db().notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2 });
    expect(smtp.received.filter((m) => m.text.includes("送达途中工作进程被终止"))).toHaveLength(1);
  }, 90_000);
});

describe("the schedule after downtime", () => {
  it("a worker starting on a database whose cards were not swept in the last day sweeps now; after a recent sweep it does not", async () => {
    // Waiting sweeps (one the killed worker above may hold stays locked, as that test shows).
    const sweeps = async () => Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = ${TASKS.sweepCards} AND locked_at IS NULL`)[0].n);
    expect(await sweepIfStale()).toBe(true);
    expect(await sweepIfStale()).toBe(true); // a second worker starting at once: still one job
    expect(await sweeps()).toBe(1);
    await runQueuedJobs();
    expect(await sweeps()).toBe(0);
    await db().$executeRaw`INSERT INTO graphile_worker._private_known_crontabs (identifier, known_since, last_execution) VALUES ('nightly_card_sweep', now() - interval '3 days', now() - interval '20 hours')
      ON CONFLICT (identifier) DO UPDATE SET last_execution = EXCLUDED.last_execution`;
    expect(await sweepIfStale()).toBe(false);
    await db().$executeRaw`UPDATE graphile_worker._private_known_crontabs SET last_execution = now() - interval '26 hours' WHERE identifier = 'nightly_card_sweep'`;
    expect(await sweepIfStale()).toBe(true);
    await runQueuedJobs();
  });
});
