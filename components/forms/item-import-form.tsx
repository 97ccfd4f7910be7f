"use client";
// Upload form for a published item list, and the per-row report of what the import did.
import { fillTemplate } from "@/lib/i18n/fill-template";
import { useActionState } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TableHead } from "@/components/ui/table-head";

type Row = { row: number; action: "create" | "update" | "skip" | "error"; code: string; reason: string; detail: string };
type Report = { applied: boolean; counts: Record<"create" | "update" | "skip" | "error", number>; rows: Row[] };
type State = { ok: true; data: Report } | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;

export function ItemImportForm({
  action,
  labels,
  reasons,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  labels: Record<string, string>;
  reasons: Record<string, string>;
}) {
  const [state, formAction] = useActionState(action, null);
  const report = state?.ok ? state.data : null;
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="flex flex-col gap-3">
        {state && !state.ok && <Notice kind="error">{state.fieldErrors.file ?? state.message}</Notice>}
        <label htmlFor="import-file" className="font-medium">
          {labels.file}
        </label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" required className="rounded border border-slate-500 bg-white p-2" />
        <div>
          <SubmitButton>{labels.importSubmit}</SubmitButton>
        </div>
      </form>
      {report && (
        <section aria-labelledby="import-report" className="flex flex-col gap-2" data-testid="import-report">
          <h2 id="import-report" className="text-lg font-semibold">
            {labels.report}
          </h2>
          <Notice kind={report.applied ? "success" : "error"}>{fillTemplate(report.applied ? labels.applied : labels.notApplied, report.counts)}</Notice>
          {report.rows.length > 0 && (
            <div className="max-h-96 overflow-auto">
              <table className="w-full border-collapse text-left text-sm">
                <TableHead columns={[labels.row, labels.action, labels.code, labels.reason]} />
                <tbody>
                  {report.rows.map((r) => (
                    <tr key={`${r.row}-${r.code}`} className={`border-b border-slate-200 ${r.action === "error" ? "bg-red-50" : ""}`}>
                      <td className="py-1 pr-3">{r.row}</td>
                      <td className="py-1 pr-3">{labels[r.action]}</td>
                      <td className="py-1 pr-3 font-mono break-all">{r.code}</td>
                      <td className="py-1 pr-3">{fillTemplate(reasons[r.reason] ?? r.reason, { detail: r.detail })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
