// The public monthly figures (twelve months up to ?month=YYYY-MM) as CSV, UTF-8 with a byte-order mark.
import { getTranslations } from "next-intl/server";
import { csvDocument } from "@/lib/domain/csv-document";
import { columnCell, columnValue, PUBLIC_COLUMNS, SHARE_COLUMNS } from "@/lib/domain/statistics/figures";
import { contentDisposition } from "@/lib/server/http-errors";
import { getPublicStatistics } from "@/lib/server/statistics/get-public-statistics";
import { ZPublicStatisticsQuery } from "@/lib/server/statistics/schemas";

export async function GET(req: Request) {
  const query = ZPublicStatisticsQuery.parse({ month: new URL(req.url).searchParams.get("month") ?? undefined });
  const [t, td, s] = await Promise.all([getTranslations("statistics"), getTranslations("dashboard"), getPublicStatistics({ query })]);
  const header = [t("monthHeader"), ...PUBLIC_COLUMNS.map((c) => `${td(`columns.${c}`)}${SHARE_COLUMNS.has(c) ? td("percentSuffix") : ""}`)];
  const rows = s.months.map((m) => [m.month, ...PUBLIC_COLUMNS.map((c) => columnCell(c, columnValue(c, m.figures)))]);
  return new Response(csvDocument(header, rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": contentDisposition(`statistics-months-${s.month}.csv`), "Cache-Control": "no-store" },
  });
}
