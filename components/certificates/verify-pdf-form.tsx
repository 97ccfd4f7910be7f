"use client";
// Upload a certificate PDF and be told whether it is byte for byte one the bureau issued.
import Link from "@/components/ui/link";
import { useActionState } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type Result = { issued: false } | { issued: true; identifier: string; verdict: string; number: string; recordSignatureValid: boolean };
type State = { ok: true; data: Result } | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;

export function VerifyPdfForm({ action, labels }: { action: (prev: State, fd: FormData) => Promise<State>; labels: { file: string; check: string; issued: string; notIssued: string; verdicts: Record<string, string> } }) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-3" data-testid="verify-pdf-form">
      {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
      <div className="flex flex-col gap-1">
        <label htmlFor="verify-file" className="font-medium">
          {labels.file}
        </label>
        <input id="verify-file" name="file" type="file" accept="application/pdf,.pdf" required className="rounded border border-slate-500 bg-white px-3 py-2" />
      </div>
      <div>
        <SubmitButton>{labels.check}</SubmitButton>
      </div>
      {state?.ok && (
        <div data-testid="verify-pdf-result" data-issued={state.data.issued ? "yes" : "no"}>
          {state.data.issued ? (
            <Notice kind={state.data.verdict === "valid" || state.data.verdict === "document" ? "success" : "error"}>
              {labels.issued} {labels.verdicts[state.data.verdict]}{" "}
              <Link href={`/verify/${encodeURIComponent(state.data.identifier)}`} className="underline">
                {state.data.number}
              </Link>
            </Notice>
          ) : (
            <Notice kind="error">{labels.notIssued}</Notice>
          )}
        </div>
      )}
    </form>
  );
}
