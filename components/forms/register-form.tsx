"use client";
// Applicant registration form for a person or an enterprise; field errors sit beside their fields.
import Link from "@/components/ui/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type State =
  | { ok: true; data: { loginId: string } }
  | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> }
  | null;

export type RegisterLabels = Record<
  "name" | "enterpriseName" | "residentId" | "creditCode" | "contactName" | "phone" | "password" | "passwordHint" | "submit" | "done" | "signIn",
  string
>;

export function RegisterForm({
  type,
  action,
  labels,
  withPassword = true,
  defaults = {},
}: {
  type: "PERSON" | "ENTERPRISE";
  action: (prev: State, formData: FormData) => Promise<State>;
  labels: RegisterLabels;
  /** false at the window: a clerk registers a walk-in applicant, who sets a password later. */
  withPassword?: boolean;
  /** Values already known (the ID the window looked up), until the form's own values come back. */
  defaults?: Record<string, string>;
}) {
  const [state, formAction] = useActionState(action, null);
  if (state?.ok) {
    return (
      <Notice kind="success">
        {labels.done.replace("{loginId}", state.data.loginId)}{" "}
        <Link href="/login" className="underline">
          {labels.signIn}
        </Link>
      </Notice>
    );
  }
  const err = state && !state.ok ? state.fieldErrors : {};
  const val = state && !state.ok ? state.values : defaults;
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-4" noValidate>
      {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
      <input type="hidden" name="applicantType" value={type} />
      {type === "PERSON" ? (
        <>
          <Field name="name" label={labels.name} error={err.name} defaultValue={val.name} required autoComplete="name" />
          <Field name="residentId" label={labels.residentId} error={err.residentId} defaultValue={val.residentId} required />
        </>
      ) : (
        <>
          <Field name="name" label={labels.enterpriseName} error={err.name} defaultValue={val.name} required autoComplete="organization" />
          <Field name="creditCode" label={labels.creditCode} error={err.creditCode} defaultValue={val.creditCode} required />
          <Field name="contactName" label={labels.contactName} error={err.contactName} defaultValue={val.contactName} required autoComplete="name" />
        </>
      )}
      <Field name="phone" label={labels.phone} type="tel" inputMode="tel" error={err.phone} defaultValue={val.phone} required autoComplete="tel" />
      {withPassword && (
        <Field name="password" label={labels.password} hint={labels.passwordHint} type="password" error={err.password} required autoComplete="new-password" />
      )}
      <div>
        <SubmitButton>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
