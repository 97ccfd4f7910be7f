// The public figures as JSON (open data): twelve months up to ?month=YYYY-MM and that month by
// section, with stable English keys; the same for 好差评 (ratings with their follow-ups) and complaints.
// Counts only; no personal data, no window, no member of staff.
import { BUREAU } from "@/lib/bureau";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { openDataFigures } from "@/lib/domain/statistics/figures";
import { openDataComplaints, openDataRatings } from "@/lib/domain/statistics/rating-figures";
import { getPublicStatistics } from "@/lib/server/statistics/get-public-statistics";
import { ZPublicStatisticsQuery } from "@/lib/server/statistics/schemas";

export async function GET(req: Request) {
  const query = ZPublicStatisticsQuery.parse({ month: new URL(req.url).searchParams.get("month") ?? undefined });
  const s = await getPublicStatistics({ query });
  const body = {
    bureau: BUREAU.officialName,
    timeZone: BUREAU_TIME_ZONE,
    asOf: s.today,
    month: s.month,
    months: s.months.map((m) => ({ month: m.month, toDate: m.toDate, ...openDataFigures(m.figures) })),
    sections: s.sections.map((x) => ({ code: x.code, name: x.name, ...openDataFigures(x.figures) })),
    total: openDataFigures(s.total),
    ratings: {
      months: s.ratings.months.map((m) => ({ month: m.month, ...openDataRatings(m.row) })),
      sections: s.ratings.sections.map((x) => ({ code: x.code, name: x.name, ...openDataRatings(x.row) })),
      total: openDataRatings(s.ratings.total.row),
    },
    complaints: {
      months: s.ratings.months.map((m) => ({ month: m.month, ...openDataComplaints(m.complaints) })),
      sections: s.ratings.sections.map((x) => ({ code: x.code, name: x.name, ...openDataComplaints(x.complaints) })),
      total: openDataComplaints(s.ratings.total.complaints),
    },
  };
  return Response.json(body, { headers: { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" } });
}
