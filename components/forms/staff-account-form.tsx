"use client";
// Form for an administrator to create a staff account.
import { useActionState } from "react";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type State =
  | { ok: true; data: { loginId: string } }
  | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> }
  | null;

export function StaffAccountForm({
  action,
  roles,
  sections,
  labels,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  roles: { value: string; label: string }[];
  sections: { value: string; label: string }[];
  labels: Record<"loginId" | "name" | "role" | "section" | "password" | "submit" | "created", string>;
}) {
  const [state, formAction] = useActionState(action, null);
  const err = state && !state.ok ? state.fieldErrors : {};
  const val = state && !state.ok ? state.values : {};
  return (
    <form action={formAction} className="grid gap-4 md:grid-cols-2" noValidate>
      <div className="md:col-span-2">
        {state?.ok && <Notice kind="success">{labels.created.replace("{loginId}", state.data.loginId)}</Notice>}
        {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
      </div>
      <Field name="loginId" label={labels.loginId} error={err.loginId} defaultValue={val.loginId} required />
      <Field name="name" label={labels.name} error={err.name} defaultValue={val.name} required />
      <SelectField name="role" label={labels.role} options={roles} defaultValue={val.role} error={err.role} />
      <SelectField name="sectionId" label={labels.section} options={sections} defaultValue={val.sectionId} error={err.sectionId} />
      <Field name="password" label={labels.password} type="password" error={err.password} required autoComplete="new-password" />
      <div className="md:col-span-2">
        <SubmitButton>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
