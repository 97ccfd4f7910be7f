// The job queue (docs/decisions/016): graphile-worker's tables in this same database. A job is
// added in the transaction of the change that causes it, so a change that rolls back leaves no job,
// and a job never runs for a change that was not committed. The worker process (scripts/worker.ts)
// runs them, retrying a failure with exponential back-off up to the job's attempts.
import "server-only";
import type { DbOrTx } from "@/lib/server/db";

/** Every task the worker knows (lib/server/jobs/tasks.ts maps each to its use case). */
export const TASKS = {
  /** Deliver one outbox notification (id) over its channel. */
  deliverNotification: "notification:deliver",
  /** Record one case's cards after a change of its state or clock. */
  refreshCards: "cards:refresh",
  /** The nightly sweep of every running clock (scheduled). */
  sweepCards: "cards:sweep",
  /** The nightly look at every running complaint stage: yellow and red cards (scheduled). */
  sweepComplaints: "complaints:sweep",
  /** 一件事: see whether a bundle filing's items have all ended, and if so complete it (one delivery). */
  completeBundle: "bundle:complete",
  /** 票款分离: register one payment notice (id) with the fiscal platform. */
  registerPayment: "payment:register",
  /** Ask the fiscal platform whether one notice (id) is paid (a payer's "I have paid", a lost callback). */
  queryPayment: "payment:query",
  /** Expire the payment notices past their due day, after asking the platform about each (scheduled nightly). */
  expirePayments: "payments:expire",
  /** Reconcile one day's confirmed payments against the platform's file (scheduled nightly; or on demand). */
  reconcilePayments: "payments:reconcile",
  /** 审管分离: deliver one department event to one webhook subscription (WebhookDelivery id). */
  deliverDepartmentEvent: "department:deliver",
  /** Delete the open API's call log past its retention (scheduled nightly). */
  purgeApiCalls: "api:purge-calls",
  /** Anchor the audit chain's head once a day (scheduled). */
  anchorAuditChain: "audit:anchor",
} as const;

export type TaskName = (typeof TASKS)[keyof typeof TASKS];

export type EnqueueOptions = {
  /** A job with the same key that has not started yet is replaced (so a burst of changes runs once). */
  jobKey?: string;
  runAt?: Date;
  /** Attempts before the job shows as failed; default 10 (the last one about 6 hours after the first). */
  maxAttempts?: number;
};

export async function enqueue(tx: DbOrTx, task: TaskName, payload: Record<string, unknown>, opts: EnqueueOptions = {}): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    run_at => ${opts.runAt ?? null}::timestamptz,
    max_attempts => ${opts.maxAttempts ?? 10}::int,
    job_key => ${opts.jobKey ?? null}::text
  )`;
}
