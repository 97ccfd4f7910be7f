// The public figures of one month (?month=YYYY-MM) by section as CSV, UTF-8 with a byte-order mark.
import { getTranslations } from "next-intl/server";
import { csvDocument } from "@/lib/domain/csv-document";
import { columnCell, columnValue, PUBLIC_COLUMNS, SHARE_COLUMNS } from "@/lib/domain/statistics/figures";
import { contentDisposition } from "@/lib/server/http-errors";
import { getPublicStatistics } from "@/lib/server/statistics/get-public-statistics";
import { ZPublicStatisticsQuery } from "@/lib/server/statistics/schemas";

export async function GET(req: Request) {
  const query = ZPublicStatisticsQuery.parse({ month: new URL(req.url).searchParams.get("month") ?? undefined });
  const [t, td, s] = await Promise.all([getTranslations("statistics"), getTranslations("dashboard"), getPublicStatistics({ query })]);
  const header = [t("monthHeader"), t("section"), ...PUBLIC_COLUMNS.map((c) => `${td(`columns.${c}`)}${SHARE_COLUMNS.has(c) ? td("percentSuffix") : ""}`)];
  const cells = (f: (typeof s)["total"]) => PUBLIC_COLUMNS.map((c) => columnCell(c, columnValue(c, f)));
  const rows = [...s.sections.map((x) => [s.month, x.name ?? t("noSection"), ...cells(x.figures)]), [s.month, t("total"), ...cells(s.total)]];
  return new Response(csvDocument(header, rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": contentDisposition(`statistics-sections-${s.month}.csv`), "Cache-Control": "no-store" },
  });
}
