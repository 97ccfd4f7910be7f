// The public figures of one month (?month=YYYY-MM) by section, with each section's ratings and
// complaints, as CSV, UTF-8 with a byte-order mark.
import { getTranslations } from "next-intl/server";
import { csvDocument } from "@/lib/domain/csv-document";
import { columnCell, columnValue, PUBLIC_COLUMNS, SHARE_COLUMNS } from "@/lib/domain/statistics/figures";
import { COMPLAINT_COLUMNS, complaintColumnValue, NO_COMPLAINTS, NO_RATING_ROW, RATING_COLUMNS, RATING_SHARE_COLUMNS, ratingCell, ratingColumnValue, type ComplaintCounts, type RatingRow } from "@/lib/domain/statistics/rating-figures";
import { contentDisposition } from "@/lib/server/http-errors";
import { getPublicStatistics } from "@/lib/server/statistics/get-public-statistics";
import { ZPublicStatisticsQuery } from "@/lib/server/statistics/schemas";

export async function GET(req: Request) {
  const query = ZPublicStatisticsQuery.parse({ month: new URL(req.url).searchParams.get("month") ?? undefined });
  const [t, td, tf, s] = await Promise.all([getTranslations("statistics"), getTranslations("dashboard"), getTranslations("ratingFigures"), getPublicStatistics({ query })]);
  // Then the ratings and complaints of the same row.
  const ratingHeader = [
    ...RATING_COLUMNS.map((c) => `${tf(`columns.${c}`)}${RATING_SHARE_COLUMNS.has(c) ? td("percentSuffix") : ""}`),
    ...COMPLAINT_COLUMNS.map((c) => `${tf("complaintPrefix")}${tf(`complaintColumns.${c}`)}`),
  ];
  const ratingCells = (row: RatingRow, complaints: ComplaintCounts) => [...RATING_COLUMNS.map((c) => ratingCell(c, ratingColumnValue(c, row))), ...COMPLAINT_COLUMNS.map((c) => String(complaintColumnValue(c, complaints)))];
  const header = [t("monthHeader"), t("section"), ...PUBLIC_COLUMNS.map((c) => `${td(`columns.${c}`)}${SHARE_COLUMNS.has(c) ? td("percentSuffix") : ""}`), ...ratingHeader];
  const cells = (f: (typeof s)["total"]) => PUBLIC_COLUMNS.map((c) => columnCell(c, columnValue(c, f)));
  const ratingsOf = (code: string | null) => s.ratings.sections.find((r) => r.code === code) ?? { row: NO_RATING_ROW, complaints: NO_COMPLAINTS };
  const rows = [
    ...s.sections.map((x) => [s.month, x.name ?? t("noSection"), ...cells(x.figures), ...ratingCells(ratingsOf(x.code).row, ratingsOf(x.code).complaints)]),
    [s.month, t("total"), ...cells(s.total), ...ratingCells(s.ratings.total.row, s.ratings.total.complaints)],
  ];
  return new Response(csvDocument(header, rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": contentDisposition(`statistics-sections-${s.month}.csv`), "Cache-Control": "no-store" },
  });
}
