// The dashboard's 好差评 breakdown (by section, item, window or member of staff) of one period as CSV,
// headed in the reader's language; UTF-8 with a byte-order mark so spreadsheet programs read the Chinese.
import { getTranslations } from "next-intl/server";
import { csvDocument } from "@/lib/domain/csv-document";
import { RATING_SHARE_COLUMNS } from "@/lib/domain/statistics/rating-figures";
import { isAppError } from "@/lib/errors";
import { currentActor } from "@/lib/server/auth/current-actor";
import { accessErrorResponse, contentDisposition } from "@/lib/server/http-errors";
import { exportRatingFigures } from "@/lib/server/statistics/export-rating-figures";
import { ZRatingExport } from "@/lib/server/statistics/schemas";

export async function GET(req: Request) {
  const sp = new URL(req.url).searchParams;
  const query = ZRatingExport.parse({ period: sp.get("period") ?? undefined, on: sp.get("on") ?? undefined, by: sp.get("by") ?? undefined });
  let figures: Awaited<ReturnType<typeof exportRatingFigures>>;
  try {
    figures = await exportRatingFigures({ actor: await currentActor(), query });
  } catch (e) {
    const refused = accessErrorResponse(e);
    if (refused) return refused;
    if (isAppError(e) && e.code === "FORBIDDEN") return new Response("Forbidden", { status: 403 });
    throw e;
  }
  const [t, td, tr] = await Promise.all([getTranslations("ratingFigures"), getTranslations("dashboard"), getTranslations("roles")]);
  const labels =
    figures.by === "section" ? [td("section")] : figures.by === "item" ? [td("code"), td("item"), td("section")] : figures.by === "window" ? [t("window")] : [td("login"), td("staff"), td("role")];
  const header = [
    ...labels,
    ...figures.columns.map((c) => `${t(`columns.${c}`)}${RATING_SHARE_COLUMNS.has(c) ? td("percentSuffix") : ""}`),
    ...figures.complaintColumns.map((c) => `${t("complaintPrefix")}${t(`complaintColumns.${c}`)}`),
  ];
  const label = (value: string | null, i: number) => {
    if (figures.by === "section") return value ?? td("noSection");
    if (figures.by === "item") return i === 2 ? (value ?? td("noSection")) : (value ?? "");
    if (figures.by === "window") return value === null ? t("online") : value || t("noWindow");
    if (i === 2) return value ? tr(value) : "";
    return value ?? (i === 1 ? t("noStaff") : "");
  };
  const rows = figures.rows.map((r) => [...r.labels.map(label), ...r.cells]);
  rows.push([td("total"), ...labels.slice(1).map(() => ""), ...figures.total]);
  const name = `supervision-ratings-${figures.by}-${figures.period.from}_${figures.period.to}.csv`;
  return new Response(csvDocument(header, rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": contentDisposition(name), "Cache-Control": "private, no-store" },
  });
}
