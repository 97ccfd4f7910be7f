// The window's issuing queue: approved cases waiting for their certificate, oldest decision first,
// with the art. 44 limit (10 working days after the decision) and its yellow/red mark.
import "server-only";
import type { Actor } from "@/lib/domain/access/actor";
import { addWorkingDays, provisionalOf, toPlainDate } from "@/lib/domain/calendar/working-days";
import { dueMark } from "@/lib/domain/clock/clock-ledger";
import { TRANSITIONS } from "@/lib/domain/workflow/application-workflow";
import { env } from "@/lib/env";
import { requirePermission } from "@/lib/server/auth/actor";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { db } from "@/lib/server/db";

/** Administrative Licensing Law art. 44. */
export const ISSUE_LIMIT_WORKING_DAYS = 10;

export async function listIssuingQueue(opts: { actor: Actor | null; now?: Date }) {
  await requirePermission(opts.actor, "issuing:work", "listIssuingQueue");
  const now = opts.now ?? new Date();
  const [apps, cal] = await Promise.all([
    db().application.findMany({
      where: { state: { in: [...TRANSITIONS.ISSUE.from] } },
      orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
      take: 200,
      select: { id: true, number: true, decidedAt: true, applicant: { select: { name: true } }, itemVersion: { select: { name: true } } },
    }),
    loadWorkingCalendar(),
  ]);
  const today = toPlainDate(now);
  return apps.map((a) => {
    const due = a.decidedAt ? addWorkingDays(cal, toPlainDate(a.decidedAt), ISSUE_LIMIT_WORKING_DAYS) : null;
    return {
      id: a.id,
      number: a.number,
      applicantName: a.applicant.name,
      itemName: a.itemVersion.name,
      decidedOn: a.decidedAt ? toPlainDate(a.decidedAt) : null,
      due,
      provisional: provisionalOf(cal, { due }).due,
      mark: due ? dueMark(cal, today, due, env().DUE_WARNING_DAYS) : ("ok" as const),
    };
  });
}
