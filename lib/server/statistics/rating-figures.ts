// The figures of 好差评 and complaints (#16, "Results"), grouped in the database: ratings given in a
// range of bureau days per level, bad ratings' follow-ups due in it by outcome, complaints received
// in it by the stage they are at now — in total and by item, section, window or member of staff, or
// month by month. A rating taken out by an upheld appeal (excludedAt) is in no figure, nor is its
// follow-up. Shared by the supervision dashboard, its CSV and the public statistics (which ask only
// for totals and sections); the callers check who may read what.
import "server-only";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import type { PlainDate } from "@/lib/domain/calendar/working-days";
import { RATING_LEVELS } from "@/lib/domain/ratings/ratings";
import { monthOf, type Period } from "@/lib/domain/statistics/period";
import {
  addRatingRows,
  COMPLAINT_SATISFACTIONS,
  COMPLAINT_STAGES,
  complaintTotal,
  NO_COMPLAINTS,
  NO_FOLLOW_UPS,
  NO_RATING_ROW,
  NO_RATINGS,
  type ComplaintCounts,
  type FollowUpCounts,
  type RatingCounts,
  type RatingRow,
} from "@/lib/domain/statistics/rating-figures";
import { APPLICANT_ROLE } from "@/lib/domain/access/roles";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";

type DayRange = Pick<Period, "from" | "to">;

export type RatingDimension = "TOTAL" | "ITEM" | "SECTION" | "WINDOW" | "STAFF";

/** The column of the inner query each breakdown groups on (fixed text, never input). */
const DIMENSION_COLUMN: Record<Exclude<RatingDimension, "TOTAL">, string> = { ITEM: `x."itemId"`, SECTION: `x."sectionId"`, WINDOW: "x.win", STAFF: `x."staffId"` };

/**
 * What the grouping selects and how it groups: (dimension, key, month) for each grouping set asked
 * for — the total and one per breakdown, each per month when `monthly`. A null key is a real group:
 * no section, an online service (no window), no member of staff recorded.
 */
function grouping(dimensions: readonly RatingDimension[], monthly: boolean) {
  const by = dimensions.filter((d): d is Exclude<RatingDimension, "TOTAL"> => d !== "TOTAL");
  const month = monthly ? ["x.month"] : [];
  const sets = dimensions.map((d) => `(${[...month, ...(d === "TOTAL" ? [] : [DIMENSION_COLUMN[d]])].join(", ")})`);
  const dimension = by.length === 0 ? `'TOTAL'` : `CASE ${by.map((d) => `WHEN GROUPING(${DIMENSION_COLUMN[d]}) = 0 THEN '${d}'`).join(" ")} ELSE 'TOTAL' END`;
  const key = by.length === 0 ? "NULL::text" : `CASE ${by.map((d) => `WHEN GROUPING(${DIMENSION_COLUMN[d]}) = 0 THEN ${DIMENSION_COLUMN[d]}`).join(" ")} END`;
  return {
    select: Prisma.raw(`${dimension} AS dimension, ${key} AS key, ${monthly ? "x.month" : "NULL::text"} AS month`),
    groupBy: Prisma.raw(`GROUPING SETS (${sets.join(", ")})`),
  };
}

const dayOf = (column: string) => `((${column} AT TIME ZONE 'UTC') AT TIME ZONE '${BUREAU_TIME_ZONE}')::date`;

/**
 * The ranges counted as a table b(month, first, last, s, e): each range's month (YYYY-MM of its
 * first day: the label when counted month by month), its first and last bureau day, and the instants
 * [s, e) they cover as stored (UTC). Joining it to a table lets the planner read each range from the
 * table's index on its own, and label rows without converting every timestamp.
 */
function rangesSql(ranges: readonly DayRange[]) {
  const rows = Prisma.join(ranges.map((r) => Prisma.sql`(${monthOf(r.from)}::text, ${r.from}::date, ${r.to}::date)`));
  return Prisma.sql`(
    SELECT v.month, v.first, v.last,
           ((v.first::timestamp AT TIME ZONE ${BUREAU_TIME_ZONE}) AT TIME ZONE 'UTC') AS s,
           (((v.last + 1)::timestamp AT TIME ZONE ${BUREAU_TIME_ZONE}) AT TIME ZONE 'UTC') AS e
    FROM (VALUES ${rows}) v(month, first, last)
  )`;
}

type Keyed = { dimension: RatingDimension; key: string | null; month: string | null };

/**
 * Ratings given in the ranges, per level, by the breakdowns asked for (month by month when
 * `monthly`). Counted first per (range, item version, level, and staff or window where asked for)
 * straight from the index on createdAt, then joined to the small catalogue for items and sections.
 */
async function ratingRows(ranges: readonly DayRange[], dimensions: readonly RatingDimension[], monthly: boolean) {
  const g = grouping(dimensions, monthly);
  const staff = dimensions.includes("STAFF") ? `r."staffId"` : "NULL::text";
  const win = dimensions.includes("WINDOW") ? `CASE WHEN r.service = 'WINDOW' THEN r."window" END` : "NULL::text";
  const levels = Prisma.raw(RATING_LEVELS.map((l) => `coalesce(sum(x.n) FILTER (WHERE x.level = '${l}'), 0)::int AS "${l}"`).join(", "));
  const rows = await db().$queryRaw<(Keyed & RatingCounts)[]>`
    SELECT ${g.select}, ${levels}
    FROM (
      SELECT y.month, v."itemId", i."sectionId", y."staffId", y.win, y.level, y.n
      FROM (
        SELECT b.month, r."itemVersionId", r.level, ${Prisma.raw(staff)} AS "staffId", ${Prisma.raw(win)} AS win, count(*) AS n
        FROM ${rangesSql(ranges)} b JOIN "Rating" r ON r."createdAt" >= b.s AND r."createdAt" < b.e
        WHERE r."excludedAt" IS NULL
        GROUP BY 1, 2, 3, 4, 5
      ) y
      JOIN "ItemVersion" v ON v.id = y."itemVersionId" JOIN "Item" i ON i.id = v."itemId"
    ) x
    GROUP BY ${g.groupBy}`;
  return rows.map((r) => ({ dimension: r.dimension, key: r.key, month: r.month, ratings: Object.fromEntries(RATING_LEVELS.map((l) => [l, r[l]])) as RatingCounts }));
}

/**
 * Follow-ups due in the ranges (their due day), by outcome as of `today`: answered on or before the
 * due day (bureau date of the answer), after it, open past it, open and not yet due. By section means
 * the section answerable for the follow-up; the other breakdowns follow the rating.
 */
async function followUpRows(ranges: readonly DayRange[], today: PlainDate, dimensions: readonly RatingDimension[], monthly: boolean) {
  const g = grouping(dimensions, monthly);
  const rows = await db().$queryRaw<(Keyed & FollowUpCounts)[]>`
    SELECT ${g.select}, count(*)::int AS due,
           count(*) FILTER (WHERE x.answered <= x.due)::int AS "onTime",
           count(*) FILTER (WHERE x.answered > x.due)::int AS "answeredLate",
           count(*) FILTER (WHERE x.answered IS NULL AND x.due < ${today}::date)::int AS "openOverdue",
           count(*) FILTER (WHERE x.answered IS NULL AND x.due >= ${today}::date)::int AS "openNotDue"
    FROM (
      SELECT b.month, f."dueOn" AS due, ${Prisma.raw(dayOf(`f."answeredAt"`))} AS answered, f."sectionId", v."itemId", r."staffId",
             CASE WHEN r.service = 'WINDOW' THEN r."window" END AS win
      FROM ${rangesSql(ranges)} b
      JOIN "RatingFollowUp" f ON f."dueOn" >= b.first AND f."dueOn" <= b.last
      -- Each follow-up's rating looked up by its key: bad ratings are a few in a hundred, and joined
      -- plainly the planner reads every rating (a year of follow-ups at ~700 k ratings: 250 ms, not
      -- 10). OFFSET 0 keeps the subquery from being flattened into a join it would hash.
      CROSS JOIN LATERAL (
        SELECT r."itemVersionId", r."staffId", r.service, r."window" FROM "Rating" r WHERE r.id = f."ratingId" AND r."excludedAt" IS NULL OFFSET 0
      ) r
      JOIN "ItemVersion" v ON v.id = r."itemVersionId"
      WHERE f."dueOn" >= ${ranges[0].from}::date AND f."dueOn" <= ${ranges[ranges.length - 1].to}::date
    ) x
    GROUP BY ${g.groupBy}`;
  return rows.map((r) => ({ dimension: r.dimension, key: r.key, month: r.month, followUps: { due: r.due, onTime: r.onTime, answeredLate: r.answeredLate, openOverdue: r.openOverdue, openNotDue: r.openNotDue } }));
}

/** Complaints received in the ranges, by the stage they are at now and the satisfaction given; in total and by the section they are assigned to. */
async function complaintRows(ranges: readonly DayRange[], dimensions: readonly ("TOTAL" | "SECTION")[], monthly: boolean) {
  const g = grouping(dimensions, monthly);
  const stages = Prisma.raw(COMPLAINT_STAGES.map((s) => `count(*) FILTER (WHERE x.stage = '${s}')::int AS "${s}"`).join(", "));
  const satisfaction = Prisma.raw(COMPLAINT_SATISFACTIONS.map((s) => `count(*) FILTER (WHERE x.satisfaction = '${s}')::int AS "satisfaction${s}"`).join(", "));
  const rows = await db().$queryRaw<(Keyed & Record<string, number>)[]>`
    SELECT ${g.select}, ${stages}, ${satisfaction}
    FROM (
      SELECT b.month, c.stage, c.satisfaction, c."sectionId"
      FROM ${rangesSql(ranges)} b JOIN "Complaint" c ON c."createdAt" >= b.s AND c."createdAt" < b.e
    ) x
    GROUP BY ${g.groupBy}`;
  return rows.map((r) => ({
    dimension: r.dimension,
    key: r.key,
    month: r.month,
    complaints: {
      stages: Object.fromEntries(COMPLAINT_STAGES.map((s) => [s, r[s]])),
      satisfaction: Object.fromEntries(COMPLAINT_SATISFACTIONS.map((s) => [s, r[`satisfaction${s}`]])),
    } as ComplaintCounts,
  }));
}

/** Rating rows and follow-up rows merged per (dimension, key, month). */
function mergeRows(ratings: Awaited<ReturnType<typeof ratingRows>>, followUps: Awaited<ReturnType<typeof followUpRows>>) {
  const out = new Map<string, Keyed & { row: RatingRow }>();
  const id = (r: Keyed) => JSON.stringify([r.dimension, r.key, r.month]);
  const at = (r: Keyed) => out.get(id(r)) ?? out.set(id(r), { dimension: r.dimension, key: r.key, month: r.month, row: NO_RATING_ROW }).get(id(r))!;
  for (const r of ratings) {
    const e = at(r);
    e.row = addRatingRows(e.row, { ratings: r.ratings, followUps: NO_FOLLOW_UPS });
  }
  for (const f of followUps) {
    const e = at(f);
    e.row = addRatingRows(e.row, { ratings: NO_RATINGS, followUps: f.followUps });
  }
  return [...out.values()];
}

const rowOf = (rows: (Keyed & { row: RatingRow })[], dimension: RatingDimension, key: string | null, month: string | null = null) =>
  rows.find((r) => r.dimension === dimension && r.key === key && r.month === month)?.row ?? NO_RATING_ROW;
const hasFigures = (row: RatingRow) => RATING_LEVELS.some((l) => row.ratings[l] > 0) || row.followUps.due > 0;

export type RatingItemRow = { id: string; code: string; name: string; sectionName: string | null; row: RatingRow };
export type RatingSectionRow = { id: string | null; code: string | null; name: string | null; row: RatingRow; complaints: ComplaintCounts };
/** A window as recorded on the rating; null for online services, "" for a window visit whose clerk had no window set. */
export type RatingWindowRow = { window: string | null; row: RatingRow };
export type RatingStaffRow = { id: string | null; name: string | null; loginId: string | null; role: string | null; row: RatingRow };

/**
 * One period's rating figures for the supervision dashboard: in total and by item, section, window
 * and member of staff (by name: the dashboard is for staff), and complaints by stage in total and
 * by section. `today` decides which open follow-ups are past due.
 */
export async function loadRatingFigures(opts: { period: DayRange; today: PlainDate }) {
  const all: RatingDimension[] = ["TOTAL", "ITEM", "SECTION", "WINDOW", "STAFF"];
  const [ratings, followUps, complaints, sections, items] = await Promise.all([
    ratingRows([opts.period], all, false),
    followUpRows([opts.period], opts.today, all, false),
    complaintRows([opts.period], ["TOTAL", "SECTION"], false),
    db().section.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
    db().item.findMany({ select: { id: true, implementationCode: true, sectionId: true, currentVersion: { select: { name: true } } } }),
  ]);
  const rows = mergeRows(ratings, followUps);
  const of = (d: RatingDimension) => rows.filter((r) => r.dimension === d);
  const staffIds = of("STAFF").flatMap((r) => (r.key ? [r.key] : []));
  const staff = staffIds.length === 0 ? [] : await db().user.findMany({ where: { id: { in: staffIds }, role: { not: APPLICANT_ROLE } }, select: { id: true, name: true, loginId: true, role: true } });

  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  const itemById = new Map(items.map((i) => [i.id, i]));
  const complaintsOf = (key: string | null) => complaints.find((c) => c.dimension === "SECTION" && c.key === key)?.complaints ?? NO_COMPLAINTS;
  const byTotal = (a: RatingRow, b: RatingRow) => {
    const t = (r: RatingRow) => RATING_LEVELS.reduce((n, l) => n + r.ratings[l], 0);
    return t(b) - t(a) || b.followUps.due - a.followUps.due;
  };

  const byItem: RatingItemRow[] = of("ITEM")
    .flatMap((r) => {
      const i = r.key ? itemById.get(r.key) : undefined;
      return i ? [{ id: i.id, code: i.implementationCode, name: i.currentVersion?.name ?? i.implementationCode, sectionName: i.sectionId ? (sectionName.get(i.sectionId) ?? null) : null, row: r.row }] : [];
    })
    .sort((a, b) => byTotal(a.row, b.row) || a.code.localeCompare(b.code));

  // Every section (a quiet one is a figure too); the unassigned last, only when it has something.
  const noSection = { id: null, code: null, name: null, row: rowOf(rows, "SECTION", null), complaints: complaintsOf(null) };
  const bySection: RatingSectionRow[] = [
    ...sections.map((s) => ({ id: s.id as string | null, code: s.code as string | null, name: s.name as string | null, row: rowOf(rows, "SECTION", s.id), complaints: complaintsOf(s.id) })),
    ...(hasFigures(noSection.row) || complaintTotal(noSection.complaints) > 0 ? [noSection] : []),
  ];

  // Windows by name, online services (no window) last.
  const byWindow: RatingWindowRow[] = of("WINDOW")
    .map((r) => ({ window: r.key, row: r.row }))
    .sort((a, b) => (a.window === null ? 1 : 0) - (b.window === null ? 1 : 0) || (a.window ?? "").localeCompare(b.window ?? "", "zh-CN"));

  const staffById = new Map(staff.map((u) => [u.id, u]));
  const byStaff: RatingStaffRow[] = of("STAFF")
    .map((r) => {
      const u = r.key ? staffById.get(r.key) : undefined;
      return { id: r.key, name: u?.name ?? null, loginId: u?.loginId ?? null, role: u?.role ?? null, row: r.row };
    })
    .sort((a, b) => (a.id === null ? 1 : 0) - (b.id === null ? 1 : 0) || byTotal(a.row, b.row) || (a.loginId ?? "").localeCompare(b.loginId ?? ""));

  return {
    total: rowOf(rows, "TOTAL", null),
    byItem,
    bySection,
    byWindow,
    byStaff,
    complaints: { total: complaints.find((c) => c.dimension === "TOTAL")?.complaints ?? NO_COMPLAINTS, bySection },
  };
}

export type RatingFigures = Awaited<ReturnType<typeof loadRatingFigures>>;

/**
 * The public rating and complaint figures: each month of `months` in total, and the last one by
 * section — counts and shares only, never a window or a member of staff. One grouping per table
 * over the whole range (month, and month × section).
 */
export async function loadPublicRatingFigures(opts: { months: readonly Period[]; today: PlainDate }) {
  const month = monthOf(opts.months[opts.months.length - 1].from);
  const [ratings, followUps, complaints, sections] = await Promise.all([
    ratingRows(opts.months, ["TOTAL", "SECTION"], true),
    followUpRows(opts.months, opts.today, ["TOTAL", "SECTION"], true),
    complaintRows(opts.months, ["TOTAL", "SECTION"], true),
    db().section.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
  ]);
  const rows = mergeRows(ratings, followUps);
  const complaintsOf = (dimension: RatingDimension, key: string | null, m: string) => complaints.find((c) => c.dimension === dimension && c.key === key && c.month === m)?.complaints ?? NO_COMPLAINTS;
  const noSection = { code: null, name: null, row: rowOf(rows, "SECTION", null, month), complaints: complaintsOf("SECTION", null, month) };
  const sectionRows = [
    ...sections.map((s) => ({ code: s.code as string | null, name: s.name as string | null, row: rowOf(rows, "SECTION", s.id, month), complaints: complaintsOf("SECTION", s.id, month) })),
    ...(hasFigures(noSection.row) || complaintTotal(noSection.complaints) > 0 ? [noSection] : []),
  ];
  return {
    months: opts.months.map((p) => {
      const m = monthOf(p.from);
      return { month: m, row: rowOf(rows, "TOTAL", null, m), complaints: complaintsOf("TOTAL", null, m) };
    }),
    sections: sectionRows,
    total: { row: rowOf(rows, "TOTAL", null, month), complaints: complaintsOf("TOTAL", null, month) },
  };
}

export type PublicRatingFigures = Awaited<ReturnType<typeof loadPublicRatingFigures>>;
