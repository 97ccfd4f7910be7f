"use client";
// Sign-in form; keeps the typed account on failure and announces the error.
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type LoginState = { message: string; loginId: string } | null;

export function LoginForm({
  action,
  callbackUrl,
  labels,
}: {
  action: (prev: LoginState, formData: FormData) => Promise<LoginState>;
  callbackUrl?: string;
  labels: { loginId: string; loginIdHint: string; password: string; submit: string };
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-4">
      {state?.message && <Notice kind="error">{state.message}</Notice>}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field name="loginId" label={labels.loginId} hint={labels.loginIdHint} defaultValue={state?.loginId} required autoComplete="username" />
      <Field name="password" label={labels.password} type="password" required autoComplete="current-password" />
      <div>
        <SubmitButton>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
