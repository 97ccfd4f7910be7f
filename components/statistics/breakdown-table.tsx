// One breakdown of the figures (by section, item or member of staff) as a table: the names that
// identify each row, then the breakdown's columns; a total row where the rows add up to the bureau.
import { getFormatter, getTranslations } from "next-intl/server";
import { columnValue, type ColumnKey, type FigureCounts, type Watch } from "@/lib/domain/statistics/figures";
import { FiguresTable } from "./figures-table";
import { formatColumn } from "./format";

export type BreakdownRow = { key: string; labels: React.ReactNode[]; figures: FigureCounts; watch?: Watch };

export async function BreakdownTable(props: { caption: string; labelHeaders: string[]; columns: readonly ColumnKey[]; rows: BreakdownRow[]; total?: { label: string; figures: FigureCounts; watch?: Watch } | null; testId?: string }) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const cells = (figures: FigureCounts, watch?: Watch) => props.columns.map((c) => formatColumn(format, c, columnValue(c, figures, watch)));
  return (
    <FiguresTable
      caption={props.caption}
      labelHeaders={props.labelHeaders}
      columns={props.columns.map((c) => ({ key: c, header: t(`columns.${c}`) }))}
      rows={props.rows.map((r) => ({ key: r.key, labels: r.labels, cells: cells(r.figures, r.watch) }))}
      total={props.total && { label: props.total.label, cells: cells(props.total.figures, props.total.watch) }}
      testId={props.testId}
    />
  );
}
