"use client";
// The public progress lookup form and its answer: state and dates only.
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ProvisionalMark } from "@/components/ui/provisional-mark";
import { SubmitButton } from "@/components/ui/submit-button";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";

type Query = { query: { number: string; idTail: string } };
type Found = Query & { found: true; number: string; itemName: string; state: string; submittedAt: string | null; acceptedAt: string | null; promisedDue: string | null; statutoryDue: string | null; provisional: { promisedDue: boolean; statutoryDue: boolean } };
type State = { ok: true; data: Found | (Query & { found: false }) } | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;

export type ProgressLabels = Record<"number" | "numberHint" | "idTail" | "idTailHint" | "submit" | "notFound" | "item" | "state" | "submittedAt" | "acceptedAt" | "promisedDue" | "statutoryDue" | "provisional" | "provisionalHint", string>;

export function ProgressLookup({ action, labels, states }: { action: (prev: State, fd: FormData) => Promise<State>; labels: ProgressLabels; states: Record<string, string> }) {
  const [state, formAction] = useActionState(action, null);
  const err = state && !state.ok ? state.fieldErrors : {};
  const val: Record<string, string | undefined> = state ? (state.ok ? state.data.query : state.values) : {};
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString("zh-CN", { timeZone: BUREAU_TIME_ZONE }) : "—");
  return (
    <div className="flex flex-col gap-4">
      <form action={formAction} className="flex max-w-md flex-col gap-4" noValidate>
        {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
        <Field name="number" label={labels.number} hint={labels.numberHint} error={err.number} defaultValue={val.number} required />
        <Field name="idTail" label={labels.idTail} hint={labels.idTailHint} error={err.idTail} defaultValue={val.idTail} required autoComplete="off" />
        <div>
          <SubmitButton>{labels.submit}</SubmitButton>
        </div>
      </form>
      {state?.ok && !state.data.found && <Notice kind="info">{labels.notFound}</Notice>}
      {state?.ok && state.data.found && (
        <section aria-live="polite" className="rounded border border-slate-200 bg-white p-5" data-testid="progress-result">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt>{labels.number}</dt>
            <dd className="font-mono">{state.data.number}</dd>
            <dt>{labels.item}</dt>
            <dd>{state.data.itemName}</dd>
            <dt>{labels.state}</dt>
            <dd data-testid="progress-state">{states[state.data.state] ?? state.data.state}</dd>
            <dt>{labels.submittedAt}</dt>
            <dd>{day(state.data.submittedAt)}</dd>
            <dt>{labels.acceptedAt}</dt>
            <dd>{day(state.data.acceptedAt)}</dd>
            <dt>{labels.promisedDue}</dt>
            <dd>
              {state.data.promisedDue ?? "—"}
              {state.data.provisional.promisedDue && <ProvisionalMark label={labels.provisional} hint={labels.provisionalHint} />}
            </dd>
            <dt>{labels.statutoryDue}</dt>
            <dd>
              {state.data.statutoryDue ?? "—"}
              {state.data.provisional.statutoryDue && <ProvisionalMark label={labels.provisional} hint={labels.provisionalHint} />}
            </dd>
          </dl>
        </section>
      )}
    </div>
  );
}
