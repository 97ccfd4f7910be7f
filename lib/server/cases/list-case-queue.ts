// The back-office case queues (a section's, the director's, approval, escalated): open cases by the
// stored promised date, keyset-paged in SQL, with counts above the list (open / overdue / due soon /
// suspended) and the filters a desk needs (state, item, mark, channel, number). Marks and live clocks
// are computed for the rows shown only; the calendar comes from the per-process cache.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { caseQueueScope } from "@/lib/domain/applications/access";
import { isPlainDate, provisionalOf, toPlainDate } from "@/lib/domain/calendar/working-days";
import { dueMark, dueMarkBounds } from "@/lib/domain/clock/clock-ledger";
import { decodeCursor, PAGE_SIZE, pageOf } from "@/lib/domain/paging/keyset";
import { APPLICATION_STATES, type ApplicationState } from "@/lib/domain/workflow/application-workflow";
import { SECTION_QUEUE_STATES, showsDueMark } from "@/lib/domain/workflow/state-facts";
import { env } from "@/lib/env";
import { requirePermission } from "@/lib/server/auth/actor";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { fromDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { enumLiterals } from "@/lib/server/sql-literals";
import { Prisma } from "@/prisma/generated/client";
import { caseClock } from "./case-clock";

export const QUEUE_MARKS = ["overdue", "soon", "suspended"] as const;

/** What a queue page is asked for, from the URL: anything malformed is simply not applied. */
export const ZCaseQueueFilter = z.object({
  state: z.enum(APPLICATION_STATES).optional().catch(undefined),
  itemId: z.string().trim().min(1).max(64).optional().catch(undefined),
  mark: z.enum(QUEUE_MARKS).optional().catch(undefined),
  channel: z.enum(["ONLINE", "WINDOW"]).optional().catch(undefined),
  /** The start of an application number (511602-20261130-…). */
  q: z.string().trim().min(1).max(40).optional().catch(undefined),
  after: z.string().max(120).optional().catch(undefined),
});
export type CaseQueueFilter = z.infer<typeof ZCaseQueueFilter>;

type Row = {
  id: string;
  number: string | null;
  state: ApplicationState;
  promisedDue: Date | null;
  statutoryDue: Date | null;
  clockSuspended: boolean;
  acceptedAt: Date | null;
  itemName: string;
  kind: "INSTANT" | "PROMISED";
  promisedDays: number;
  statutoryDays: number;
  applicantName: string;
};

export type QueueRow = {
  id: string;
  number: string | null;
  state: ApplicationState;
  itemName: string;
  kind: "INSTANT" | "PROMISED";
  applicantName: string;
  promisedDue: string | null;
  statutoryDue: string | null;
  provisional: { promisedDue: boolean; statutoryDue: boolean };
  suspended: boolean;
  mark: "overdue" | "soon" | "suspended" | "ok";
};
export type CaseQueueRow = QueueRow;

export async function listCaseQueue(opts: { actor: Actor | null; now?: Date; states?: readonly ApplicationState[]; filter?: z.input<typeof ZCaseQueueFilter>; pageSize?: number }) {
  const actor = await requirePermission(opts.actor, "case:queue", "listCaseQueue");
  const now = opts.now ?? new Date();
  const filter = ZCaseQueueFilter.parse(opts.filter ?? {});
  const size = opts.pageSize ?? PAGE_SIZE;
  const scope = caseQueueScope(actor);
  const empty = { rows: [] as QueueRow[], next: null as string | null, counts: { open: 0, overdue: 0, soon: 0, suspended: 0 }, filter };
  if (!scope) return empty;
  const queueStates = opts.states ?? SECTION_QUEUE_STATES;
  const states = filter.state ? queueStates.filter((s) => s === filter.state) : queueStates;
  if (states.length === 0) return empty;

  const cal = await loadWorkingCalendar();
  const today = toPlainDate(now);
  const warn = env().DUE_WARNING_DAYS;
  const { soonBefore } = dueMarkBounds(cal, today, warn);

  // What every figure and row shares: the queue's states (as literals), the actor's scope, the filters.
  const where: Prisma.Sql[] = [Prisma.sql`a.state IN (${enumLiterals(states, APPLICATION_STATES)})`];
  // A section's scope as the item versions it covers (a few dozen): the open cases of each are one
  // range of the (itemVersionId, promisedDue) index, so a section's counts never scan other sections.
  if (scope.sectionId || !scope.instantItems) {
    const versions = [
      ...(scope.sectionId ? [Prisma.sql`i."sectionId" = ${scope.sectionId}`] : []),
      ...(!scope.instantItems ? [Prisma.sql`sv.kind <> 'INSTANT'`] : []),
    ];
    where.push(Prisma.sql`a."itemVersionId" IN (SELECT sv.id FROM "ItemVersion" sv JOIN "Item" i ON i.id = sv."itemId" WHERE ${Prisma.join(versions, " AND ")})`);
  }
  if (filter.itemId) where.push(Prisma.sql`a."itemId" = ${filter.itemId}`);
  if (filter.channel) where.push(Prisma.sql`a.channel = ${enumLiterals([filter.channel], ["ONLINE", "WINDOW"])}`);
  // A prefix as a range, which the number's b-tree index serves under any collation.
  if (filter.q) where.push(Prisma.sql`a.number >= ${filter.q} AND a.number < ${`${filter.q}\u{10FFFF}`}`);
  const shared = Prisma.join(where, " AND ");

  const page: Prisma.Sql[] = [shared];
  if (filter.mark === "overdue") page.push(Prisma.sql`NOT a."clockSuspended" AND a."promisedDue" < ${today}::date`);
  if (filter.mark === "soon") page.push(Prisma.sql`NOT a."clockSuspended" AND a."promisedDue" >= ${today}::date AND a."promisedDue" < ${soonBefore}::date`);
  if (filter.mark === "suspended") page.push(Prisma.sql`a."clockSuspended"`);
  const cursor = decodeCursor(filter.after);
  // A real date only (2026-13-45 has the shape of one but PostgreSQL would refuse the cast).
  if (cursor && isPlainDate(cursor.value)) page.push(Prisma.sql`(a."promisedDue", a.id) > (${cursor.value}::date, ${cursor.id})`);

  const [rows, [counts]] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT a.id, a.number, a.state::text AS state, a."promisedDue", a."statutoryDue", a."clockSuspended", a."acceptedAt",
             v.name AS "itemName", v.kind::text AS kind, v."promisedDays", v."statutoryDays", u.name AS "applicantName"
      FROM "Application" a JOIN "ItemVersion" v ON v.id = a."itemVersionId" JOIN "User" u ON u.id = a."applicantId"
      WHERE ${Prisma.join(page, " AND ")}
      ORDER BY a."promisedDue", a.id
      LIMIT ${size + 1}`,
    db().$queryRaw<{ open: number; overdue: number; soon: number; suspended: number }[]>`
      SELECT count(*)::int AS open,
             count(*) FILTER (WHERE NOT a."clockSuspended" AND a."promisedDue" < ${today}::date)::int AS overdue,
             count(*) FILTER (WHERE NOT a."clockSuspended" AND a."promisedDue" >= ${today}::date AND a."promisedDue" < ${soonBefore}::date)::int AS soon,
             count(*) FILTER (WHERE a."clockSuspended")::int AS suspended
      FROM "Application" a
      WHERE ${shared}`,
  ]);
  const paged = pageOf(rows, size, (r) => ({ value: fromDateColumn(r.promisedDue) ?? "9999-12-31", id: r.id }));

  // A running suspension moves the dates every working day: those rows (and only those) get a live clock.
  const suspendedIds = paged.rows.filter((r) => r.clockSuspended).map((r) => r.id);
  const ledgers = suspendedIds.length
    ? await db().clockEntry.findMany({ where: { applicationId: { in: suspendedIds } }, select: { applicationId: true, kind: true, startedOn: true, endedOn: true, days: true } })
    : [];
  const shown: QueueRow[] = paged.rows.map((r) => {
    const live = r.clockSuspended ? caseClock(cal, { acceptedAt: r.acceptedAt, itemVersion: r }, ledgers.filter((e) => e.applicationId === r.id), now) : null;
    const promisedDue = live?.promisedDue ?? fromDateColumn(r.promisedDue);
    const statutoryDue = live?.statutoryDue ?? fromDateColumn(r.statutoryDue);
    return {
      id: r.id,
      number: r.number,
      state: r.state,
      itemName: r.itemName,
      kind: r.kind,
      applicantName: r.applicantName,
      promisedDue,
      statutoryDue,
      provisional: provisionalOf(cal, { promisedDue, statutoryDue }),
      suspended: r.clockSuspended,
      mark: promisedDue && showsDueMark(r.state) ? (r.clockSuspended ? ("suspended" as const) : dueMark(cal, today, promisedDue, warn)) : ("ok" as const),
    };
  });
  return { rows: shown, next: paged.next, counts, filter };
}

export type CaseQueuePage = Awaited<ReturnType<typeof listCaseQueue>>;

/** A queue's filter from a page's search parameters (under the queue's prefix). */
export function queueFilterOf(sp: Record<string, string | string[] | undefined>, prefix = ""): z.input<typeof ZCaseQueueFilter> {
  const one = (k: string) => {
    const v = sp[`${prefix}${k}`];
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  return { state: one("state"), itemId: one("itemId"), mark: one("mark"), channel: one("channel"), q: one("q"), after: one("after") } as z.input<typeof ZCaseQueueFilter>;
}
