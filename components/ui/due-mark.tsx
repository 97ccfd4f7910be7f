// A due-date mark as the queues show it: red when overdue, yellow when due soon, grey while the
// clock is suspended — written out too, so it does not rely on colour alone.
const TONE = {
  overdue: "bg-red-100 text-red-950 border-red-700",
  soon: "bg-amber-100 text-amber-950 border-amber-700",
  suspended: "bg-slate-100 text-slate-900 border-slate-500",
  ok: "bg-white text-slate-900 border-slate-300",
} as const;

export type DueMarkKind = keyof typeof TONE;

export function DueMark({ mark, label }: { mark: DueMarkKind; label: string }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${TONE[mark]}`}>{label}</span>;
}
