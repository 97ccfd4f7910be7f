// 就近办 on the supervision dashboard: per township centre, the filings received, accepted and decided
// in the period (the hall's are the bureau's totals less these). Only centre filings are read, over
// a partial index, so the query stays small however many the hall has.
import "server-only";
import { periodInstants, type Period } from "@/lib/domain/statistics/period";
import { db } from "@/lib/server/db";

export type CentreFigures = { code: string; name: string; received: number; accepted: number; decided: number };

export async function loadCentreFigures(opts: { period: Period }): Promise<CentreFigures[]> {
  const { start, end } = periodInstants(opts.period);
  return db().$queryRaw<CentreFigures[]>`
    SELECT c.code, c.name,
           count(a.id) FILTER (WHERE a."submittedAt" >= ${start} AND a."submittedAt" < ${end})::int AS received,
           count(a.id) FILTER (WHERE a."acceptedAt" >= ${start} AND a."acceptedAt" < ${end})::int AS accepted,
           count(a.id) FILTER (WHERE a."decidedAt" >= ${start} AND a."decidedAt" < ${end})::int AS decided
    FROM "ServiceCentre" c
    LEFT JOIN "Application" a ON a."centreId" = c.id AND a."centreId" IS NOT NULL
    GROUP BY c.id, c.code, c.name
    ORDER BY c.code`;
}
