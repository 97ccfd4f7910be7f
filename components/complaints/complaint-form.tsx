"use client";
// The complaint form (投诉): category, what happened, the application it concerns, name and phone,
// up to three files. On success it shows the complaint's number and its progress link; on failure
// everything typed stays (files must be chosen again: browsers never refill a file input).
import { useActionState } from "react";
import Link from "@/components/ui/link";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type Filed = { number: string; path: string };
type State = { ok: true; data: Filed } | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;

export type ComplaintFormLabels = {
  category: string;
  categories: { value: string; label: string }[];
  text: string;
  textHint: string;
  applicationNumber: string;
  applicationNumberHint: string;
  name: string;
  phone: string;
  phoneHint: string;
  attachments: string;
  attachmentsHint: string;
  submit: string;
  filed: string;
  keepNumber: string;
  open: string;
};

export function ComplaintForm({ action, labels, defaults }: { action: (prev: State, fd: FormData) => Promise<State>; labels: ComplaintFormLabels; defaults: { name: string; phone: string } }) {
  const [state, formAction] = useActionState(action, null);
  const err = state && !state.ok ? state.fieldErrors : {};
  const val: Record<string, string | undefined> = state && !state.ok ? state.values : {};
  if (state?.ok) {
    return (
      <section aria-live="polite" className="flex flex-col gap-2 rounded border border-green-700 bg-green-50 p-5" data-testid="complaint-filed">
        <p>
          {labels.filed} <span className="font-mono text-lg font-semibold" data-testid="complaint-number">{state.data.number}</span>
        </p>
        <p>{labels.keepNumber}</p>
        <p>
          <Link href={state.data.path} className="text-blue-800 underline" data-testid="complaint-link">
            {labels.open}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-4" noValidate data-testid="complaint-form">
      {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
      <SelectField name="category" label={labels.category} options={labels.categories} error={err.category} defaultValue={val.category} />
      <TextAreaField name="text" label={labels.text} hint={labels.textHint} error={err.text} defaultValue={val.text} rows={6} required />
      <Field name="applicationNumber" label={labels.applicationNumber} hint={labels.applicationNumberHint} error={err.applicationNumber} defaultValue={val.applicationNumber} />
      <Field name="name" label={labels.name} error={err.name} defaultValue={val.name ?? defaults.name} autoComplete="name" />
      <Field name="phone" label={labels.phone} hint={labels.phoneHint} error={err.phone} defaultValue={val.phone ?? defaults.phone} type="tel" inputMode="tel" autoComplete="tel" />
      <div className="flex flex-col gap-1">
        <label htmlFor="field-attachments" className="font-medium">
          {labels.attachments}
        </label>
        <p id="field-attachments-hint" className="text-sm text-slate-600">
          {labels.attachmentsHint}
        </p>
        <input
          id="field-attachments"
          name="attachments"
          type="file"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          aria-describedby={err.attachments ? "field-attachments-hint field-attachments-error" : "field-attachments-hint"}
          aria-invalid={err.attachments ? true : undefined}
        />
        {err.attachments && (
          <p id="field-attachments-error" className="text-sm text-red-800">
            {err.attachments}
          </p>
        )}
      </div>
      <div>
        <SubmitButton>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
