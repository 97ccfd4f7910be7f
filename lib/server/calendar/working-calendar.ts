// The bureau's working-day calendar as it is administered: one row per year of the State
// Council's holiday notice, seeded from the official data; the year after the last one is
// computed provisionally from the holiday regulation until its notice is loaded.
import "server-only";
import { createBureauCalendar, provisionalCalendarYear } from "@/lib/domain/calendar/provisional-year";
import type { CalendarYear, WorkingCalendar } from "@/lib/domain/calendar/working-days";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db, type DbOrTx, type Tx } from "@/lib/server/db";
import type { PrismaClient } from "@/prisma/generated/client";

/** Advisory lock key: publishing a year holds it exclusively; computing due dates shares it. */
const CALENDAR_LOCK = 727073691;

/**
 * The calendar for a transaction that stores due dates. Shares the publication lock, so a year
 * being published cannot slip in between reading the calendar and writing dates computed with it.
 */
export async function lockedWorkingCalendar(tx: Tx): Promise<WorkingCalendar> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${CALENDAR_LOCK})`;
  return loadWorkingCalendar(tx);
}

/** Held by the publication of a year until its transaction ends. */
export async function lockCalendarForPublication(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK})`;
}

let cached: { key: string; cal: WorkingCalendar } | null = null;

/**
 * The calendar for deadline arithmetic: every official year the bureau holds, and the next year as
 * provisional. Kept per process and rebuilt when the years change (in any process: the key is
 * read from the table itself, one cheap query instead of loading twenty years of dates).
 */
export async function loadWorkingCalendar(tx: DbOrTx = db()): Promise<WorkingCalendar> {
  const [{ key }] = await tx.$queryRaw<{ key: string }[]>`
    SELECT current_database() || ':' || count(*) || ':' || coalesce(max("updatedAt")::text, '') AS key FROM "HolidayCalendarYear"`;
  if (cached?.key === key) return cached.cal;
  const cal = createBureauCalendar(await officialYears(tx));
  cached = { key, cal };
  return cal;
}

export async function officialYears(tx: DbOrTx): Promise<CalendarYear[]> {
  return tx.holidayCalendarYear.findMany({ orderBy: { year: "asc" }, select: { year: true, off: true, work: true } });
}

/** The years the bureau holds (newest first), and the provisional year after them with its days off. */
export async function listCalendarYears(opts: { actor: Actor | null }) {
  await requirePermission(opts.actor, "calendar:read", "listCalendarYears");
  const years = await db().holidayCalendarYear.findMany({ orderBy: { year: "desc" } });
  const next = years.length > 0 ? provisionalCalendarYear(years[0].year + 1) : null;
  return {
    official: years.map((y) => ({ year: y.year, off: y.off.length, work: y.work.length, source: y.source, createdAt: y.createdAt, updatedAt: y.updatedAt })),
    provisional: next && { year: next.year, off: next.off },
  };
}

/** Seeds the official years (idempotent: a year already held is left as the bureau has it). */
export async function seedCalendarYears(prisma: PrismaClient, years: (CalendarYear & { source?: string })[]): Promise<number> {
  const { count } = await prisma.holidayCalendarYear.createMany({
    data: years.map((y) => ({ year: y.year, off: y.off, work: y.work, source: y.source ?? "国务院办公厅关于节假日安排的通知（官方）" })),
    skipDuplicates: true,
  });
  return count;
}
