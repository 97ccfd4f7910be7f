// The supervision figures per bureau day (docs/decisions/017). One SQL aggregation counts a range
// of days from the cases themselves — by item, by member of staff and in total. Closed days (two
// days back and earlier) are summed with it once into DailyFigure and read from there; the days
// since are counted live with the same aggregation, so both paths give the same figures.
import "server-only";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { addCalendarDays, type PlainDate } from "@/lib/domain/calendar/working-days";
import { addFigures, DECIDED_STATES, FIGURE_COUNTS, figuresOf, type FigureCounts } from "@/lib/domain/statistics/figures";
import { earlierOf, laterOf, periodInstants } from "@/lib/domain/statistics/period";
import { APPLICATION_STATES } from "@/lib/domain/workflow/application-workflow";
import { FIGURES_LOCK } from "@/lib/server/calendar/working-day-table";
import { db, type DbOrTx } from "@/lib/server/db";
import { enumLiterals } from "@/lib/server/sql-literals";
import { Prisma } from "@/prisma/generated/client";

export const FIGURE_DIMENSIONS = ["TOTAL", "ITEM", "STAFF"] as const;
export type FigureDimension = (typeof FIGURE_DIMENSIONS)[number];

/** Days after `today − LIVE_DAYS` are counted live: a decision made at 23:59 may commit after midnight. */
const LIVE_DAYS = 2;

export type DayRange = { from: PlainDate; to: PlainDate };

/** The last day held in DailyFigure as of `today`. */
export function lastSummedDay(today: PlainDate): PlainDate {
  return addCalendarDays(today, -LIVE_DAYS);
}

const dayOf = (column: Prisma.Sql) => Prisma.sql`((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${BUREAU_TIME_ZONE})::date`;
const counts = (expr: (k: string) => string) => Prisma.raw(FIGURE_COUNTS.map((k) => `${expr(k)} AS "${k}"`).join(", "));
const zeros = (except: Partial<Record<(typeof FIGURE_COUNTS)[number], Prisma.Sql>>) =>
  Prisma.join(
    FIGURE_COUNTS.map((k) => Prisma.sql`${except[k] ?? Prisma.raw("0")} AS ${Prisma.raw(`"${k}"`)}`),
    ", ",
  );

/**
 * Every figure of the days of `range`, counted from the cases: rows (dimension, day, key, counts…)
 * for each day in total, by item, and by member of staff (the acceptor for acceptances, the decider
 * for decisions and for instant filings decided). Working days are counted on "WorkingDay".
 */
export function figureRowsSql(range: DayRange): Prisma.Sql {
  const { start, end } = periodInstants(range);
  const decided = enumLiterals(DECIDED_STATES, APPLICATION_STATES);
  const submitted = Prisma.sql`a."submittedAt" >= ${start} AND a."submittedAt" < ${end}`;
  return Prisma.sql`
    SELECT (CASE WHEN GROUPING(ev."itemId") = 0 THEN 'ITEM' WHEN GROUPING(ev.staff) = 0 THEN 'STAFF' ELSE 'TOTAL' END)::"FigureDimension" AS dimension,
           ev.day, coalesce(ev."itemId", ev.staff, '') AS key, ${counts((k) => `sum(ev."${k}")::int`)}
    FROM (
      SELECT ${dayOf(Prisma.sql`a."submittedAt"`)} AS day, a."itemId", NULL::text AS staff, ${zeros({ received: Prisma.raw("1") })}
      FROM "Application" a WHERE ${submitted}
      UNION ALL
      SELECT ${dayOf(Prisma.sql`a."submittedAt"`)}, a."itemId", CASE WHEN a.state IN (${decided}) THEN a."decidedById" END,
             ${zeros({
               instantReceived: Prisma.raw("1"),
               instantSameDay: Prisma.sql`(a.state IN (${decided}) AND ${dayOf(Prisma.sql`a."decidedAt"`)} = ${dayOf(Prisma.sql`a."submittedAt"`)})::int`,
             })}
      FROM "Application" a JOIN "ItemVersion" v ON v.id = a."itemVersionId" WHERE v.kind = 'INSTANT' AND ${submitted}
      UNION ALL
      SELECT ${dayOf(Prisma.sql`a."acceptedAt"`)}, a."itemId", a."acceptedById", ${zeros({ accepted: Prisma.raw("1") })}
      FROM "Application" a WHERE a."acceptedAt" >= ${start} AND a."acceptedAt" < ${end}
      UNION ALL
      SELECT d.day, d."itemId", d."decidedById",
             ${zeros({
               decided: Prisma.raw("1"),
               onTimePromised: Prisma.raw(`(d.day <= d."promisedDue")::int`),
               onTimeStatutory: Prisma.raw(`(d.day <= d."statutoryDue")::int`),
               daysCounted: Prisma.raw("d.counted::int"),
               daysUsed: Prisma.raw(`CASE WHEN d.counted THEN d.elapsed - coalesce(s.days, 0) ELSE 0 END`),
               promisedDays: Prisma.raw(`CASE WHEN d.counted THEN d."promisedDays" ELSE 0 END`),
               statutoryDays: Prisma.raw(`CASE WHEN d.counted THEN d."statutoryDays" ELSE 0 END`),
             })}
      FROM (
        SELECT c.*, wd.ordinal - wa.ordinal AS elapsed, (wd.ordinal IS NOT NULL AND wa.ordinal IS NOT NULL) AS counted
        FROM (
          SELECT a.id, a."itemId", a."decidedById", a."promisedDue", a."statutoryDue", v."promisedDays", v."statutoryDays",
                 ${dayOf(Prisma.sql`a."decidedAt"`)} AS day, ${dayOf(Prisma.sql`a."acceptedAt"`)} AS "acceptedOn"
          FROM "Application" a JOIN "ItemVersion" v ON v.id = a."itemVersionId"
          WHERE a."decidedAt" >= ${start} AND a."decidedAt" < ${end} AND a.state IN (${decided})
        ) c
        LEFT JOIN "WorkingDay" wd ON wd.day = c.day
        LEFT JOIN "WorkingDay" wa ON wa.day = c."acceptedOn"
      ) d
      -- Suspensions stop the clock: their working days (start, end] up to the decision are not used.
      LEFT JOIN LATERAL (
        SELECT sum(we.ordinal - ws.ordinal)::int AS days
        FROM "ClockEntry" ce
        JOIN "WorkingDay" ws ON ws.day = ce."startedOn"
        JOIN "WorkingDay" we ON we.day = LEAST(coalesce(ce."endedOn", d.day), d.day)
        WHERE ce."applicationId" = d.id AND ce.kind = 'SUSPENSION' AND ce."startedOn" < d.day
      ) s ON true
      UNION ALL
      SELECT c."issuedOn", c."itemId", NULL, ${zeros({ issued: Prisma.raw("1") })}
      FROM "Certificate" c WHERE c."originalOf" IS NOT NULL AND c."issuedOn" >= ${range.from}::date AND c."issuedOn" <= ${range.to}::date
    ) ev
    GROUP BY GROUPING SETS ((ev.day), (ev.day, ev."itemId"), (ev.day, ev.staff))
    HAVING GROUPING(ev.staff) = 1 OR ev.staff IS NOT NULL`;
}

/**
 * Sums the closed days of `range` that DailyFigure does not hold yet (never summed, or sent back by
 * a change): each unbroken run of them in one pass, so a day sent back a year ago costs that day, not
 * the year since. One summing at a time.
 */
export async function sumClosedDays(range: DayRange, today: PlainDate): Promise<void> {
  const to = earlierOf(range.to, lastSummedDay(today));
  if (range.from > to) return;
  const missing = (client: DbOrTx) =>
    client.$queryRaw<{ first: string; last: string }[]>`
      SELECT min(d)::text AS first, max(d)::text AS last
      FROM (SELECT d::date AS d, d::date - (row_number() OVER (ORDER BY d))::int AS run
            FROM generate_series(${range.from}::date, ${to}::date, interval '1 day') d
            WHERE NOT EXISTS (SELECT 1 FROM "FigureDay" f WHERE f.day = d::date)) m
      GROUP BY run ORDER BY first`;
  if ((await missing(db())).length === 0) return;
  await db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIGURES_LOCK})`;
      for (const { first, last } of await missing(tx)) {
        await tx.$executeRaw`DELETE FROM "DailyFigure" WHERE dimension IN ('TOTAL', 'ITEM', 'STAFF') AND day >= ${first}::date AND day <= ${last}::date`;
        await tx.$executeRaw`
          INSERT INTO "DailyFigure" (dimension, day, key, ${Prisma.raw(FIGURE_COUNTS.map((k) => `"${k}"`).join(", "))})
          ${figureRowsSql({ from: first, to: last })}`;
        await tx.$executeRaw`
          INSERT INTO "FigureDay" (day) SELECT d::date FROM generate_series(${first}::date, ${last}::date, interval '1 day') d
          ON CONFLICT (day) DO UPDATE SET "summedAt" = now()`;
      }
    },
    // The first reading of a year of a large bureau sums a year at once.
    { timeout: 600_000, maxWait: 120_000 },
  );
}

/** The closed and the live part of a range as of `today` (either may be empty: from > to). */
function split(range: DayRange, today: PlainDate): { closed: DayRange; live: DayRange } {
  const last = lastSummedDay(today);
  return { closed: { from: range.from, to: earlierOf(range.to, last) }, live: { from: laterOf(range.from, addCalendarDays(last, 1)), to: range.to } };
}

const isEmpty = (r: DayRange) => r.from > r.to;
type CountColumns = Record<(typeof FIGURE_COUNTS)[number], number>;

/**
 * A period's figures by dimension and key, and the bureau's totals of each day of a longer range
 * ending with it (a trend), as of `today` (call sumClosedDays first). The live days are counted once
 * for both.
 */
export async function readFigures(opts: { period: DayRange; trendFrom: PlainDate; today: PlainDate; dimensions: readonly FigureDimension[] }) {
  const { period, today } = opts;
  const trend = { from: earlierOf(opts.trendFrom, period.from), to: period.to };
  const closedPeriod = split(period, today).closed;
  const closedTrend = split(trend, today).closed;
  const live = split(trend, today).live;
  const dims = enumLiterals(opts.dimensions, FIGURE_DIMENSIONS);
  const [closedRows, closedDays, liveRows] = await Promise.all([
    isEmpty(closedPeriod)
      ? []
      : db().$queryRaw<({ dimension: FigureDimension; key: string } & CountColumns)[]>`
          SELECT dimension::text AS dimension, key, ${counts((k) => `sum("${k}")::int`)} FROM "DailyFigure"
          WHERE dimension IN (${dims}) AND day >= ${closedPeriod.from}::date AND day <= ${closedPeriod.to}::date
          GROUP BY dimension, key`,
    isEmpty(closedTrend)
      ? []
      : db().$queryRaw<({ day: string } & CountColumns)[]>`
          SELECT day::text AS day, ${counts((k) => `"${k}"`)} FROM "DailyFigure"
          WHERE dimension = 'TOTAL' AND day >= ${closedTrend.from}::date AND day <= ${closedTrend.to}::date`,
    isEmpty(live) ? [] : db().$queryRaw<({ dimension: FigureDimension; day: string; key: string } & CountColumns)[]>`SELECT dimension::text AS dimension, day::text AS day, key, ${counts((k) => `"${k}"`)} FROM (${figureRowsSql(live)}) live`,
  ]);

  const byKey = new Map<string, { dimension: FigureDimension; key: string; figures: FigureCounts }>();
  const add = (dimension: FigureDimension, key: string, figures: FigureCounts) => {
    const id = `${dimension}:${key}`;
    const had = byKey.get(id);
    byKey.set(id, { dimension, key, figures: had ? addFigures(had.figures, figures) : figures });
  };
  for (const r of closedRows) add(r.dimension, r.key, figuresOf(r));
  for (const r of liveRows) if (opts.dimensions.includes(r.dimension) && r.day >= period.from && r.day <= period.to) add(r.dimension, r.key, figuresOf(r));
  const days = [...closedDays.map((r) => ({ day: r.day, figures: figuresOf(r) })), ...liveRows.filter((r) => r.dimension === "TOTAL").map((r) => ({ day: r.day, figures: figuresOf(r) }))];
  return { rows: [...byKey.values()], days };
}
