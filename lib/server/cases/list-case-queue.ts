// The back-office queue: open cases by nearest due date, with yellow and red marks.
import "server-only";
import { provisionalOf, toPlainDate } from "@/lib/domain/calendar/working-days";
import { caseQueueScope } from "@/lib/domain/applications/access";
import { dueMark } from "@/lib/domain/clock/clock-ledger";
import type { ApplicationState } from "@/lib/domain/workflow/application-workflow";
import { SECTION_QUEUE_STATES, showsDueMark } from "@/lib/domain/workflow/state-facts";
import { env } from "@/lib/env";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { caseClock } from "./case-clock";

export async function listCaseQueue(opts: { actor: Actor | null; now?: Date; states?: readonly ApplicationState[] }) {
  const actor = await requirePermission(opts.actor, "case:queue", "listCaseQueue");
  const now = opts.now ?? new Date();
  const scope = caseQueueScope(actor);
  if (!scope) return [];
  const apps = await db().application.findMany({
    where: {
      state: { in: [...(opts.states ?? SECTION_QUEUE_STATES)] },
      ...(scope.sectionId ? { item: { sectionId: scope.sectionId } } : {}),
      itemVersion: scope.instantItems ? undefined : { kind: { not: "INSTANT" } },
    },
    include: { applicant: { select: { name: true } }, itemVersion: { select: { name: true, kind: true, promisedDays: true, statutoryDays: true } }, clockEntries: true },
    take: 500,
  });
  const cal = await loadWorkingCalendar();
  const today = toPlainDate(now);
  const warn = env().DUE_WARNING_DAYS;
  return apps
    .map((a) => {
      const clock = caseClock(cal, a, a.clockEntries, now);
      return {
        id: a.id,
        number: a.number,
        state: a.state,
        itemName: a.itemVersion.name,
        kind: a.itemVersion.kind,
        applicantName: a.applicant.name,
        promisedDue: clock?.promisedDue ?? null,
        statutoryDue: clock?.statutoryDue ?? null,
        provisional: provisionalOf(cal, { promisedDue: clock?.promisedDue ?? null, statutoryDue: clock?.statutoryDue ?? null }),
        suspended: clock?.suspended ?? false,
        mark: clock && showsDueMark(a.state) ? (clock.suspended ? ("suspended" as const) : dueMark(cal, today, clock.promisedDue, warn)) : ("ok" as const),
      };
    })
    .sort((x, y) => (x.promisedDue ?? "9999").localeCompare(y.promisedDue ?? "9999"));
}

export type CaseQueueRow = Awaited<ReturnType<typeof listCaseQueue>>[number];
