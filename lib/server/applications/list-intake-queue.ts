// The one-window intake queue: submitted filings (online and walk-in alike), oldest first or newest
// first, keyset-paged in SQL over the partial index of waiting filings, with counts and the filters
// the window needs (channel, resubmissions, the start of a number).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { decodeCursor, PAGE_SIZE, pageOf } from "@/lib/domain/paging/keyset";
import { APPLICATION_STATES } from "@/lib/domain/workflow/application-workflow";
import { INTAKE_QUEUE_STATES } from "@/lib/domain/workflow/state-facts";
import { requirePermission } from "@/lib/server/auth/actor";
import { clerkCentreOf } from "@/lib/server/centres/clerk-centre";
import { db } from "@/lib/server/db";
import { enumLiterals } from "@/lib/server/sql-literals";
import { Prisma } from "@/prisma/generated/client";

export const ZIntakeQueueFilter = z.object({
  channel: z.enum(["ONLINE", "WINDOW"]).optional().catch(undefined),
  /** Only filings that come back after a one-time correction notice. */
  resubmitted: z.enum(["1"]).optional().catch(undefined),
  q: z.string().trim().min(1).max(40).optional().catch(undefined),
  order: z.enum(["oldest", "newest"]).default("oldest").catch("oldest"),
  after: z.string().max(120).optional().catch(undefined),
});
export type IntakeQueueFilter = z.infer<typeof ZIntakeQueueFilter>;

type Row = { id: string; number: string | null; channel: "ONLINE" | "WINDOW"; submittedAt: Date; applicantName: string; itemName: string; materialsGiven: number; materialsTotal: number; resubmitted: boolean };

export async function listIntakeQueue(opts: { actor: Actor | null; filter?: z.input<typeof ZIntakeQueueFilter>; pageSize?: number }) {
  const actor = await requirePermission(opts.actor, "intake:work", "listIntakeQueue");
  const filter = ZIntakeQueueFilter.parse(opts.filter ?? {});
  const size = opts.pageSize ?? PAGE_SIZE;
  // Each desk answers its own filings: a township centre's clerk that centre's, the hall the rest.
  const desk = await clerkCentreOf(actor.id);
  const where: Prisma.Sql[] = [Prisma.sql`a.state IN (${enumLiterals(INTAKE_QUEUE_STATES, APPLICATION_STATES)})`, desk === null ? Prisma.sql`a."centreId" IS NULL` : Prisma.sql`a."centreId" = ${desk}`];
  if (filter.channel) where.push(Prisma.sql`a.channel = ${enumLiterals([filter.channel], ["ONLINE", "WINDOW"])}`);
  if (filter.q) where.push(Prisma.sql`a.number >= ${filter.q} AND a.number < ${`${filter.q}\u{10FFFF}`}`);
  const resubmitted = Prisma.sql`EXISTS (SELECT 1 FROM "CorrectionNotice" n WHERE n."applicationId" = a.id)`;
  const shared = Prisma.join(where, " AND ");
  const page = [shared, ...(filter.resubmitted ? [resubmitted] : [])];
  const newest = filter.order === "newest";
  const cursor = decodeCursor(filter.after);
  const at = cursor ? new Date(cursor.value) : null;
  if (cursor && at && !Number.isNaN(at.getTime())) page.push(newest ? Prisma.sql`(a."submittedAt", a.id) < (${at}, ${cursor.id})` : Prisma.sql`(a."submittedAt", a.id) > (${at}, ${cursor.id})`);
  const order = newest ? Prisma.sql`a."submittedAt" DESC, a.id DESC` : Prisma.sql`a."submittedAt", a.id`;

  const [rows, [counts]] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT a.id, a.number, a.channel::text AS channel, a."submittedAt", u.name AS "applicantName", v.name AS "itemName",
             (SELECT count(*) FROM "ApplicationMaterial" m WHERE m."applicationId" = a.id AND m."storedFileId" IS NOT NULL)::int AS "materialsGiven",
             (SELECT count(*) FROM "ApplicationMaterial" m WHERE m."applicationId" = a.id)::int AS "materialsTotal",
             ${resubmitted} AS resubmitted
      FROM "Application" a JOIN "User" u ON u.id = a."applicantId" JOIN "ItemVersion" v ON v.id = a."itemVersionId"
      WHERE ${Prisma.join(page, " AND ")}
      ORDER BY ${order}
      LIMIT ${size + 1}`,
    db().$queryRaw<{ waiting: number; online: number; window: number; resubmitted: number }[]>`
      SELECT count(*)::int AS waiting,
             count(*) FILTER (WHERE a.channel = 'ONLINE')::int AS online,
             count(*) FILTER (WHERE a.channel = 'WINDOW')::int AS window,
             count(*) FILTER (WHERE ${resubmitted})::int AS resubmitted
      FROM "Application" a
      WHERE ${shared}`,
  ]);
  const paged = pageOf(rows, size, (r) => ({ value: r.submittedAt.toISOString(), id: r.id }));
  return { rows: paged.rows, next: paged.next, counts, filter };
}

export type IntakeQueuePage = Awaited<ReturnType<typeof listIntakeQueue>>;
