"use client";
// The filing form of an item: the same form online and at the window. The submission key is fixed
// when the page is shown, so pressing the button twice (or retrying) files one application.
import { useActionState } from "react";
import { Field, TextAreaField } from "@/components/ui/field";
import type { FormField } from "@/lib/domain/catalogue/form-fields";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { Data, dataLang } from "@/components/ui/data";

type State = { ok: true; data: unknown } | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;

export type ApplicationFormLabels = Record<
  "subject" | "subjectHint" | "contactName" | "contactPhone" | "address" | "submit" | "itemFields" | "required" | "delivery" | "deliveryHint" | "deliveryAddress" | "deliveryAddressHint" | "applies",
  string
> & { deliveryMethods: Record<"ELECTRONIC" | "PICKUP" | "POST", string> };

export function ApplicationForm({
  action,
  itemCode,
  submissionKey,
  applicantId,
  defaults,
  labels,
  formFields = [],
  conditional = [],
  hidden = {},
  choice,
  onBehalf,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  /** The item filed; a bundle's form names its bundle in `hidden` instead. */
  itemCode?: string;
  hidden?: Record<string, string>;
  /** A bundle's optional items the applicant may add (checkboxes named `optional`). */
  choice?: { legend: string; options: { value: string; label: React.ReactNode }[] };
  /** 帮办代办: an agent files for themselves or for an enterprise whose authority they hold. */
  onBehalf?: { label: string; self: string; options: { value: string; label: string }[] };
  submissionKey: string;
  applicantId?: string;
  defaults: { contactName?: string; contactPhone?: string };
  labels: ApplicationFormLabels;
  /** The item version's own questions, asked after the common ones. */
  formFields?: FormField[];
  /** Materials asked only in some situation: the filer ticks those that apply (label says which). */
  conditional?: { id: string; label: React.ReactNode }[];
}) {
  const [state, formAction] = useActionState(action, null);
  const err = state && !state.ok ? state.fieldErrors : {};
  const val = state && !state.ok ? state.values : {};
  return (
    <form action={formAction} className="grid gap-4 md:grid-cols-2" noValidate data-testid="application-form">
      {itemCode && <input type="hidden" name="itemCode" value={itemCode} />}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="submissionKey" value={submissionKey} />
      {applicantId && <input type="hidden" name="applicantId" value={applicantId} />}
      {state && !state.ok && (
        <div className="md:col-span-2">
          <Notice kind="error">{state.message}</Notice>
        </div>
      )}
      {onBehalf && onBehalf.options.length > 0 && (
        <div className="flex flex-col gap-1 md:col-span-2" data-testid="on-behalf-of">
          <label htmlFor="onBehalfOf" className="font-semibold">
            {onBehalf.label}
          </label>
          <select id="onBehalfOf" name="onBehalfOf" defaultValue={val.onBehalfOf ?? ""} aria-invalid={err.onBehalfOf ? true : undefined} aria-describedby={err.onBehalfOf ? "onBehalfOf-error" : undefined} className="rounded border border-slate-500 bg-white px-3 py-2">
            <option value="">{onBehalf.self}</option>
            {onBehalf.options.map((o) => (
              <option key={o.value} value={o.value} {...dataLang(o.label)}>
                {o.label}
              </option>
            ))}
          </select>
          {err.onBehalfOf && (
            <p id="onBehalfOf-error" className="text-sm text-red-800">
              {err.onBehalfOf}
            </p>
          )}
        </div>
      )}
      {choice && choice.options.length > 0 && (
        <fieldset className="flex flex-col gap-2 md:col-span-2" data-testid="optional-items">
          <legend className="mb-1 font-semibold">{choice.legend}</legend>
          {choice.options.map((o) => (
            <label key={o.value} className="inline-flex items-center gap-2">
              <input type="checkbox" name="optional" value={o.value} defaultChecked={(val.optional ?? "").split(",").includes(o.value)} />
              {o.label}
            </label>
          ))}
        </fieldset>
      )}
      <div className="md:col-span-2">
        <TextAreaField name="subject" label={labels.subject} hint={labels.subjectHint} error={err.subject} defaultValue={val.subject} required rows={3} />
      </div>
      <Field name="contactName" label={labels.contactName} error={err.contactName} defaultValue={val.contactName ?? defaults.contactName} required autoComplete="name" />
      <Field name="contactPhone" label={labels.contactPhone} error={err.contactPhone} defaultValue={val.contactPhone ?? defaults.contactPhone} required inputMode="tel" autoComplete="tel" />
      <div className="md:col-span-2">
        <Field name="address" label={labels.address} error={err.address} defaultValue={val.address} autoComplete="street-address" />
      </div>
      {formFields.length > 0 && (
        <fieldset className="grid gap-4 md:col-span-2 md:grid-cols-2" data-testid="item-fields">
          <legend className="mb-2 font-semibold">{labels.itemFields}</legend>
          {formFields.map((f) => {
            const name = `f.${f.key}`;
            // The item's own questions are data the administrator wrote (Chinese); "required" is the page's.
            const label = (
              <>
                <Data>{f.label}</Data>
                {f.required && labels.required}
              </>
            );
            return f.kind === "textarea" ? (
              <div key={f.key} className="md:col-span-2">
                <TextAreaField name={name} label={label} error={err[name]} defaultValue={val[name]} required={f.required} rows={3} />
              </div>
            ) : (
              <Field
                key={f.key}
                name={name}
                label={label}
                type={f.kind === "date" ? "date" : "text"}
                inputMode={f.kind === "number" ? "numeric" : undefined}
                error={err[name]}
                defaultValue={val[name]}
                required={f.required}
              />
            );
          })}
        </fieldset>
      )}
      {conditional.length > 0 && (
        <fieldset className="flex flex-col gap-2 md:col-span-2" data-testid="conditional-materials">
          <legend className="mb-1 font-semibold">{labels.applies}</legend>
          {conditional.map((c) => (
            <label key={c.id} className="inline-flex items-center gap-2">
              <input type="checkbox" name="applies" value={c.id} defaultChecked={(val.applies ?? "").split(",").includes(c.id)} />
              {c.label}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="flex flex-col gap-2 md:col-span-2" data-testid="delivery-choice">
        <legend className="mb-1 font-semibold">{labels.delivery}</legend>
        <p className="text-sm text-gray-700">{labels.deliveryHint}</p>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {(["ELECTRONIC", "PICKUP", "POST"] as const).map((m) => (
            <label key={m} className="inline-flex items-center gap-2">
              <input type="radio" name="deliveryMethod" value={m} defaultChecked={(val.deliveryMethod ?? "ELECTRONIC") === m} />
              {labels.deliveryMethods[m]}
            </label>
          ))}
        </div>
        <Field name="deliveryAddress" label={labels.deliveryAddress} hint={labels.deliveryAddressHint} error={err.deliveryAddress} defaultValue={val.deliveryAddress} autoComplete="street-address" />
      </fieldset>
      <div className="md:col-span-2">
        <SubmitButton>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
