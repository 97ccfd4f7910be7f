"use client";
// Administrator's form to load a new year of the State Council's holiday notice.
import { useActionState } from "react";
import { Field, TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type State = { ok: true; data: { year: number } } | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;

export function CalendarYearForm({ action, labels }: { action: (prev: State, fd: FormData) => Promise<State>; labels: Record<"year" | "off" | "offHint" | "work" | "workHint" | "source" | "submit" | "added", string> }) {
  const [state, formAction] = useActionState(action, null);
  const err = state && !state.ok ? state.fieldErrors : {};
  const val = state && !state.ok ? state.values : {};
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-4" noValidate>
      {state?.ok && <Notice kind="success">{labels.added.replace("{year}", String(state.data.year))}</Notice>}
      {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
      <Field name="year" label={labels.year} error={err.year} defaultValue={val.year} inputMode="numeric" required />
      <TextAreaField name="off" label={labels.off} hint={labels.offHint} error={err.off} defaultValue={val.off} rows={5} required />
      <TextAreaField name="work" label={labels.work} hint={labels.workHint} error={err.work} defaultValue={val.work} rows={3} />
      <Field name="source" label={labels.source} error={err.source} defaultValue={val.source} required />
      <div>
        <SubmitButton>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
