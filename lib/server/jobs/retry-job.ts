// The administrator runs a failed job again: its attempts start over, now. A notification's outbox
// row goes back to pending with it. Audited.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { mayRetry } from "./list-jobs";
import { TASKS } from "./queue";

export const ZRetryJobInput = z.object({ jobId: z.string().regex(/^\d{1,18}$/) });

export async function retryJob(opts: { actor: Actor | null; input: z.input<typeof ZRetryJobInput> }) {
  const actor = await requirePermission(opts.actor, "jobs:administer", "retryJob");
  const { jobId } = ZRetryJobInput.parse(opts.input);
  return db().$transaction(async (tx) => {
    const [job] = await tx.$queryRaw<{ task: string; payload: { id?: unknown } | null; attempts: number; maxAttempts: number; lastError: string | null }[]>`
      SELECT t.identifier AS task, j.payload, j.attempts, j.max_attempts AS "maxAttempts", j.last_error AS "lastError"
      FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
      WHERE j.id = ${BigInt(jobId)} FOR UPDATE OF j`;
    if (!job) throw new AppError("NOT_FOUND", "job");
    if (!mayRetry(job)) throw new AppError("ALREADY_HANDLED", "job not failed");
    await tx.$executeRaw`SELECT graphile_worker.reschedule_jobs(ARRAY[${BigInt(jobId)}]::bigint[], run_at => now(), attempts => 0)`;
    if (job.task === TASKS.deliverNotification && typeof job.payload?.id === "string") {
      await tx.notification.updateMany({ where: { id: job.payload.id, status: "FAILED" }, data: { status: "PENDING" } });
    }
    await recordAuditEvent(tx, { actor, action: "job.retried", entityType: "Job", entityId: jobId, meta: { task: job.task, attempts: job.attempts, lastError: job.lastError } });
    return { id: jobId };
  });
}
