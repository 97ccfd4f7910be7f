// The item-specific fields of an application form (申请表字段), defined per item version. The
// administrator writes one field per line — "label | kind | required" — and the filing form is
// generated from them; the answers are checked here before an application is saved.

export const FORM_FIELD_KINDS = ["text", "textarea", "number", "date"] as const;
export type FormFieldKind = (typeof FORM_FIELD_KINDS)[number];

export type FormField = { key: string; label: string; kind: FormFieldKind; required: boolean };

export type FormSpecProblem = { line: number; code: "labelMissing" | "labelTooLong" | "unknownKind" | "duplicateLabel" | "tooMany" };
export type AnswerProblem = { key: string; code: "required" | "number" | "date" | "tooLong" };

export const MAX_FORM_FIELDS = 20;
const MAX_ANSWER = { text: 200, textarea: 2000, number: 30, date: 10 } as const;

const KIND_WORDS: Record<string, FormFieldKind> = {
  text: "text",
  文本: "text",
  textarea: "textarea",
  长文本: "textarea",
  多行: "textarea",
  number: "number",
  数字: "number",
  date: "date",
  日期: "date",
};
const REQUIRED_WORDS = new Set(["required", "必填", "是"]);

/** Parses the administrator's spec; fields get stable keys f1…fn in the order written. */
export function parseFormFieldSpec(spec: string): { fields: FormField[]; problems: FormSpecProblem[] } {
  const fields: FormField[] = [];
  const problems: FormSpecProblem[] = [];
  const lines = spec.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    const [label = "", kindWord = "", requiredWord = ""] = raw.split(/[|｜]/).map((s) => s.trim());
    if (!label) return void problems.push({ line, code: "labelMissing" });
    if (label.length > 60) return void problems.push({ line, code: "labelTooLong" });
    const kind = kindWord === "" ? "text" : KIND_WORDS[kindWord.toLowerCase()];
    if (!kind) return void problems.push({ line, code: "unknownKind" });
    if (fields.some((f) => f.label === label)) return void problems.push({ line, code: "duplicateLabel" });
    fields.push({ key: `f${fields.length + 1}`, label, kind, required: REQUIRED_WORDS.has(requiredWord.toLowerCase()) });
  });
  if (fields.length > MAX_FORM_FIELDS) problems.push({ line: lines.length, code: "tooMany" });
  return { fields, problems };
}

/** The spec text of a field list (what the edit form shows). */
export function formatFormFieldSpec(fields: readonly FormField[]): string {
  return fields.map((f) => [f.label, f.kind, f.required ? "required" : ""].filter(Boolean).join(" | ")).join("\n");
}

/** Reads a stored value defensively: anything that is not a well-formed field list is no fields. */
export function formFieldsOf(value: unknown): FormField[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (f): f is FormField =>
      typeof f === "object" && f !== null && typeof f.key === "string" && typeof f.label === "string" && FORM_FIELD_KINDS.includes(f.kind) && typeof f.required === "boolean",
  );
}

/** Problems of an applicant's answers; answers to unknown keys are dropped by `keepAnswers`. */
export function formAnswerProblems(fields: readonly FormField[], answers: Record<string, string>): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const f of fields) {
    const value = (answers[f.key] ?? "").trim();
    if (!value) {
      if (f.required) problems.push({ key: f.key, code: "required" });
      continue;
    }
    if (value.length > MAX_ANSWER[f.kind]) problems.push({ key: f.key, code: "tooLong" });
    else if (f.kind === "number" && !/^-?\d+(\.\d+)?$/.test(value)) problems.push({ key: f.key, code: "number" });
    else if (f.kind === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) problems.push({ key: f.key, code: "date" });
  }
  return problems;
}

/** Only the answers the form asked for, trimmed. */
export function keepAnswers(fields: readonly FormField[], answers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.key, (answers[f.key] ?? "").trim()]).filter(([, v]) => v !== ""));
}
