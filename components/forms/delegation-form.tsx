"use client";
// The director's grant of a delegation (一纸授权): to a person or a role, for sections or listed
// items, for instant items only or promised ones too, for a period.
import { useActionState } from "react";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { Data } from "@/components/ui/data";

type State = { ok: true; data: { number: string } } | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;

export type DelegationFormLabels = Record<
  "grantee" | "sections" | "itemCodes" | "itemCodesHint" | "scope" | "INSTANT_ONLY" | "INSTANT_AND_PROMISED" | "validFrom" | "validTo" | "note" | "submit" | "granted",
  string
>;

export function DelegationForm({
  action,
  grantees,
  sections,
  labels,
  today,
}: {
  action: (prev: State, fd: FormData) => Promise<State>;
  grantees: { value: string; label: string }[];
  sections: { id: string; name: string }[];
  labels: DelegationFormLabels;
  today: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const err = state && !state.ok ? state.fieldErrors : {};
  const val = state && !state.ok ? state.values : {};
  return (
    <form action={formAction} className="grid gap-4 md:grid-cols-2" noValidate data-testid="delegation-form">
      <div className="md:col-span-2">
        {state?.ok && <Notice kind="success">{labels.granted.replace("{number}", state.data.number)}</Notice>}
        {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
      </div>
      <SelectField name="grantee" label={labels.grantee} options={grantees} defaultValue={val.grantee} error={err.grantee} />
      <SelectField
        name="scope"
        label={labels.scope}
        options={[
          { value: "INSTANT_ONLY", label: labels.INSTANT_ONLY },
          { value: "INSTANT_AND_PROMISED", label: labels.INSTANT_AND_PROMISED },
        ]}
        defaultValue={val.scope ?? "INSTANT_ONLY"}
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="font-medium">{labels.sections}</legend>
        {sections.map((s) => (
          <label key={s.id} className="flex items-center gap-2">
            <input type="checkbox" name="sectionIds" value={s.id} />
            <Data>{s.name}</Data>
          </label>
        ))}
      </fieldset>
      <TextAreaField name="itemCodes" label={labels.itemCodes} hint={labels.itemCodesHint} defaultValue={val.itemCodes} error={err.itemCodes} rows={4} />
      <Field name="validFrom" label={labels.validFrom} type="date" defaultValue={val.validFrom ?? today} error={err.validFrom} />
      <Field name="validTo" label={labels.validTo} type="date" defaultValue={val.validTo ?? `${Number(today.slice(0, 4))}-12-31`} error={err.validTo} />
      <div className="md:col-span-2">
        <Field name="note" label={labels.note} defaultValue={val.note} />
      </div>
      <div className="md:col-span-2">
        <SubmitButton>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
