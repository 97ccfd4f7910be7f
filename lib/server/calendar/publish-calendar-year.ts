// Loading a year of the State Council's holiday notice (or a corrected one): in one transaction the
// year is stored, every open case's due dates are counted again on it, each move is audited on its
// case, and each applicant whose date moved gets a message with the old and the new date.
import "server-only";
import { isProvisionalDate } from "@/lib/domain/calendar/working-days";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { postMessage, refreshCardsLater, type MessageParams } from "@/lib/server/applications/transition";
import { toDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { lockCalendarForPublication } from "./working-calendar";
import { planCalendarYear, summarisePlan } from "./plan-calendar-year";
import type { TCalendarYearInput } from "./schemas";

export const DUE_DATES_MOVED = "DUE_DATES_MOVED";

export async function publishCalendarYear(opts: { actor: Actor | null; input: TCalendarYearInput; now?: Date }) {
  const actor = await requirePermission(opts.actor, "calendar:administer", "publishCalendarYear");
  const now = opts.now ?? new Date();
  return db().$transaction(
    async (tx) => {
      await lockCalendarForPublication(tx);
      const plan = await planCalendarYear(tx, opts.input, now);
      const { year } = plan;
      if (!plan.unchanged || plan.changes.length > 0) {
        await tx.holidayCalendarYear.upsert({
          where: { year: year.year },
          create: { year: year.year, off: year.off, work: year.work, source: year.source, createdById: actor.id, updatedById: actor.id },
          update: { off: year.off, work: year.work, source: year.source, updatedById: actor.id },
        });
        await recordAuditEvent(tx, {
          actor,
          action: plan.replaces ? "calendar.yearReplaced" : "calendar.yearAdded",
          entityType: "HolidayCalendarYear",
          entityId: String(year.year),
          after: { off: year.off, work: year.work, source: year.source },
          meta: { openCases: plan.openCases, moved: plan.changes.length },
        });
      }
      const cal = plan.calendar;
      for (const c of plan.changes) {
        await tx.application.update({
          where: { id: c.applicationId },
          data: {
            promisedDue: c.to.promisedDue && toDateColumn(c.to.promisedDue),
            statutoryDue: c.to.statutoryDue && toDateColumn(c.to.statutoryDue),
            owedBy: c.to.owedBy && toDateColumn(c.to.owedBy),
          },
        });
        await recordAuditEvent(tx, {
          actor,
          action: "clock.calendarRecounted",
          entityType: "Application",
          entityId: c.applicationId,
          before: c.from,
          after: c.to,
          meta: { year: year.year, source: year.source, moves: c.moves },
        });
        const params: MessageParams = {
          number: c.number,
          item: c.itemName,
          year: String(year.year),
          promisedDue: c.to.promisedDue ?? "",
          promisedDueWas: c.from.promisedDue ?? "",
          statutoryDue: c.to.statutoryDue ?? "",
          statutoryDueWas: c.from.statutoryDue ?? "",
          ...(c.to.owedBy && c.from.owedBy !== c.to.owedBy ? { owedBy: c.to.owedBy, owedByWas: c.from.owedBy ?? "" } : {}),
          ...(c.to.statutoryDue && isProvisionalDate(cal, c.to.statutoryDue) ? { provisional: "1" } : {}),
        };
        const kind = params.owedBy ? `${DUE_DATES_MOVED}_OWED` : DUE_DATES_MOVED;
        await postMessage(tx, { userId: c.applicantId, applicationId: c.applicationId, kind, params });
        await refreshCardsLater(tx, c.applicationId);
      }
      return summarisePlan(plan);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
