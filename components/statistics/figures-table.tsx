// A table of figures: the names that identify each row (the first one is the row's header), then
// the figures' columns, already formatted; a total row where the rows add up to the bureau. A real
// table with a caption and headers; a wide one scrolls from the keyboard (the frame is focusable).
// The dashboard's breakdowns and the rating and complaint figures are all drawn by it.

export type FigureColumn = { key: string; header: string };

export function FiguresTable(props: { caption: string; labelHeaders: string[]; columns: FigureColumn[]; rows: { key: string; labels: React.ReactNode[]; cells: string[] }[]; total?: { label: string; cells: string[] } | null; testId?: string }) {
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
