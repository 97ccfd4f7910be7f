"use client";
// A one-button form for a server action (submit, withdraw, reuse a file …) with its own message.
import { useActionState } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

export type ActionFormState = { ok: true; data: unknown } | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;
/** A server action as forms call it: previous state and the form's data. */
export type FormAction = (prev: ActionFormState, formData: FormData) => Promise<ActionFormState>;
type State = ActionFormState;

export function ActionForm({
  action,
  fields,
  label,
  done,
  select,
  testId,
  variant,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  fields: Record<string, string>;
  label: string;
  /** Shown after success (the page refreshes with the new state as well). */
  done?: string;
  /** An optional choice to send along, e.g. which earlier file to reuse. */
  select?: { name: string; label: string; options: { value: string; label: string }[] };
  testId?: string;
  variant?: "primary" | "secondary";
}) {
  const [state, formAction] = useActionState(action, null);
  const selectId = select ? `${testId ?? "action"}-${select.name}` : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-2" data-testid={testId}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {select && (
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="text-sm font-medium">
            {select.label}
          </label>
          <select id={selectId} name={select.name} className="rounded border border-slate-500 bg-white px-2 py-1 text-sm">
            {select.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <SubmitButton variant={variant}>{label}</SubmitButton>
      </div>
      {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
      {state?.ok && done && <Notice kind="success">{done}</Notice>}
    </form>
  );
}
