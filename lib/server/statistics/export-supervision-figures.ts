// The dashboard's breakdown by section, item or member of staff as rows for a CSV file: every item,
// not only those the page lists.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { BREAKDOWN_COLUMNS, columnCell, columnValue } from "@/lib/domain/statistics/figures";
import { requirePermission } from "@/lib/server/auth/actor";
import { resolvePeriod } from "./get-supervision-dashboard";
import { ZDashboardExport } from "./schemas";
import { loadSupervisionFigures } from "./supervision-figures";

export async function exportSupervisionFigures(opts: { actor: Actor | null; query?: z.input<typeof ZDashboardExport>; now?: Date }) {
  await requirePermission(opts.actor, "statistics:view", "exportSupervisionFigures");
  const { by } = ZDashboardExport.parse(opts.query ?? {});
  const { today, period } = resolvePeriod(opts.query ?? {}, opts.now ?? new Date());
  const figures = await loadSupervisionFigures({ period, today });
  const columns = BREAKDOWN_COLUMNS[by];
  const cells = (f: { figures: Parameters<typeof columnValue>[1]; watch: Parameters<typeof columnValue>[2] }) => columns.map((c) => columnCell(c, columnValue(c, f.figures, f.watch)));
  // Who or what each row is: names as written, with the code or login that identifies them.
  const rows =
    by === "section"
      ? figures.bySection.map((s) => ({ labels: [s.name ?? ""], cells: cells(s) }))
      : by === "item"
        ? figures.byItem.map((i) => ({ labels: [i.code, i.name, i.sectionName ?? ""], cells: cells(i) }))
        : figures.byStaff.map((u) => ({ labels: [u.loginId, u.name, u.role], cells: cells(u) }));
  // The bureau's total under the sections and items (a staff total would count cases twice: accepted by one, decided by another).
  const total = by === "staff" ? null : cells({ figures: figures.total.figures, watch: figures.total.watch });
  return { by, period, columns, rows, total };
}
