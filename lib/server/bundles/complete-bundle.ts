// The one delivery of a bundle: when the last of its items reaches its end, the worker completes the
// filing and the applicant is told ONCE, with every item's outcome. Electronic delivery is done then; a
// pick-up or a posting is one handover at the window for all its certificates (deliver-bundle.ts).
import "server-only";
import { bundleProgress } from "@/lib/domain/bundles/bundles";
import { stateFacts } from "@/lib/domain/workflow/state-facts";
import type { ApplicationState } from "@/lib/domain/workflow/application-workflow";
import { postMessage } from "@/lib/server/applications/transition";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { db, type Tx } from "@/lib/server/db";
import { TASKS, enqueue } from "@/lib/server/jobs/queue";

/**
 * In the transaction that moved an application to an end state: if it belongs to a bundle filing,
 * the worker looks at the filing once this commits. (Completing it right here would take the
 * filing's row lock in the middle of issuance or a decision, whose document counters other
 * transactions lock in the other order: a deadlock.)
 */
export async function completeBundleLater(tx: Tx, bundleFilingId: string | null): Promise<void> {
  // No job key: two items ending at once would both upsert the one keyed job row (a lock shared by
  // transactions that also take document counters) — each end adds its own small job instead.
  if (bundleFilingId) await enqueue(tx, TASKS.completeBundle, { bundleFilingId }, { maxAttempts: 10 });
}

/** The worker: completes the filing if every item has ended; true when this call completed it. */
export async function completeBundle(bundleFilingId: string, now = new Date()): Promise<boolean> {
  return db().$transaction(async (tx) => {
    // Two jobs of one filing at once (two ends, a retry): the second waits, then finds it complete.
    await tx.$queryRaw`SELECT id FROM "BundleFiling" WHERE id = ${bundleFilingId} FOR UPDATE`;
    const filing = await tx.bundleFiling.findUnique({
      where: { id: bundleFilingId },
      include: { bundle: { select: { name: true } }, applications: { orderBy: { createdAt: "asc" }, select: { state: true, itemVersion: { select: { name: true } } } } },
    });
    if (!filing || filing.completedAt || !bundleProgress(filing.applications.map((a) => a.state as ApplicationState)).complete) return false;
    const electronic = filing.deliveryMethod === "ELECTRONIC";
    await tx.bundleFiling.update({ where: { id: filing.id }, data: { completedAt: now, ...(electronic ? { deliveredAt: now } : {}) } });
    const outcomes = filing.applications.map((a) => ({ item: a.itemVersion.name, state: a.state, approved: stateFacts(a.state as ApplicationState).decision === "APPROVED" }));
    await recordAuditEvent(tx, { actor: null, action: "bundle.completed", entityType: "BundleFiling", entityId: filing.id, after: { outcomes, delivery: filing.deliveryMethod } });
    await postMessage(tx, {
      userId: filing.applicantId,
      applicationId: null,
      kind: `BUNDLE_COMPLETED_${filing.deliveryMethod}`,
      params: { number: filing.number ?? "", bundle: filing.bundle.name, approved: String(outcomes.filter((o) => o.approved).length), items: String(outcomes.length) },
    });
    return true;
  });
}
