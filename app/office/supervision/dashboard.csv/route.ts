// The dashboard's breakdown (by section, item or member of staff) of one period as CSV, headed in
// the reader's language; UTF-8 with a byte-order mark so spreadsheet programs read the Chinese.
import { getTranslations } from "next-intl/server";
import { SHARE_COLUMNS } from "@/lib/domain/statistics/figures";
import { csvDocument } from "@/lib/domain/csv-document";
import { currentActor } from "@/lib/server/auth/current-actor";
import { accessErrorResponse, contentDisposition } from "@/lib/server/http-errors";
import { exportSupervisionFigures } from "@/lib/server/statistics/export-supervision-figures";
import { ZDashboardExport } from "@/lib/server/statistics/schemas";
import { isAppError } from "@/lib/errors";

export async function GET(req: Request) {
  const sp = new URL(req.url).searchParams;
  const query = ZDashboardExport.parse({ period: sp.get("period") ?? undefined, on: sp.get("on") ?? undefined, by: sp.get("by") ?? undefined });
  let figures: Awaited<ReturnType<typeof exportSupervisionFigures>>;
  try {
    figures = await exportSupervisionFigures({ actor: await currentActor(), query });
  } catch (e) {
    const refused = accessErrorResponse(e);
    if (refused) return refused;
    if (isAppError(e) && e.code === "FORBIDDEN") return new Response("Forbidden", { status: 403 });
    throw e;
  }
  const [t, tr] = await Promise.all([getTranslations("dashboard"), getTranslations("roles")]);
  const labels = figures.by === "section" ? [t("section")] : figures.by === "item" ? [t("code"), t("item"), t("section")] : [t("login"), t("staff"), t("role")];
  const header = [...labels, ...figures.columns.map((c) => `${t(`columns.${c}`)}${SHARE_COLUMNS.has(c) ? t("percentSuffix") : ""}`)];
  const rows = figures.rows.map((r) => [...(figures.by === "staff" ? [r.labels[0], r.labels[1], tr(r.labels[2])] : figures.by === "section" ? [r.labels[0] || t("noSection")] : r.labels), ...r.cells]);
  if (figures.total) rows.push([t("total"), ...labels.slice(1).map(() => ""), ...figures.total]);
  const name = `supervision-${figures.by}-${figures.period.from}_${figures.period.to}.csv`;
  return new Response(csvDocument(header, rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": contentDisposition(name), "Cache-Control": "private, no-store" },
  });
}
