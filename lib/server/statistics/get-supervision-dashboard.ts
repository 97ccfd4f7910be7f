// The supervision dashboard (监察统计) for the director and supervisors: the figures of a day, week or
// month, the trend before it, by section, item and member of staff; and the period's 好差评 and
// complaints (by item, section, window and member of staff).
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { earlierOf, periodOf, shiftPeriod } from "@/lib/domain/statistics/period";
import { requirePermission } from "@/lib/server/auth/actor";
import { ZDashboardQuery } from "./schemas";
import { loadRatingFigures } from "./rating-figures";
import { loadSupervisionFigures } from "./supervision-figures";
import { loadCentreFigures } from "./centre-figures";

/** The period holding the day asked for (never later than today), and the ones before and after it (none after today's). */
export function resolvePeriod(query: z.input<typeof ZDashboardQuery>, now: Date) {
  const q = ZDashboardQuery.parse(query);
  const today = toPlainDate(now);
  const anchor = earlierOf(q.on ?? today, today);
  const period = periodOf(q.period, anchor);
  const next = shiftPeriod(period, 1);
  return { today, anchor, period, previous: shiftPeriod(period, -1), next: next.from <= today ? next : null };
}

export async function getSupervisionDashboard(opts: { actor: Actor | null; query?: z.input<typeof ZDashboardQuery>; now?: Date }) {
  await requirePermission(opts.actor, "statistics:view", "getSupervisionDashboard");
  const { today, anchor, period, previous, next } = resolvePeriod(opts.query ?? {}, opts.now ?? new Date());
  const [figures, ratings, centres] = await Promise.all([loadSupervisionFigures({ period, today }), loadRatingFigures({ period, today }), loadCentreFigures({ period })]);
  return { ...figures, ratings, centres, anchor, previous, next };
}

export type SupervisionDashboard = Awaited<ReturnType<typeof getSupervisionDashboard>>;
