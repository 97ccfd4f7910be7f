// The window's issuing queue: approved cases waiting for their certificate, oldest decision first,
// keyset-paged over the awaiting-seal partial index, with the art. 44 limit (10 working days after
// the decision), its yellow/red mark, and the counts (waiting / overdue / due soon) above the list.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { addWorkingDays, provisionalOf, toPlainDate } from "@/lib/domain/calendar/working-days";
import { dueMark, dueMarkBounds, latestStartDueBefore } from "@/lib/domain/clock/clock-ledger";
import { decodeCursor, PAGE_SIZE, pageOf } from "@/lib/domain/paging/keyset";
import { APPLICATION_STATES, TRANSITIONS } from "@/lib/domain/workflow/application-workflow";
import { env } from "@/lib/env";
import { requirePermission } from "@/lib/server/auth/actor";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { db } from "@/lib/server/db";
import { enumLiterals } from "@/lib/server/sql-literals";
import { Prisma } from "@/prisma/generated/client";
import { ISSUE_LIMIT_WORKING_DAYS } from "@/lib/domain/supervision/cards";
import { feesUnpaid, type PaymentState } from "@/lib/domain/fees/fees";

export const ZIssuingQueueFilter = z.object({
  mark: z.enum(["overdue", "soon"]).optional().catch(undefined),
  q: z.string().trim().min(1).max(40).optional().catch(undefined),
  after: z.string().max(120).optional().catch(undefined),
});

type Row = { id: string; number: string | null; decidedAt: Date; applicantName: string; itemName: string; paymentState: PaymentState | null };

export async function listIssuingQueue(opts: { actor: Actor | null; now?: Date; filter?: z.input<typeof ZIssuingQueueFilter>; pageSize?: number }) {
  await requirePermission(opts.actor, "issuing:work", "listIssuingQueue");
  const now = opts.now ?? new Date();
  const filter = ZIssuingQueueFilter.parse(opts.filter ?? {});
  const size = opts.pageSize ?? PAGE_SIZE;
  const cal = await loadWorkingCalendar();
  const today = toPlainDate(now);
  const warn = env().DUE_WARNING_DAYS;
  // The marks as decision dates (Beijing): on or before `overdueUpTo` the limit has passed.
  const overdueUpTo = latestStartDueBefore(cal, today, ISSUE_LIMIT_WORKING_DAYS);
  const soonUpTo = latestStartDueBefore(cal, dueMarkBounds(cal, today, warn).soonBefore, ISSUE_LIMIT_WORKING_DAYS);
  const decidedOn = Prisma.sql`(a."decidedAt" AT TIME ZONE 'UTC' AT TIME ZONE ${BUREAU_TIME_ZONE})::date`;

  const where: Prisma.Sql[] = [Prisma.sql`a.state IN (${enumLiterals(TRANSITIONS.ISSUE.from, APPLICATION_STATES)})`];
  if (filter.q) where.push(Prisma.sql`a.number >= ${filter.q} AND a.number < ${`${filter.q}\u{10FFFF}`}`);
  const page = [...where];
  if (filter.mark === "overdue") page.push(Prisma.sql`${decidedOn} <= ${overdueUpTo}::date`);
  if (filter.mark === "soon") page.push(Prisma.sql`${decidedOn} > ${overdueUpTo}::date AND ${decidedOn} <= ${soonUpTo}::date`);
  const cursor = decodeCursor(filter.after);
  const at = cursor ? new Date(cursor.value) : null;
  if (cursor && at && !Number.isNaN(at.getTime())) page.push(Prisma.sql`(a."decidedAt", a.id) > (${at}, ${cursor.id})`);

  const [rows, [counts]] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT a.id, a.number, a."decidedAt", u.name AS "applicantName", v.name AS "itemName", p.state::text AS "paymentState"
      FROM "Application" a JOIN "User" u ON u.id = a."applicantId" JOIN "ItemVersion" v ON v.id = a."itemVersionId"
      LEFT JOIN "PaymentNotice" p ON p."applicationId" = a.id
      WHERE ${Prisma.join(page, " AND ")}
      ORDER BY a."decidedAt", a.id
      LIMIT ${size + 1}`,
    db().$queryRaw<{ waiting: number; overdue: number; soon: number }[]>`
      SELECT count(*)::int AS waiting,
             count(*) FILTER (WHERE ${decidedOn} <= ${overdueUpTo}::date)::int AS overdue,
             count(*) FILTER (WHERE ${decidedOn} > ${overdueUpTo}::date AND ${decidedOn} <= ${soonUpTo}::date)::int AS soon
      FROM "Application" a
      WHERE ${Prisma.join(where, " AND ")}`,
  ]);
  const paged = pageOf(rows, size, (r) => ({ value: r.decidedAt.toISOString(), id: r.id }));
  return {
    rows: paged.rows.map((a) => {
      const decided = toPlainDate(a.decidedAt);
      const due = addWorkingDays(cal, decided, ISSUE_LIMIT_WORKING_DAYS);
      return {
        id: a.id,
        number: a.number,
        applicantName: a.applicantName,
        itemName: a.itemName,
        decidedOn: decided,
        due,
        provisional: provisionalOf(cal, { due }).due,
        mark: dueMark(cal, today, due, warn),
        /** 票款分离: the fees are not confirmed paid yet, so it cannot be issued now. */
        feesUnpaid: feesUnpaid(a.paymentState && { state: a.paymentState }),
      };
    }),
    next: paged.next,
    counts,
    filter,
  };
}
