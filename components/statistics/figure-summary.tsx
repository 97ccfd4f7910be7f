// A period's headline figures: label, value and an optional detail each, as a description list.
export function FigureSummary({ items, testId }: { items: [label: string, value: React.ReactNode, detail?: React.ReactNode][]; testId: string }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3" data-testid={testId}>
      {items.map(([label, value, detail]) => (
        <div key={label} className="rounded border border-slate-200 p-3">
          <dt className="text-sm text-slate-700">{label}</dt>
          <dd className="text-xl font-semibold tabular-nums">
            {value}
            {detail && <span className="ml-2 text-sm font-normal text-slate-700">{detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
