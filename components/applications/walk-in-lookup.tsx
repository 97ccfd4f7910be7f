"use client";
// Walk-in step 1: find the applicant by resident ID or credit code in a POST (the ID never goes into
// the URL); when nobody is found, the registration form opens with the ID already filled in.
import Link from "@/components/ui/link";
import { useActionState, useState } from "react";
import { RegisterForm, type RegisterLabels } from "@/components/forms/register-form";
import { Field } from "@/components/ui/field";
import { Card, Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { isValidCreditCode } from "@/lib/domain/identity/credit-code";
import { isValidResidentId } from "@/lib/domain/identity/resident-id";

type Found = { id: string; name: string; maskedId: string } | null;
type LookupState = { ok: true; data: { applicant: Found; identifier: string } } | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;
type RegisterState = { ok: true; data: { loginId: string } } | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;

export type WalkInLookupLabels = Record<"find" | "identifier" | "search" | "found" | "useApplicant" | "notFound" | "register" | "registerSubmit" | "type" | "person" | "enterprise", string>;

export function WalkInLookup({
  find,
  register,
  labels,
  registerLabels,
}: {
  find: (prev: LookupState, formData: FormData) => Promise<LookupState>;
  register: (prev: RegisterState, formData: FormData) => Promise<RegisterState>;
  labels: WalkInLookupLabels;
  registerLabels: RegisterLabels;
}) {
  const [state, formAction] = useActionState(find, null);
  const [chosenType, setType] = useState<"PERSON" | "ENTERPRISE" | null>(null);
  const result = state?.ok ? state.data : null;
  const identifier = result?.identifier ?? "";
  // A valid resident ID is a person's, even in the rare case its digits also pass the credit-code check.
  const type = chosenType ?? (isValidResidentId(identifier) ? "PERSON" : isValidCreditCode(identifier) ? "ENTERPRISE" : "PERSON");
  return (
    <>
      <Card title={labels.find}>
        <form action={formAction} className="flex flex-wrap items-end gap-2" data-testid="walk-in-lookup">
          <Field name="identifier" label={labels.identifier} defaultValue={state && !state.ok ? state.values.identifier : identifier} error={state && !state.ok ? (state.fieldErrors.identifier ?? state.message) : undefined} />
          <SubmitButton>{labels.search}</SubmitButton>
        </form>
        {result?.applicant && (
          <div className="mt-3">
            <Notice kind="success">
              {labels.found.replace("{name}", result.applicant.name).replace("{id}", result.applicant.maskedId)}{" "}
              <Link href={`/office/window/walk-in?applicant=${result.applicant.id}`} className="font-semibold underline" data-testid="use-applicant">
                {labels.useApplicant}
              </Link>
            </Notice>
          </div>
        )}
        {result && !result.applicant && (
          <div className="mt-3">
            <Notice kind="info">{labels.notFound}</Notice>
          </div>
        )}
      </Card>
      {result && !result.applicant && (
        <Card title={labels.register}>
          <div role="group" aria-label={labels.type} className="mb-3 flex gap-3">
            {(["PERSON", "ENTERPRISE"] as const).map((k) => (
              <button key={k} type="button" aria-pressed={type === k} onClick={() => setType(k)} className="rounded border border-brand px-3 py-1 text-brand aria-pressed:bg-brand aria-pressed:text-white">
                {k === "PERSON" ? labels.person : labels.enterprise}
              </button>
            ))}
          </div>
          <RegisterForm
            key={`${type}-${identifier}`}
            type={type}
            action={register}
            labels={{ ...registerLabels, submit: labels.registerSubmit }}
            withPassword={false}
            defaults={type === "ENTERPRISE" ? { creditCode: identifier } : { residentId: identifier }}
          />
        </Card>
      )}
    </>
  );
}
