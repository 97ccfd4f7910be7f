// The dashboard's 好差评 breakdown (by section, item, window or member of staff) of one period as rows
// for a CSV file: every row, the rating and follow-up columns, and by section the complaints by stage.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { COMPLAINT_COLUMNS, complaintColumnValue, RATING_COLUMNS, ratingCell, ratingColumnValue, type RatingRow } from "@/lib/domain/statistics/rating-figures";
import { requirePermission } from "@/lib/server/auth/actor";
import { resolvePeriod } from "./get-supervision-dashboard";
import { loadRatingFigures } from "./rating-figures";
import { ZRatingExport } from "./schemas";

export async function exportRatingFigures(opts: { actor: Actor | null; query?: z.input<typeof ZRatingExport>; now?: Date }) {
  await requirePermission(opts.actor, "statistics:view", "exportRatingFigures");
  const { by } = ZRatingExport.parse(opts.query ?? {});
  const { today, period } = resolvePeriod(opts.query ?? {}, opts.now ?? new Date());
  const figures = await loadRatingFigures({ period, today });
  const cells = (row: RatingRow) => RATING_COLUMNS.map((c) => ratingCell(c, ratingColumnValue(c, row)));
  const complaintColumns = by === "section" ? COMPLAINT_COLUMNS : [];
  // Labels as written (names, codes, windows); null where there is none — the route words it.
  const rows: { labels: (string | null)[]; cells: string[] }[] =
    by === "section"
      ? figures.bySection.map((s) => ({ labels: [s.name], cells: [...cells(s.row), ...COMPLAINT_COLUMNS.map((c) => String(complaintColumnValue(c, s.complaints)))] }))
      : by === "item"
        ? figures.byItem.map((i) => ({ labels: [i.code, i.name, i.sectionName], cells: cells(i.row) }))
        : by === "window"
          ? figures.byWindow.map((w) => ({ labels: [w.window], cells: cells(w.row) }))
          : figures.byStaff.map((u) => ({ labels: [u.loginId, u.name, u.role], cells: cells(u.row) }));
  const total = [...cells(figures.total), ...complaintColumns.map((c) => String(complaintColumnValue(c, figures.complaints.total)))];
  return { by, period, columns: RATING_COLUMNS, complaintColumns, rows, total };
}
