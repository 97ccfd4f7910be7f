"use client";
// The director's grant of a delegation (一纸授权): to a person or a role, for sections or listed
// items, for instant items only or promised ones too, for a period.
import { useActionState } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type State = { ok: true; data: { number: string } } | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;

export type DelegationFormLabels = Record<
  "grantee" | "sections" | "itemCodes" | "itemCodesHint" | "scope" | "INSTANT_ONLY" | "INSTANT_AND_PROMISED" | "validFrom" | "validTo" | "note" | "submit" | "granted",
  string
>;

const control = "rounded border border-slate-500 bg-white px-3 py-2 aria-invalid:border-red-700";

function Error({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} className="text-sm text-red-800">
      {text}
    </p>
  ) : null;
}

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
  const invalid = (name: string) => (err[name] ? { "aria-invalid": true as const, "aria-describedby": `dlg-${name}-error` } : {});
  return (
    <form action={formAction} className="grid gap-4 md:grid-cols-2" noValidate data-testid="delegation-form">
      <div className="md:col-span-2">
        {state?.ok && <Notice kind="success">{labels.granted.replace("{number}", state.data.number)}</Notice>}
        {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="dlg-grantee" className="font-medium">
          {labels.grantee}
        </label>
        <select id="dlg-grantee" name="grantee" defaultValue={val.grantee} className={control} {...invalid("grantee")}>
          {grantees.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </select>
        <Error id="dlg-grantee-error" text={err.grantee} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="dlg-scope" className="font-medium">
          {labels.scope}
        </label>
        <select id="dlg-scope" name="scope" defaultValue={val.scope ?? "INSTANT_ONLY"} className={control}>
          <option value="INSTANT_ONLY">{labels.INSTANT_ONLY}</option>
          <option value="INSTANT_AND_PROMISED">{labels.INSTANT_AND_PROMISED}</option>
        </select>
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="font-medium">{labels.sections}</legend>
        {sections.map((s) => (
          <label key={s.id} className="flex items-center gap-2">
            <input type="checkbox" name="sectionIds" value={s.id} />
            {s.name}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor="dlg-itemCodes" className="font-medium">
          {labels.itemCodes}
        </label>
        <p id="dlg-itemCodes-hint" className="text-sm text-slate-600">
          {labels.itemCodesHint}
        </p>
        <textarea id="dlg-itemCodes" name="itemCodes" rows={4} defaultValue={val.itemCodes} className={control} aria-describedby={err.itemCodes ? "dlg-itemCodes-hint dlg-itemCodes-error" : "dlg-itemCodes-hint"} aria-invalid={err.itemCodes ? true : undefined} />
        <Error id="dlg-itemCodes-error" text={err.itemCodes} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="dlg-validFrom" className="font-medium">
          {labels.validFrom}
        </label>
        <input id="dlg-validFrom" name="validFrom" type="date" defaultValue={val.validFrom ?? today} className={control} {...invalid("validFrom")} />
        <Error id="dlg-validFrom-error" text={err.validFrom} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="dlg-validTo" className="font-medium">
          {labels.validTo}
        </label>
        <input id="dlg-validTo" name="validTo" type="date" defaultValue={val.validTo ?? `${Number(today.slice(0, 4))}-12-31`} className={control} {...invalid("validTo")} />
        <Error id="dlg-validTo-error" text={err.validTo} />
      </div>
      <div className="flex flex-col gap-1 md:col-span-2">
        <label htmlFor="dlg-note" className="font-medium">
          {labels.note}
        </label>
        <input id="dlg-note" name="note" defaultValue={val.note} className={control} />
      </div>
      <div className="md:col-span-2">
        <SubmitButton>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
