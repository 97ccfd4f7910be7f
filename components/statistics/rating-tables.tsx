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
import { FiguresTable } from "./figures-table";
import { formatShare } from "./format";

type Labelled<T> = { key: string; labels: React.ReactNode[]; value: T };
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
