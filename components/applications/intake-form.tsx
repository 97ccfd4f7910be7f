"use client";
// The window's decision on a submitted filing: the materials checklist, then one of four outcomes.
// 容缺受理 is offered only while every core material is ticked (the server checks the same rule).
import { useActionState, useState } from "react";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { Data } from "@/components/ui/data";

type State = { ok: true; data: unknown } | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> } | null;

export type IntakeLabels = Record<
  | "checklist"
  | "checklistHint"
  | "present"
  | "colon"
  | "parenOpen"
  | "parenClose"
  | "problem"
  | "decision"
  | "ACCEPT"
  | "ACCEPT_WITH_DEFICIENCIES"
  | "REQUEST_CORRECTION"
  | "REJECT"
  | "deficiencyBlocked"
  | "owedDays"
  | "reason"
  | "basis"
  | "submit"
  | "core"
  | "supplementary"
  | "notGiven"
  | "open",
  string
>;

export type IntakeDecision = "ACCEPT" | "ACCEPT_WITH_DEFICIENCIES" | "REQUEST_CORRECTION" | "REJECT";

export function IntakeForm({
  action,
  applicationId,
  materials,
  labels,
  decisions,
}: {
  action: (prev: State, formData: FormData) => Promise<State>;
  /** The intake decisions the transition table offers now. */
  decisions: readonly IntakeDecision[];
  applicationId: string;
  /** notApplicable: a conditional material the filer said is not needed (its label), else null. */
  /** committed: a commitment (告知承诺) signed in its place (who signed, as a label), else null. */
  materials: { materialId: string; name: string; kind: "CORE" | "SUPPLEMENTARY"; file: { href: string; name: string } | null; notApplicable: React.ReactNode | null; committed?: React.ReactNode | null }[];
  labels: IntakeLabels;
}) {
  const [state, formAction] = useActionState(action, null);
  const [ok, setOk] = useState<Set<string>>(() => new Set());
  const [decision, setDecision] = useState<string>("");
  // Not applicable and not given: nothing to tick and nothing to explain.
  const notNeeded = (m: (typeof materials)[number]) => m.notApplicable !== null && !m.file;
  const coreComplete = materials.filter((m) => m.kind === "CORE" && !notNeeded(m)).every((m) => ok.has(m.materialId));
  const err = state && !state.ok ? state.fieldErrors : {};
  const toggle = (id: string, on: boolean) =>
    setOk((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const deficiencyDisabled = !coreComplete;
  return (
    <form action={formAction} className="flex flex-col gap-4" data-testid="intake-form" data-actions={decisions.join(" ")}>
      <input type="hidden" name="applicationId" value={applicationId} />
      {state && !state.ok && <Notice kind="error">{state.message}</Notice>}
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 font-semibold">{labels.checklist}</legend>
        <p className="text-sm text-slate-700">{labels.checklistHint}</p>
        {materials.map((m) => (
          <div key={m.materialId} className="flex flex-col gap-1 rounded border border-slate-200 p-3">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="ok" value={m.materialId} checked={ok.has(m.materialId)} onChange={(e) => toggle(m.materialId, e.target.checked)} />
              <span>
                {labels.present}
                {labels.colon}
                <Data>{m.name}</Data>
                {labels.parenOpen}
                {m.kind === "CORE" ? labels.core : labels.supplementary}
                {labels.parenClose}
              </span>
            </label>
            <p className="pl-6 text-sm">
              {m.file ? (
                <a href={m.file.href} target="_blank" rel="noopener" className="text-blue-800 underline">
                  {labels.open}
                  {labels.colon}
                  <Data>{m.file.name}</Data>
                </a>
              ) : m.committed ? (
                <span data-testid={`committed-${m.materialId}`}>{m.committed}</span>
              ) : m.notApplicable ? (
                <span data-testid={`not-applicable-${m.materialId}`}>{m.notApplicable}</span>
              ) : (
                <span className="text-red-800">{labels.notGiven}</span>
              )}
            </p>
            {!ok.has(m.materialId) && !notNeeded(m) && (
              <label className="flex flex-col gap-1 text-sm">
                <span>
                  {labels.problem}
                  {labels.parenOpen}
                  <Data>{m.name}</Data>
                  {labels.parenClose}
                </span>
                <input
                  name={`problem.${m.materialId}`}
                  defaultValue={state && !state.ok ? state.values[`problem.${m.materialId}`] : undefined}
                  aria-invalid={err[`problem.${m.materialId}`] ? true : undefined}
                  aria-describedby={err[`problem.${m.materialId}`] ? `problem-error-${m.materialId}` : undefined}
                  className="rounded border border-slate-500 px-2 py-1"
                />
                {err[`problem.${m.materialId}`] && (
                  <span id={`problem-error-${m.materialId}`} className="text-red-800">
                    {err[`problem.${m.materialId}`]}
                  </span>
                )}
              </label>
            )}
          </div>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-semibold">{labels.decision}</legend>
        {decisions.map((d) => {
          const disabled = d === "ACCEPT_WITH_DEFICIENCIES" && deficiencyDisabled;
          return (
            <label key={d} className={`flex items-center gap-2 ${disabled ? "text-slate-600" : ""}`}>
              <input
                type="radio"
                name="decision"
                value={d}
                checked={decision === d && !disabled}
                disabled={disabled}
                aria-describedby={disabled ? "deficiency-blocked" : undefined}
                onChange={() => setDecision(d)}
              />
              {labels[d]}
            </label>
          );
        })}
        {deficiencyDisabled && (
          <p id="deficiency-blocked" className="text-sm text-slate-700" data-testid="deficiency-blocked">
            {labels.deficiencyBlocked}
          </p>
        )}
        {err.decision && <p className="text-sm text-red-800">{err.decision}</p>}
      </fieldset>
      {decision === "ACCEPT_WITH_DEFICIENCIES" && !deficiencyDisabled && (
        <label className="flex flex-col gap-1">
          <span className="font-medium">{labels.owedDays}</span>
          <input name="owedDays" type="number" min={1} max={30} defaultValue={5} className="w-32 rounded border border-slate-500 px-2 py-1" />
        </label>
      )}
      {decision === "REJECT" && (
        <>
          <label className="flex flex-col gap-1">
            <span className="font-medium">{labels.reason}</span>
            <textarea name="reason" rows={2} className="rounded border border-slate-500 px-2 py-1" />
          </label>
          <label className="flex flex-col gap-1">
            <span className="font-medium">{labels.basis}</span>
            <textarea name="basis" rows={2} className="rounded border border-slate-500 px-2 py-1" />
          </label>
        </>
      )}
      <div>
        <SubmitButton>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
