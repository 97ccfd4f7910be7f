// 好差评 and complaint figures as tables: the names that identify each row, then the counts per level,
// the shares and the follow-ups (or the complaints by stage and satisfaction); a total row where the
// rows add up to the bureau. Real tables with a caption and headers; wide ones scroll from the keyboard.
import { getFormatter, getTranslations } from "next-intl/server";
import {
  COMPLAINT_COLUMNS,
  complaintColumnValue,
  RATING_COLUMNS,
  RATING_SHARE_COLUMNS,
  ratingColumnValue,
  type ComplaintCounts,
  type RatingColumn,
  type RatingRow,
} from "@/lib/domain/statistics/rating-figures";
import { formatShare } from "./format";

type Labelled<T> = { key: string; labels: React.ReactNode[]; value: T };
type Column = { key: string; header: string };

function FiguresTable(props: { caption: string; labelHeaders: string[]; columns: Column[]; rows: { key: string; labels: React.ReactNode[]; cells: string[] }[]; total?: { label: string; cells: string[] } | null; testId?: string }) {
  return (
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
              <th key={c.key} scope="col" className="max-w-28 py-2 pr-3 text-right font-semibold">
                {c.header}
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
              {r.cells.map((c, i) => (
                <td key={props.columns[i].key} className="py-2 pr-3 text-right tabular-nums">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {props.total && (
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold">
              <th scope="row" className="py-2 pr-3" colSpan={props.labelHeaders.length}>
                {props.total.label}
              </th>
              {props.total.cells.map((c, i) => (
                <td key={props.columns[i].key} className="py-2 pr-3 text-right tabular-nums">
                  {c}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** Ratings per level, shares and follow-ups, one row per item, section, window, member of staff or month. */
export async function RatingTable(props: { caption: string; labelHeaders: string[]; rows: Labelled<RatingRow>[]; total?: { label: string; value: RatingRow } | null; columns?: readonly RatingColumn[]; testId?: string }) {
  const [t, format] = await Promise.all([getTranslations("ratingFigures"), getFormatter()]);
  const columns = props.columns ?? RATING_COLUMNS;
  const cells = (row: RatingRow) =>
    columns.map((c) => {
      const v = ratingColumnValue(c, row);
      return RATING_SHARE_COLUMNS.has(c) ? formatShare(format, v) : format.number(v ?? 0);
    });
  return (
    <FiguresTable
      caption={props.caption}
      labelHeaders={props.labelHeaders}
      columns={columns.map((c) => ({ key: c, header: t(`columns.${c}`) }))}
      rows={props.rows.map((r) => ({ key: r.key, labels: r.labels, cells: cells(r.value) }))}
      total={props.total ? { label: props.total.label, cells: cells(props.total.value) } : null}
      testId={props.testId}
    />
  );
}

/** Complaints by the stage they are at now and the satisfaction given, one row per section or month. */
export async function ComplaintTable(props: { caption: string; labelHeaders: string[]; rows: Labelled<ComplaintCounts>[]; total?: { label: string; value: ComplaintCounts } | null; testId?: string }) {
  const [t, format] = await Promise.all([getTranslations("ratingFigures"), getFormatter()]);
  const cells = (c: ComplaintCounts) => COMPLAINT_COLUMNS.map((k) => format.number(complaintColumnValue(k, c)));
  return (
    <FiguresTable
      caption={props.caption}
      labelHeaders={props.labelHeaders}
      columns={COMPLAINT_COLUMNS.map((c) => ({ key: c, header: t(`complaintColumns.${c}`) }))}
      rows={props.rows.map((r) => ({ key: r.key, labels: r.labels, cells: cells(r.value) }))}
      total={props.total ? { label: props.total.label, cells: cells(props.total.value) } : null}
      testId={props.testId}
    />
  );
}
