// One breakdown of the figures (by section, item or member of staff) as a table: the names that
// identify each row, then the breakdown's columns; a total row where the rows add up to the bureau.
import { getFormatter, getTranslations } from "next-intl/server";
import { columnValue, type ColumnKey, type FigureCounts, type Watch } from "@/lib/domain/statistics/figures";
import { formatColumn } from "./format";

export type BreakdownRow = { key: string; labels: React.ReactNode[]; figures: FigureCounts; watch?: Watch };

export async function BreakdownTable(props: { caption: string; labelHeaders: string[]; columns: readonly ColumnKey[]; rows: BreakdownRow[]; total?: { label: string; figures: FigureCounts; watch?: Watch } | null; testId?: string }) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const cells = (figures: FigureCounts, watch?: Watch) =>
    props.columns.map((c) => (
      <td key={c} className="py-2 pr-3 text-right tabular-nums">
        {formatColumn(format, c, columnValue(c, figures, watch))}
      </td>
    ));
  return (
    // Focusable, so the wide table can be scrolled from the keyboard.
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={props.caption}>
      <table className="w-max min-w-full border-collapse text-left text-sm" data-testid={props.testId}>
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 align-bottom">
            {props.labelHeaders.map((h) => (
              <th key={h} scope="col" className="min-w-32 py-2 pr-3">
                {h}
              </th>
            ))}
            {props.columns.map((c) => (
              <th key={c} scope="col" className="max-w-28 py-2 pr-3 text-right font-semibold">
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key} className="border-b border-slate-200 align-top">
              {r.labels.map((l, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="max-w-72 py-2 pr-3 font-normal">
                    {l}
                  </th>
                ) : (
                  <td key={i} className="py-2 pr-3">
                    {l}
                  </td>
                ),
              )}
              {cells(r.figures, r.watch)}
            </tr>
          ))}
        </tbody>
        {props.total && (
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold">
              <th scope="row" className="py-2 pr-3" colSpan={props.labelHeaders.length}>
                {props.total.label}
              </th>
              {cells(props.total.figures, props.total.watch)}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
