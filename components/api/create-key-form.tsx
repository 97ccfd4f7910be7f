"use client";
// Creates an API key and shows it ONCE, with a note to copy it now; afterwards only its prefix is
// ever shown again. Optional department choice and scope checkboxes (the administrator's form).
import { useActionState } from "react";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionFormState } from "@/components/applications/action-form";

export function CreateKeyForm({
  action,
  labels,
  departments,
  scopes,
  testId,
}: {
  action: (prev: ActionFormState, formData: FormData) => Promise<ActionFormState>;
  labels: { name: string; nameHint: string; submit: string; shownOnce: string; keyLabel: string; department?: string; chooseDepartment?: string; scopes?: string; rate?: string; rateHint?: string };
  departments?: { value: string; label: string }[];
  scopes?: { value: string; label: string }[];
  testId: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  const created = state?.ok ? (state.data as { key: string; prefix: string }) : null;
  return (
    <form action={formAction} className="flex flex-col gap-3" data-testid={testId}>
      <Field id={`${testId}-name`} name="name" label={labels.name} hint={labels.nameHint} error={errors.name} defaultValue={values.name} />
      {departments && (
        <SelectField
          id={`${testId}-department`}
          name="departmentId"
          label={labels.department}
          error={errors.departmentId}
          defaultValue={values.departmentId}
          options={[{ value: "", label: labels.chooseDepartment ?? "" }, ...departments]}
        />
      )}
      {scopes && (
        <fieldset className="flex flex-col gap-1" aria-describedby={errors.scopes ? `${testId}-scopes-error` : undefined}>
          <legend className="font-medium">{labels.scopes}</legend>
          {scopes.map((s) => (
            <label key={s.value} className="flex items-center gap-2">
              <input type="checkbox" name={`scope.${s.value}`} value="on" defaultChecked={values[`scope.${s.value}`] === "on"} className="h-4 w-4" />
              <span>{s.label}</span>
            </label>
          ))}
          {errors.scopes && (
            <p id={`${testId}-scopes-error`} className="text-sm text-red-800">
              {errors.scopes}
            </p>
          )}
        </fieldset>
      )}
      {labels.rate && <Field id={`${testId}-rate`} name="ratePerMinute" label={labels.rate} hint={labels.rateHint} error={errors.ratePerMinute} defaultValue={values.ratePerMinute} inputMode="numeric" />}
      <div>
        <SubmitButton>{labels.submit}</SubmitButton>
      </div>
      {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
      {created && (
        <Notice kind="success">
          <p>{labels.shownOnce}</p>
          <label htmlFor={`${testId}-key`} className="sr-only">
            {labels.keyLabel}
          </label>
          <input id={`${testId}-key`} readOnly value={created.key} className="mt-1 w-full rounded border border-slate-400 bg-white p-2 font-mono text-sm" data-testid="new-api-key" onFocus={(e) => e.currentTarget.select()} />
        </Notice>
      )}
    </form>
  );
}
