// The supervision figures of one period with everything the dashboard shows around them: totals,
// the trend before it, and the breakdowns by section, item and member of staff, each with what is
// overdue now and the cards raised. Shared by the dashboard and its CSV export; the permission is
// checked by them.
import "server-only";
import type { PlainDate } from "@/lib/domain/calendar/working-days";
import { addWatch, NO_FIGURES, NO_WATCH, OVERDUE_STATES, sumByPeriod, sumFigures, type FigureCounts, type Watch } from "@/lib/domain/statistics/figures";
import { periodInstants, trendOf, type Period } from "@/lib/domain/statistics/period";
import { APPLICATION_STATES } from "@/lib/domain/workflow/application-workflow";
import { syncWorkingDayTable } from "@/lib/server/calendar/working-day-table";
import { APPLICANT_ROLE } from "@/lib/domain/access/roles";
import { db } from "@/lib/server/db";
import { enumLiterals } from "@/lib/server/sql-literals";
import { readFigures, sumClosedDays } from "./daily-figures";

export type SectionFigures = { id: string | null; name: string | null; figures: FigureCounts; watch: Watch };
export type ItemFigures = { id: string; code: string; name: string; sectionId: string | null; sectionName: string | null; figures: FigureCounts; watch: Watch };
export type StaffFigures = { id: string; name: string; loginId: string; role: string; figures: FigureCounts; watch: Watch };

/** Cases overdue now, by item: the clock runs (not suspended) and the due date is before today. */
async function overdueByItem(today: PlainDate) {
  return db().$queryRaw<{ itemId: string; overduePromised: number; overdueStatutory: number }[]>`
    SELECT a."itemId", count(*) FILTER (WHERE a."promisedDue" < ${today}::date)::int AS "overduePromised",
           count(*) FILTER (WHERE a."statutoryDue" < ${today}::date)::int AS "overdueStatutory"
    FROM "Application" a
    WHERE a.state IN (${enumLiterals(OVERDUE_STATES, APPLICATION_STATES)}) AND NOT a."clockSuspended"
      AND (a."promisedDue" < ${today}::date OR a."statutoryDue" < ${today}::date)
    GROUP BY a."itemId"`;
}

/** Cards raised in the period by colour: by the case's item, and by the person who must act. */
async function cardsRaised(period: Period) {
  const { start, end } = periodInstants(period);
  return db().$queryRaw<{ byStaff: boolean; colour: "YELLOW" | "RED"; itemId: string | null; responsibleId: string | null; n: number }[]>`
    SELECT GROUPING(a."itemId") = 1 AS "byStaff", c.colour::text AS colour, a."itemId", c."responsibleId", count(*)::int AS n
    FROM "Card" c JOIN "Application" a ON a.id = c."applicationId"
    WHERE c."raisedAt" >= ${start} AND c."raisedAt" < ${end}
    GROUP BY GROUPING SETS ((c.colour, a."itemId"), (c.colour, c."responsibleId"))`;
}

async function openCards() {
  const rows = await db().$queryRaw<{ colour: "YELLOW" | "RED"; n: number }[]>`SELECT colour::text AS colour, count(*)::int AS n FROM "Card" WHERE "closedAt" IS NULL GROUP BY colour`;
  return { yellow: rows.find((r) => r.colour === "YELLOW")?.n ?? 0, red: rows.find((r) => r.colour === "RED")?.n ?? 0 };
}

function addTo<K>(map: Map<K, Watch>, key: K, part: Partial<Watch>) {
  map.set(key, addWatch(map.get(key) ?? NO_WATCH, { ...NO_WATCH, ...part }));
}

export async function loadSupervisionFigures(opts: { period: Period; today: PlainDate }) {
  const { period, today } = opts;
  const trend = trendOf(period);
  await syncWorkingDayTable();
  await sumClosedDays({ from: trend[0].from, to: period.to }, today);
  const [{ rows, days: daily }, overdue, cards, open, sections, items, staff] = await Promise.all([
    readFigures({ period, trendFrom: trend[0].from, today, dimensions: ["TOTAL", "ITEM", "STAFF"] }),
    overdueByItem(today),
    cardsRaised(period),
    openCards(),
    db().section.findMany({ select: { id: true, name: true }, orderBy: { code: "asc" } }),
    // The catalogue and the staff are small: read whole, in the same round as the figures.
    db().item.findMany({ select: { id: true, implementationCode: true, sectionId: true, currentVersion: { select: { name: true } } } }),
    db().user.findMany({ where: { role: { not: APPLICANT_ROLE } }, select: { id: true, name: true, loginId: true, role: true } }),
  ]);

  // Figures and what is watched, by item and by member of staff.
  const itemFigures = new Map(rows.filter((r) => r.dimension === "ITEM").map((r) => [r.key, r.figures]));
  const staffFigures = new Map(rows.filter((r) => r.dimension === "STAFF").map((r) => [r.key, r.figures]));
  const itemWatch = new Map<string, Watch>();
  const staffWatch = new Map<string, Watch>();
  for (const o of overdue) addTo(itemWatch, o.itemId, { overduePromised: o.overduePromised, overdueStatutory: o.overdueStatutory });
  for (const c of cards) {
    const part = c.colour === "RED" ? { cardsRed: c.n } : { cardsYellow: c.n };
    if (!c.byStaff && c.itemId) addTo(itemWatch, c.itemId, part);
    if (c.byStaff && c.responsibleId) addTo(staffWatch, c.responsibleId, part);
  }

  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  const byItem: ItemFigures[] = items
    .filter((i) => itemFigures.has(i.id) || itemWatch.has(i.id))
    .map((i) => ({
      id: i.id,
      code: i.implementationCode,
      name: i.currentVersion?.name ?? i.implementationCode,
      sectionId: i.sectionId,
      sectionName: i.sectionId ? (sectionName.get(i.sectionId) ?? null) : null,
      figures: itemFigures.get(i.id) ?? NO_FIGURES,
      watch: itemWatch.get(i.id) ?? NO_WATCH,
    }))
    .sort((a, b) => b.figures.received - a.figures.received || b.figures.decided - a.figures.decided || a.code.localeCompare(b.code));

  // Sections from their items (as the items belong now); items without a section last.
  const bySection: SectionFigures[] = [...sections.map((s) => ({ id: s.id as string | null, name: s.name as string | null })), { id: null, name: null }]
    .map((s) => {
      const own = byItem.filter((i) => i.sectionId === s.id);
      return { ...s, figures: sumFigures(own.map((i) => i.figures)), watch: own.reduce((w, i) => addWatch(w, i.watch), NO_WATCH) };
    })
    .filter((s) => s.id !== null || s.figures.received + s.figures.accepted + s.figures.decided + s.figures.issued + s.watch.overduePromised + s.watch.cardsYellow + s.watch.cardsRed > 0);

  const byStaff: StaffFigures[] = staff
    .filter((u) => staffFigures.has(u.id) || staffWatch.has(u.id))
    .map((u) => ({ ...u, figures: staffFigures.get(u.id) ?? NO_FIGURES, watch: staffWatch.get(u.id) ?? NO_WATCH }))
    .sort((a, b) => b.figures.decided - a.figures.decided || b.figures.accepted - a.figures.accepted || a.loginId.localeCompare(b.loginId));

  const total = rows.find((r) => r.dimension === "TOTAL")?.figures ?? NO_FIGURES;
  return {
    period,
    today,
    total: { figures: total, watch: byItem.reduce((w, i) => addWatch(w, i.watch), NO_WATCH), openCards: open },
    trend: sumByPeriod(trend, daily),
    bySection,
    byItem,
    byStaff,
  };
}

export type SupervisionFigures = Awaited<ReturnType<typeof loadSupervisionFigures>>;
