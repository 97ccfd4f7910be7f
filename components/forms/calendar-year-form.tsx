"use client";
// Administrator's form to load (or correct) a year of the State Council's holiday notice: first a
// preview of how many open cases move and by how much, then the confirmation that publishes it.
import { useActionState, useEffect, useState } from "react";
import { Field, TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { TableHead } from "@/components/ui/table-head";
import { fillTemplate } from "@/lib/i18n/fill-template";
import { dataLang } from "@/components/ui/data";

type Move = { field: "promisedDue" | "statutoryDue" | "owedBy"; from: string; to: string; shift: number };
type Summary = { year: number; replaces: boolean; unchanged: boolean; openCases: number; moved: number; shifts: { days: number; cases: number }[]; sample: { number: string; itemName: string; moves: Move[] }[] };
type Values = Record<"year" | "off" | "work" | "source", string>;
type State =
  | { ok: true; data: { published: boolean; values: Values; summary: Summary } }
  | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> }
  | null;

export type CalendarYearLabels = Record<
  | "year" | "off" | "offHint" | "work" | "workHint" | "source" | "submit" | "confirm" | "added" | "unchangedDone" | "previewTitle" | "previewOpen"
  | "previewReplaces" | "previewShift" | "previewShiftEarlier" | "previewSample" | "previewNone" | "field" | "from" | "to",
  string
> & { fields: Record<Move["field"], string>; number: string; item: string };

export function CalendarYearForm({ action, labels }: { action: (prev: State, fd: FormData) => Promise<State>; labels: CalendarYearLabels }) {
  const [state, formAction] = useActionState(action, null);
  // Editing a field after a preview asks for a new preview before anything is published.
  const [edited, setEdited] = useState(false);
  useEffect(() => setEdited(false), [state]);
  const err = state && !state.ok ? state.fieldErrors : {};
  const val: Partial<Values> = state ? (state.ok ? state.data.values : state.values) : {};
  const preview = state?.ok && !state.data.published && !edited ? state.data.summary : null;
  const done = state?.ok && state.data.published ? state.data.summary : null;
  const fill = (template: string, values: Record<string, string | number>) => fillTemplate(template, values);
  return (
    <form action={formAction} onChange={() => setEdited(true)} className="flex max-w-3xl flex-col gap-4" noValidate key={JSON.stringify(val)}>
      {done && (
        <Notice kind="success">{done.unchanged && done.moved === 0 ? fill(labels.unchangedDone, { year: done.year }) : fill(labels.added, { year: done.year, moved: done.moved })}</Notice>
      )}
      {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
      <Field name="year" label={labels.year} error={err.year} defaultValue={val.year} inputMode="numeric" required />
      <TextAreaField name="off" label={labels.off} hint={labels.offHint} error={err.off} defaultValue={val.off} rows={5} required />
      <TextAreaField name="work" label={labels.work} hint={labels.workHint} error={err.work} defaultValue={val.work} rows={3} />
      <Field name="source" label={labels.source} error={err.source} defaultValue={val.source} required />
      <input type="hidden" name="confirm" value={preview ? "1" : "0"} />
      {preview && (
        <section aria-labelledby="calendar-preview-title" className="rounded border border-amber-700 bg-amber-50 p-4" data-testid="calendar-preview">
          <h3 id="calendar-preview-title" className="mb-2 font-semibold">
            {fill(labels.previewTitle, { year: preview.year })}
          </h3>
          {preview.replaces && <p>{labels.previewReplaces}</p>}
          <p data-testid="calendar-preview-counts">{fill(labels.previewOpen, { open: preview.openCases, moved: preview.moved })}</p>
          {preview.moved === 0 ? (
            <p>{labels.previewNone}</p>
          ) : (
            <>
              <ul className="list-disc pl-6">
                {preview.shifts.map((s) => (
                  <li key={s.days}>{fill(s.days >= 0 ? labels.previewShift : labels.previewShiftEarlier, { cases: s.cases, days: Math.abs(s.days) })}</li>
                ))}
              </ul>
              <div className="mt-3 overflow-x-auto">
                <table className="w-full border-collapse text-left text-sm">
                  <caption className="mb-1 text-left font-semibold">{labels.previewSample}</caption>
                  <TableHead columns={[labels.number, labels.item, labels.field, labels.from, labels.to]} />
                  <tbody>
                    {preview.sample.flatMap((c) =>
                      c.moves.map((m) => (
                        <tr key={`${c.number}-${m.field}`} className="border-b border-amber-200">
                          <td className="py-1 pr-2 font-mono">{c.number}</td>
                          <td className="py-1 pr-2" {...dataLang(c.itemName)}>{c.itemName}</td>
                          <td className="py-1 pr-2">{labels.fields[m.field]}</td>
                          <td className="py-1 pr-2">{m.from}</td>
                          <td className="py-1 pr-2">{m.to}</td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      )}
      <div>
        <SubmitButton>{preview ? labels.confirm : labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
