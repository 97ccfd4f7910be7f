// The bureau's figures for everyone (统计数据公开): twelve months of filings, decisions on the spot,
// on-time shares and working days used against the limits, 好差评 and complaints, and one month by
// section. Counts only — no person, no case, no member of staff, no window.
import "server-only";
import type { z } from "zod";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { sumByPeriod, sumFigures, type FigureCounts } from "@/lib/domain/statistics/figures";
import { monthOf, monthPeriod, trendOf } from "@/lib/domain/statistics/period";
import { NO_COMPLAINTS, NO_RATING_ROW } from "@/lib/domain/statistics/rating-figures";
import { syncWorkingDayTable } from "@/lib/server/calendar/working-day-table";
import { db } from "@/lib/server/db";
import { readFigures, sumClosedDays } from "./daily-figures";
import { loadPublicRatingFigures } from "./rating-figures";
import { ZPublicStatisticsQuery } from "./schemas";

export const PUBLIC_MONTHS = 12;

export async function getPublicStatistics(opts: { query?: z.input<typeof ZPublicStatisticsQuery>; now?: Date } = {}) {
  const q = ZPublicStatisticsQuery.parse(opts.query ?? {});
  const today = toPlainDate(opts.now ?? new Date());
  const current = monthOf(today);
  const month = q.month && q.month <= current ? q.month : current;
  const period = monthPeriod(month);
  const months = trendOf(period, PUBLIC_MONTHS);
  const range = { from: months[0].from, to: period.to };
  await syncWorkingDayTable();
  await sumClosedDays(range, today);
  const [{ rows, days: daily }, sections, ratings] = await Promise.all([
    readFigures({ period, trendFrom: range.from, today, dimensions: ["ITEM"] }),
    db().section.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
    loadPublicRatingFigures({ months, today }),
  ]);
  const items = await db().item.findMany({ where: { id: { in: rows.map((r) => r.key) } }, select: { id: true, sectionId: true } });
  const sectionOf = new Map(items.map((i) => [i.id, i.sectionId]));
  const bySection = new Map<string | null, FigureCounts[]>();
  for (const r of rows) {
    const s = sectionOf.get(r.key) ?? null;
    bySection.set(s, [...(bySection.get(s) ?? []), r.figures]);
  }
  // Both lists hold the same sections: the unassigned row in both when either has figures there.
  const noSection = bySection.has(null) || ratings.sections.some((x) => x.code === null);
  const ratingSections = noSection && !ratings.sections.some((x) => x.code === null) ? [...ratings.sections, { code: null, name: null, row: NO_RATING_ROW, complaints: NO_COMPLAINTS }] : ratings.sections;
  return {
    month,
    today,
    months: sumByPeriod(months, daily).map((m) => ({ month: monthOf(m.period.from), figures: m.figures, toDate: m.period.to >= today })),
    sections: [
      ...sections.map((s) => ({ code: s.code as string | null, name: s.name as string | null, figures: sumFigures(bySection.get(s.id) ?? []) })),
      ...(noSection ? [{ code: null, name: null, figures: sumFigures(bySection.get(null) ?? []) }] : []),
    ],
    total: sumFigures(rows.map((r) => r.figures)),
    ratings: { ...ratings, sections: ratingSections },
  };
}

export type PublicStatistics = Awaited<ReturnType<typeof getPublicStatistics>>;
