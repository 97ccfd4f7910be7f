"use client";
// Forgotten password, or claiming an account the window or an enterprise made for you: ask for a
// code (sent to the phone on record; the answer is the same whether the account exists), then set
// the password with it.
import Link from "@/components/ui/link";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type Failure = { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> };
type RequestState = { ok: true; data: { loginId: string; purpose: string } } | Failure | null;
type ResetState = { ok: true; data: { loginId: string } } | Failure | null;

export type ResetPasswordLabels = Record<"loginId" | "loginIdHint" | "send" | "sent" | "code" | "codeHint" | "password" | "passwordHint" | "submit" | "done" | "signIn" | "resend", string>;

export function ResetPasswordForm({
  purpose,
  request,
  reset,
  labels,
}: {
  purpose: "RESET" | "CLAIM";
  request: (prev: RequestState, formData: FormData) => Promise<RequestState>;
  reset: (prev: ResetState, formData: FormData) => Promise<ResetState>;
  labels: ResetPasswordLabels;
}) {
  const [sent, requestAction] = useActionState(request, null);
  const [done, resetAction] = useActionState(reset, null);
  if (done?.ok) {
    return (
      <Notice kind="success">
        {labels.done}{" "}
        <Link href="/login" className="underline">
          {labels.signIn}
        </Link>
      </Notice>
    );
  }
  const loginId = sent?.ok ? sent.data.loginId : "";
  const failed = done && !done.ok ? done : null;
  return (
    <div className="flex max-w-md flex-col gap-6">
      <form action={requestAction} className="flex flex-col gap-4" noValidate data-testid="request-code">
        <input type="hidden" name="purpose" value={purpose} />
        <Field name="loginId" label={labels.loginId} hint={labels.loginIdHint} defaultValue={sent && !sent.ok ? sent.values.loginId : loginId} error={sent && !sent.ok ? (sent.fieldErrors.loginId ?? sent.message) : undefined} required />
        <div>
          <SubmitButton variant={sent?.ok ? "secondary" : "primary"}>{sent?.ok ? labels.resend : labels.send}</SubmitButton>
        </div>
        {sent?.ok && <Notice kind="info">{labels.sent}</Notice>}
      </form>
      {sent?.ok && (
        <form action={resetAction} className="flex flex-col gap-4" noValidate data-testid="reset-with-code">
          <input type="hidden" name="loginId" value={loginId} />
          {failed && <Notice kind="error">{failed.message}</Notice>}
          <Field name="code" label={labels.code} hint={labels.codeHint} inputMode="numeric" autoComplete="one-time-code" error={failed?.fieldErrors.code} required />
          <Field name="password" label={labels.password} hint={labels.passwordHint} type="password" autoComplete="new-password" error={failed?.fieldErrors.password} required />
          <div>
            <SubmitButton>{labels.submit}</SubmitButton>
          </div>
        </form>
      )}
    </div>
  );
}
