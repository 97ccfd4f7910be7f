"use client";
// A small form for one server action (submit, withdraw, reuse a file, review, suspend …): hidden
// fields, optional labelled inputs, one button, and its own message. Input ids are prefixed, so
// several such forms on one page never share an id.
import { useActionState } from "react";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

export type ActionFormState = { ok: true; data: unknown; message?: string } | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;
/** A server action as forms call it: previous state and the form's data. */
export type FormAction = (prev: ActionFormState, formData: FormData) => Promise<ActionFormState>;
type State = ActionFormState;

export type ActionInput = {
  name: string;
  label: React.ReactNode;
  kind: "text" | "textarea" | "select" | "number" | "checkbox" | "file";
  options?: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
};

export function ActionForm({
  action,
  fields,
  label,
  done,
  select,
  inputs = [],
  testId,
  variant,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  fields: Record<string, string>;
  label: string;
  /** Shown after success (the page refreshes with the new state as well). */
  done?: string;
  /** An optional choice to send along, e.g. which earlier file to reuse. */
  select?: { name: string; label: React.ReactNode; options: { value: string; label: string }[] };
  inputs?: ActionInput[];
  testId?: string;
  variant?: "primary" | "secondary";
}) {
  const [state, formAction] = useActionState(action, null);
  const prefix = testId ?? "action";
  const all: ActionInput[] = [...(select ? [{ ...select, kind: "select" as const }] : []), ...inputs];
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  return (
    <form action={formAction} className="flex flex-col gap-2" data-testid={testId}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {all.map((input) => {
        const common = { id: `${prefix}-${input.name}`, name: input.name, label: input.label, hint: input.hint, error: errors[input.name], defaultValue: values[input.name] ?? input.defaultValue };
        if (input.kind === "checkbox") {
          const id = `${prefix}-${input.name}`;
          return (
            <div key={input.name} className="flex flex-col gap-1">
              <label htmlFor={id} className="flex items-start gap-2">
                <input id={id} type="checkbox" name={input.name} value="on" defaultChecked={(state && !state.ok ? values[input.name] : input.defaultValue) === "on"} aria-invalid={errors[input.name] ? true : undefined} aria-describedby={errors[input.name] ? `${id}-error` : undefined} className="mt-1 h-4 w-4" />
                <span>{input.label}</span>
              </label>
              {errors[input.name] && (
                <p id={`${id}-error`} className="text-sm text-red-800">
                  {errors[input.name]}
                </p>
              )}
            </div>
          );
        }
        if (input.kind === "file") {
          const id = `${prefix}-${input.name}`;
          return (
            <div key={input.name} className="flex flex-col gap-1">
              <label htmlFor={id} className="font-medium">
                {input.label}
              </label>
              {input.hint && (
                <p id={`${id}-hint`} className="text-sm text-slate-700">
                  {input.hint}
                </p>
              )}
              <input id={id} type="file" name={input.name} accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby={[input.hint ? `${id}-hint` : "", errors[input.name] ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined} aria-invalid={errors[input.name] ? true : undefined} className="text-sm" />
              {errors[input.name] && (
                <p id={`${id}-error`} className="text-sm text-red-800">
                  {errors[input.name]}
                </p>
              )}
            </div>
          );
        }
        return input.kind === "select" ? (
          <SelectField key={input.name} {...common} options={input.options ?? []} />
        ) : input.kind === "textarea" ? (
          <TextAreaField key={input.name} {...common} />
        ) : (
          <Field key={input.name} {...common} type={input.kind === "number" ? "number" : "text"} />
        );
      })}
      <div>
        <SubmitButton variant={variant}>{label}</SubmitButton>
      </div>
      {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
      {state?.ok && (state.message ?? done) && <Notice kind="success">{state.message ?? done}</Notice>}
    </form>
  );
}
