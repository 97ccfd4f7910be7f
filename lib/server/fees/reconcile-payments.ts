// 对账: each night the worker compares the payments the bureau confirmed on a (Beijing) day with the
// fiscal platform's file of that day. The run is kept (one per day; running a day again replaces
// it), and every mismatch is raised to the administrators in their inbox and on the payments page.
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { addCalendarDays, isPlainDate, toPlainDate, type PlainDate } from "@/lib/domain/calendar/working-days";
import { periodInstants } from "@/lib/domain/statistics/period";
import { parseReconciliationFile, reconcile, type Mismatch } from "@/lib/domain/fees/fees";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/domain/access/actor";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { rolesWith } from "@/lib/domain/access/permissions";
import { db } from "@/lib/server/db";
import { TASKS, enqueue } from "@/lib/server/jobs/queue";
import { postMessage } from "@/lib/server/applications/transition";
import { reconciliationFile } from "./fiscal-channel";

export async function reconcileDay(day: PlainDate): Promise<{ day: PlainDate; mismatches: Mismatch[]; bankRows: number; bureauRows: number }> {
  const text = await reconciliationFile(day);
  const file = parseReconciliationFile(text);
  const { start, end } = periodInstants({ from: day, to: day });
  const paid = await db().paymentNotice.findMany({
    where: { state: "PAID", paidAt: { gte: start, lt: end } },
    select: { code: true, amountFen: true },
  });
  // A line of the file that cannot be read is a mismatch too: the day is not clean.
  const mismatches: Mismatch[] = [...reconcile(paid, file.rows), ...file.problems.map((line) => ({ code: `line ${line}`, kind: "UNKNOWN_TO_BUREAU" as const }))];
  const data = { fileSha256: createHash("sha256").update(text).digest("hex"), bankRows: file.rows.length, bureauRows: paid.length, mismatches, mismatchCount: mismatches.length };
  await db().$transaction(async (tx) => {
    const run = await tx.reconciliationRun.upsert({ where: { day: new Date(`${day}T00:00:00Z`) }, create: { day: new Date(`${day}T00:00:00Z`), ...data }, update: data });
    await recordAuditEvent(tx, { actor: null, action: "payments.reconciled", entityType: "ReconciliationRun", entityId: run.id, after: { day, bankRows: data.bankRows, bureauRows: data.bureauRows, mismatches: mismatches.length } });
    if (mismatches.length > 0) {
      const admins = await tx.user.findMany({ where: { active: true, role: { in: [...rolesWith("payments:administer")] } }, select: { id: true } });
      for (const a of admins) await postMessage(tx, { userId: a.id, applicationId: null, kind: "RECONCILIATION_MISMATCH", params: { day, count: String(mismatches.length) } });
    }
  });
  return { day, mismatches, bankRows: data.bankRows, bureauRows: data.bureauRows };
}

/** The nightly run reconciles the day before (Beijing time). */
export function dayToReconcile(now: Date): PlainDate {
  return addCalendarDays(toPlainDate(now), -1);
}

export const ZReconcileInput = z.object({ day: z.string().refine(isPlainDate, "payments.day") });

/** The administrator asks for a day to be reconciled (again) now: the worker does it. */
export async function requestReconciliation(opts: { actor: Actor | null; input: z.input<typeof ZReconcileInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "payments:administer", "requestReconciliation");
  const { day } = ZReconcileInput.parse(opts.input);
  if (day > toPlainDate(opts.now ?? new Date())) throw new AppError("VALIDATION", "payments.dayInFuture", { fieldErrors: { day: "payments.dayInFuture" } });
  await db().$transaction(async (tx) => {
    await enqueue(tx, TASKS.reconcilePayments, { day }, { jobKey: `payments:reconcile:${day}`, maxAttempts: 5 });
    await recordAuditEvent(tx, { actor, action: "payments.reconciliation.requested", entityType: "ReconciliationRun", entityId: day });
  });
  return { day };
}
