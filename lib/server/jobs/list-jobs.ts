// The administrator's view of the job queue: jobs waiting, running, retrying after a failure, and
// failed for good (every attempt used, with the last error), newest first; and the outbox's counts.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";

export const JOB_STATUSES = ["waiting", "running", "retrying", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const ZJobsFilter = z.object({ status: z.enum(JOB_STATUSES).optional().catch(undefined) });

const STATUS_SQL: Record<JobStatus, Prisma.Sql> = {
  failed: Prisma.sql`j.attempts >= j.max_attempts`,
  running: Prisma.sql`j.attempts < j.max_attempts AND j.locked_at IS NOT NULL`,
  retrying: Prisma.sql`j.attempts < j.max_attempts AND j.locked_at IS NULL AND j.attempts > 0`,
  waiting: Prisma.sql`j.attempts = 0 AND j.locked_at IS NULL`,
};

type Row = { id: bigint; task: string; payload: unknown; attempts: number; maxAttempts: number; lastError: string | null; runAt: Date; lockedAt: Date | null; createdAt: Date };

export function jobStatusOf(j: { attempts: number; maxAttempts: number; lockedAt: Date | null }): JobStatus {
  if (j.attempts >= j.maxAttempts) return "failed";
  if (j.lockedAt) return "running";
  return j.attempts > 0 ? "retrying" : "waiting";
}

/** Only a job that has used every attempt is run again by hand; a waiting or running one is the worker's. */
export function mayRetry(j: { attempts: number; maxAttempts: number }): boolean {
  return j.attempts >= j.maxAttempts;
}

export async function listJobs(opts: { actor: Actor | null; filter?: z.input<typeof ZJobsFilter>; limit?: number }) {
  await requirePermission(opts.actor, "jobs:administer", "listJobs");
  const filter = ZJobsFilter.parse(opts.filter ?? {});
  const where = filter.status ? STATUS_SQL[filter.status] : Prisma.sql`TRUE`;
  const [rows, [counts], outbox] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT j.id, t.identifier AS task, j.payload, j.attempts, j.max_attempts AS "maxAttempts", j.last_error AS "lastError",
             j.run_at AS "runAt", j.locked_at AS "lockedAt", j.created_at AS "createdAt"
      FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
      WHERE ${where}
      ORDER BY j.id DESC
      LIMIT ${opts.limit ?? 100}`,
    db().$queryRaw<Record<JobStatus, number>[]>`
      SELECT count(*) FILTER (WHERE ${STATUS_SQL.waiting})::int AS waiting, count(*) FILTER (WHERE ${STATUS_SQL.running})::int AS running,
             count(*) FILTER (WHERE ${STATUS_SQL.retrying})::int AS retrying, count(*) FILTER (WHERE ${STATUS_SQL.failed})::int AS failed
      FROM graphile_worker._private_jobs j`,
    db().notification.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, id: String(r.id), payload: JSON.stringify(r.payload ?? {}), status: jobStatusOf(r), retryable: mayRetry(r) })),
    counts,
    outbox: Object.fromEntries(outbox.map((o) => [o.status, o._count._all])) as Partial<Record<"PENDING" | "SENT" | "FAILED", number>>,
    filter,
  };
}
