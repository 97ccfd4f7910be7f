"use client";
// The administrator's edit form for an item: every field of a version, material rows, publish.
import Link from "@/components/ui/link";
import { useActionState } from "react";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

type State =
  | { ok: true; data: { implementationCode: string; version: number } }
  | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> }
  | null;

export type EditableVersion = {
  implementationCode: string;
  version: number;
  name: string;
  kind: "INSTANT" | "PROMISED" | "REPORTED";
  description: string;
  eligibility: string;
  legalBasis: string;
  processSteps: string[];
  statutoryDays: number;
  promisedDays: number;
  feeNote: string;
  visitsRequired: number;
  onlineAvailable: boolean;
  demoValues: boolean;
  materials: { name: string; kind: "CORE" | "SUPPLEMENTARY"; originalRequired: boolean; copies: number; note: string; templateUrl: string; condition: string; commitmentText: string }[];
  /** The item's own application-form fields, as spec lines ("label | kind | required"). */
  formFieldSpec: string;
  /** 收费: fee lines as spec lines ("name | yuan | basis"). */
  feeLineSpec: string;
  /** The item's certificate-number prefix, and how long this version's certificates are valid. */
  certificatePrefix: string;
  certificateValidityYears: number;
};

const BLANK_ROWS = 3;

export function ItemEditForm({
  action,
  item,
  labels,
  kindOptions,
  materialKindOptions,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  item: EditableVersion;
  labels: Record<string, string>;
  kindOptions: { value: string; label: string }[];
  materialKindOptions: { value: string; label: string }[];
}) {
  const [state, formAction] = useActionState(action, null);
  if (state?.ok) {
    return (
      <Notice kind="success">
        {labels.published.replace("{version}", String(state.data.version))}{" "}
        <Link href={`/items/${encodeURIComponent(state.data.implementationCode)}`} className="underline">
          {labels.viewGuide}
        </Link>
      </Notice>
    );
  }
  const err = state && !state.ok ? state.fieldErrors : {};
  const val = state && !state.ok ? state.values : undefined;
  const v = (key: string, fallback: string) => (val ? val[key] ?? "" : fallback);
  const checked = (key: string, fallback: boolean) => (val ? val[key] === "on" : fallback);
  const rows = [...item.materials, ...Array.from({ length: BLANK_ROWS }, () => null)];
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
      <input type="hidden" name="implementationCode" value={item.implementationCode} />
      <input type="hidden" name="baseVersion" value={item.version} />
      <Field name="name" label={labels.name} defaultValue={v("name", item.name)} error={err.name} required />
      <SelectField name="kind" label={labels.kind} options={kindOptions} defaultValue={v("kind", item.kind)} error={err.kind} />
      <TextAreaField name="description" label={labels.description} defaultValue={v("description", item.description)} error={err.description} />
      <TextAreaField name="eligibility" label={labels.eligibility} defaultValue={v("eligibility", item.eligibility)} error={err.eligibility} />
      <TextAreaField name="legalBasis" label={labels.legalBasis} defaultValue={v("legalBasis", item.legalBasis)} error={err.legalBasis} />
      <TextAreaField name="processSteps" label={labels.processSteps} rows={5} defaultValue={v("processSteps", item.processSteps.join("\n"))} error={err.processSteps} />
      <TextAreaField name="formFieldSpec" label={labels.formFields} hint={labels.formFieldsHint} rows={4} defaultValue={v("formFieldSpec", item.formFieldSpec)} error={err.formFieldSpec} />
      <div className="grid gap-4 md:grid-cols-3">
        <Field name="statutoryDays" label={labels.statutoryDays} inputMode="numeric" defaultValue={v("statutoryDays", String(item.statutoryDays))} error={err.statutoryDays} />
        <Field name="promisedDays" label={labels.promisedDays} inputMode="numeric" defaultValue={v("promisedDays", String(item.promisedDays))} error={err.promisedDays} />
        <Field name="visitsRequired" label={labels.visitsRequired} inputMode="numeric" defaultValue={v("visitsRequired", String(item.visitsRequired))} error={err.visitsRequired} />
      </div>
      <Field name="feeNote" label={labels.feeNote} defaultValue={v("feeNote", item.feeNote)} error={err.feeNote} />
      <TextAreaField name="feeLineSpec" label={labels.feeLines} hint={labels.feeLinesHint} rows={3} defaultValue={v("feeLineSpec", item.feeLineSpec)} error={err.feeLineSpec} />
      <Field name="certificatePrefix" label={labels.certificatePrefix} hint={labels.certificatePrefixHint} defaultValue={v("certificatePrefix", item.certificatePrefix)} error={err.certificatePrefix} />
      <Field name="certificateValidityYears" label={labels.certificateValidityYears} hint={labels.certificateValidityYearsHint} defaultValue={v("certificateValidityYears", String(item.certificateValidityYears))} error={err.certificateValidityYears} inputMode="numeric" />
      <div className="flex flex-wrap gap-6">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="onlineAvailable" defaultChecked={checked("onlineAvailable", item.onlineAvailable)} className="h-5 w-5" />
          {labels.onlineAvailable}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="demoValues" defaultChecked={checked("demoValues", item.demoValues)} className="h-5 w-5" />
          {labels.demoValues}
        </label>
      </div>
      <fieldset className="rounded border border-slate-300 p-3" aria-describedby="materials-hint">
        <legend className="px-1 font-semibold">{labels.materials}</legend>
        <p id="materials-hint" className="mb-2 text-sm text-slate-700">
          {labels.materialsHint}
        </p>
        {err.materials && (
          <p className="mb-2 text-sm text-red-800" role="alert">
            {err.materials}
          </p>
        )}
        <div className="flex flex-col gap-3">
          {rows.map((m, i) => (
            <div key={i} className="grid gap-2 border-b border-slate-200 pb-3 md:grid-cols-[2fr_1fr_auto_5rem_2fr_2fr]" data-testid={`material-row-${i}`}>
              <Field name={`m.${i}.name`} label={`${labels.materialName} ${i + 1}`} defaultValue={v(`m.${i}.name`, m?.name ?? "")} error={err[`materials.${i}.name`]} />
              <SelectField name={`m.${i}.kind`} label={labels.materialKind} options={materialKindOptions} defaultValue={v(`m.${i}.kind`, m?.kind ?? "CORE")} />
              <label className="flex items-center gap-2 self-end pb-2">
                <input type="checkbox" name={`m.${i}.original`} defaultChecked={checked(`m.${i}.original`, m?.originalRequired ?? false)} className="h-5 w-5" />
                {labels.original}
              </label>
              <Field name={`m.${i}.copies`} label={labels.copies} inputMode="numeric" defaultValue={v(`m.${i}.copies`, String(m?.copies ?? 1))} />
              <Field name={`m.${i}.note`} label={labels.note} defaultValue={v(`m.${i}.note`, m?.note ?? "")} />
              <Field name={`m.${i}.condition`} label={labels.condition} defaultValue={v(`m.${i}.condition`, m?.condition ?? "")} />
              <div className="md:col-span-6">
                <TextAreaField name={`m.${i}.commitmentText`} label={labels.commitmentText} hint={labels.commitmentTextHint} rows={2} defaultValue={v(`m.${i}.commitmentText`, m?.commitmentText ?? "")} />
              </div>
              <input type="hidden" name={`m.${i}.templateUrl`} value={m?.templateUrl ?? ""} />
            </div>
          ))}
        </div>
      </fieldset>
      <Field name="changeNote" label={labels.changeNote} defaultValue={v("changeNote", "")} error={err.changeNote} required />
      <div>
        <SubmitButton>{labels.publish}</SubmitButton>
      </div>
    </form>
  );
}
