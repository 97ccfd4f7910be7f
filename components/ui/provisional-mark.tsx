// The visible "provisional" mark beside a date counted over a year whose holiday notice is not out
// yet; the reason is read out to screen readers and shown on hover.
export function ProvisionalMark({ label, hint }: { label: string; hint: string }) {
  return (
    <span className="ml-1 rounded border border-amber-700 bg-amber-50 px-1 text-sm text-amber-950" title={hint} data-testid="provisional">
      {label}
      <span className="sr-only">：{hint}</span>
    </span>
  );
}
