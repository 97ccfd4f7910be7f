// What the worker runs: each task of the queue mapped to its use case, and the schedule. The
// crontab is read in UTC by graphile-worker; Beijing has no daylight saving time, so a bureau time
// is a fixed UTC time (bureauDaily). `fill` makes a worker that was down run the missed night once.
import "server-only";
import type { JobHelpers, TaskList } from "graphile-worker";
import { z } from "zod";
import { refreshCards, sweepCards } from "@/lib/server/cards/record-cards";
import { completeBundle } from "@/lib/server/bundles/complete-bundle";
import { sweepComplaints } from "@/lib/server/complaints/sweep-complaints";
import { deliverNotification } from "@/lib/server/notifications/deliver-notification";
import { deliverDepartmentEvent } from "@/lib/server/departments/deliver-department-event";
import { db } from "@/lib/server/db";
import { queryPaymentNotice, registerPaymentNotice } from "@/lib/server/fees/payment-jobs";
import { dayToReconcile, reconcileDay } from "@/lib/server/fees/reconcile-payments";
import { expireOverdueNotices } from "@/lib/server/fees/expire-payment-notices";
import { purgeApiCalls } from "@/lib/server/api/purge-api-calls";
import { isPlainDate } from "@/lib/domain/calendar/working-days";
import { anchorDaily } from "./audit-chain-jobs";
import { TASKS, type TaskName } from "./queue";

/** A daily cron line at a Beijing (UTC+8, no DST) time. */
export function bureauDaily(hour: number, minute: number): string {
  return `${minute} ${(hour + 24 - 8) % 24} * * *`;
}

const SWEEP_ID = "nightly_card_sweep";

export const CRONTAB = [
  // 02:00: every running clock is looked at, and cards raised or closed.
  `${bureauDaily(2, 0)} ${TASKS.sweepCards} ?fill=2d&max=3&id=${SWEEP_ID}`,
  // 02:20: every running complaint stage is looked at, and cards raised.
  `${bureauDaily(2, 20)} ${TASKS.sweepComplaints} ?fill=2d&max=3&id=nightly_complaint_sweep`,
  // 01:30: yesterday's confirmed payments against the fiscal platform's file (对账).
  `${bureauDaily(1, 30)} ${TASKS.reconcilePayments} ?fill=2d&max=5&id=nightly_payment_reconciliation`,
  // 01:45: notices past their due day expire (the platform asked about each first).
  `${bureauDaily(1, 45)} ${TASKS.expirePayments} ?fill=2d&max=5&id=nightly_payment_expiry`,
  // 03:10: the open API's call log past its retention is deleted.
  `${bureauDaily(3, 10)} ${TASKS.purgeApiCalls} ?fill=2d&max=3&id=nightly_api_call_purge`,
  // 00:10: the audit chain's head is anchored for the day (anchorDaily is idempotent per day).
  `${bureauDaily(0, 10)} ${TASKS.anchorAuditChain} ?fill=2d&max=5&id=daily_audit_anchor`,
].join("\n");

const ZId = z.object({ id: z.string().min(1).max(60) });
const ZApplication = z.object({ applicationId: z.string().min(1).max(60) });

const attemptOf = (helpers: JobHelpers) => ({ number: helpers.job.attempts, of: helpers.job.max_attempts });

export const TASK_LIST: Record<TaskName, TaskList[string]> = {
  [TASKS.deliverNotification]: async (payload, helpers) => {
    await deliverNotification(ZId.parse(payload).id, attemptOf(helpers));
  },
  [TASKS.refreshCards]: async (payload) => {
    await refreshCards(ZApplication.parse(payload).applicationId);
  },
  [TASKS.completeBundle]: async (payload) => {
    await completeBundle(z.object({ bundleFilingId: z.string().min(1).max(60) }).parse(payload).bundleFilingId);
  },
  [TASKS.registerPayment]: async (payload) => {
    await registerPaymentNotice(ZId.parse(payload).id);
  },
  [TASKS.queryPayment]: async (payload, helpers) => {
    const outcome = await queryPaymentNotice(ZId.parse(payload).id);
    helpers.logger.info(`payment query: ${outcome ?? "nothing to ask"}`);
  },
  [TASKS.purgeApiCalls]: async (_payload, helpers) => {
    helpers.logger.info(`api call log: ${await purgeApiCalls()} rows past retention deleted`);
  },
  [TASKS.expirePayments]: async (_payload, helpers) => {
    const r = await expireOverdueNotices();
    helpers.logger.info(`payment notices: ${r.expired} expired, ${r.confirmed} found paid`);
  },
  [TASKS.reconcilePayments]: async (payload, helpers) => {
    // A scheduled run carries its tick's time (graphile-worker's `_cron.ts`, also when caught up later): the day before it.
    const p = z.object({ day: z.string().refine(isPlainDate).optional(), _cron: z.object({ ts: z.string() }).optional() }).parse(payload ?? {});
    const day = p.day ?? dayToReconcile(p._cron ? new Date(p._cron.ts) : new Date());
    const r = await reconcileDay(day);
    helpers.logger.info(`reconciled ${day}: ${r.bankRows} bank rows, ${r.bureauRows} bureau rows, ${r.mismatches.length} mismatches`);
  },
  [TASKS.sweepCards]: async (_payload, helpers) => {
    const r = await sweepCards();
    helpers.logger.info(`card sweep: ${r.cases} cases, ${r.raised} cards raised, ${r.closed} closed`);
  },
  [TASKS.sweepComplaints]: async (_payload, helpers) => {
    const r = await sweepComplaints();
    helpers.logger.info(`complaint sweep: ${r.raised} cards raised`);
  },
  [TASKS.deliverDepartmentEvent]: async (payload, helpers) => {
    await deliverDepartmentEvent(ZId.parse(payload).id, attemptOf(helpers));
  },
  [TASKS.anchorAuditChain]: async (_payload, helpers) => {
    const anchored = await anchorDaily();
    if (anchored) helpers.logger.info(`anchored the audit chain at event ${anchored}`);
  },
};

/**
 * A worker starting on a database whose cards were not swept in the last day (a fresh installation,
 * or one down for longer than the schedule's catch-up) sweeps now; several starting at once add one job.
 */
export async function sweepIfStale(): Promise<boolean> {
  const added = await db().$queryRaw<{ id: bigint }[]>`
    SELECT (graphile_worker.add_job(${TASKS.sweepCards}::text, '{}'::json, job_key => 'cards:sweep:catch-up', max_attempts => 3)).id
    WHERE NOT EXISTS (SELECT 1 FROM graphile_worker._private_known_crontabs WHERE identifier = ${SWEEP_ID} AND last_execution > now() - interval '1 day')`;
  return added.length > 0;
}
