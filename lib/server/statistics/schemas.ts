// What the supervision dashboard and the public statistics are asked for: a period and its anchor
// day, a breakdown to export, a month. Anything malformed falls back to the default, as in lists.
import "server-only";
import { z } from "zod";
import { isPlainDate } from "@/lib/domain/calendar/working-days";
import { isMonth, PERIOD_KINDS } from "@/lib/domain/statistics/period";

/** Nothing the bureau counts lies before this; earlier dates (year 0 among them) fall back to the default. */
const EARLIEST_DAY = "2000-01-01";

export const ZDashboardQuery = z.object({
  period: z.enum(PERIOD_KINDS).catch("month").default("month"),
  /** A day in the period (YYYY-MM-DD, Beijing time); today when absent. */
  on: z
    .string()
    .refine((v) => isPlainDate(v) && v >= EARLIEST_DAY)
    .optional()
    .catch(undefined),
});
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

export const BREAKDOWNS = ["section", "item", "staff"] as const;
export const ZDashboardExport = ZDashboardQuery.extend({ by: z.enum(BREAKDOWNS).catch("section").default("section") });

/** The 好差评 breakdowns of the dashboard, each exportable. */
export const RATING_BREAKDOWNS = ["section", "item", "window", "staff"] as const;
export const ZRatingExport = ZDashboardQuery.extend({ by: z.enum(RATING_BREAKDOWNS).catch("section").default("section") });

export const ZPublicStatisticsQuery = z.object({
  /** The month whose sections are shown, and the last of the twelve in the series (YYYY-MM). */
  month: z
    .string()
    .refine((v) => isMonth(v) && v >= EARLIEST_DAY.slice(0, 7))
    .optional()
    .catch(undefined),
});
