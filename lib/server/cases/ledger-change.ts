// The one way the clock ledger changes: under locks, due dates stored again, audited, and the
// case's cards recorded again by the worker.
import "server-only";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { assertAllowed, type CaseAction } from "@/lib/domain/workflow/application-workflow";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/domain/access/actor";
import { refreshCardsLater } from "@/lib/server/applications/transition";
import { db, type Tx } from "@/lib/server/db";
import { lockedWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { asAppError } from "@/lib/server/domain-errors";
import { toDateColumn } from "@/lib/server/date-column";
import { caseClock } from "./case-clock";
import { caseFactsOf } from "./case-moves";
import { loadCase, type LoadedCase } from "./load-case";


/**
 * Runs a ledger change under a lock on the case row, then stores the due dates it gives, so
 * queues sort by the dates the applicant is actually owed.
 */
export async function ledgerChange(actor: Actor, applicationId: string, rule: CaseAction, action: string, change: (tx: Tx, app: LoadedCase, today: string) => Promise<object>, now: Date) {
  return db().$transaction(async (tx) => {
    // The calendar's lock before the case's, in the order the publication of a year takes them.
    const cal = await lockedWorkingCalendar(tx);
    const app = await loadCase(tx, actor, applicationId, { lock: true });
    const today = toPlainDate(now);
    let after: object;
    let clock;
    // The table's word on this action, the ledger rule and the recount may each refuse: as AppErrors.
    try {
      assertAllowed(rule, app.state, actor.role, caseFactsOf(app));
      after = await change(tx, app, today);
      clock = caseClock(cal, app, await tx.clockEntry.findMany({ where: { applicationId } }), now);
    } catch (e) {
      throw asAppError(e);
    }
    if (clock) {
      await tx.application.update({
        where: { id: app.id },
        data: { promisedDue: toDateColumn(clock.promisedDue), statutoryDue: toDateColumn(clock.statutoryDue), clockSuspended: clock.suspended },
      });
    }
    await recordAuditEvent(tx, {
      actor,
      action,
      entityType: "Application",
      entityId: app.id,
      after: { ...after, promisedDue: clock?.promisedDue ?? null, statutoryDue: clock?.statutoryDue ?? null },
    });
    await refreshCardsLater(tx, app.id);
    return { id: app.id, ...clock };
  });
}
