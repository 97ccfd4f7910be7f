// The bureau's working-day calendar mirrored in SQL (table "WorkingDay"), so that queries count the
// working days of many cases at once: rebuilt from the calendar the portal counts deadlines with
// (official years and the provisional one) whenever the administered years change.
import "server-only";
import { calendarDayRows, firstCalendarChange } from "@/lib/domain/calendar/day-table";
import { db, type DbOrTx } from "@/lib/server/db";
import { fromDateColumn } from "@/lib/server/date-column";
import { loadWorkingCalendar } from "./working-calendar";

/**
 * Advisory lock key held while the table is rebuilt and while figures are summed with it (see
 * lib/server/statistics/daily-figures), so no day is summed on a calendar being replaced.
 */
export const FIGURES_LOCK = 727073692;

/**
 * Which state of the administered years the table should reflect (every year and when it last
 * changed), and which one it was built from.
 */
async function calendarKeys(tx: DbOrTx): Promise<{ current: string; built: string | null }> {
  const [keys] = await tx.$queryRaw<{ current: string; built: string | null }[]>`
    SELECT (SELECT coalesce(md5(string_agg(year || '@' || "updatedAt"::text, ',' ORDER BY year)), '') FROM "HolidayCalendarYear") AS current,
           (SELECT "calendarKey" FROM "WorkingDaySync" WHERE id = 1) AS built`;
  return keys;
}

/**
 * Brings "WorkingDay" up to the administered calendar (one cheap query when it already is). Summed
 * figures from the first date whose working day changed onwards are sent back to be summed again:
 * working days counted over intervals that end before it do not change.
 */
export async function syncWorkingDayTable(): Promise<void> {
  const seen = await calendarKeys(db());
  if (seen.built === seen.current) return;
  await db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIGURES_LOCK})`;
      const { current, built } = await calendarKeys(tx);
      if (built === current) return;
      const rows = calendarDayRows(await loadWorkingCalendar(tx));
      const before = (await tx.workingDay.findMany({ select: { day: true, working: true } })).map((r) => ({ day: fromDateColumn(r.day), working: r.working }));
      const changed = firstCalendarChange(before, rows);
      if (changed) await tx.$executeRaw`DELETE FROM "FigureDay" WHERE day >= ${changed}::date`;
      await tx.$executeRaw`DELETE FROM "WorkingDay"`;
      if (rows.length > 0) {
        await tx.$executeRaw`
          INSERT INTO "WorkingDay" (day, working, ordinal)
          SELECT * FROM unnest(${rows.map((r) => r.day)}::date[], ${rows.map((r) => r.working)}::boolean[], ${rows.map((r) => r.ordinal)}::int[])`;
      }
      await tx.workingDaySync.upsert({ where: { id: 1 }, create: { id: 1, calendarKey: current }, update: { calendarKey: current, syncedAt: new Date() } });
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}
