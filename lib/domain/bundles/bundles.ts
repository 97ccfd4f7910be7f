// 一件事 (bundles): several catalogue items filed together — one form (the union of the items'
// fields, each asked once), each shared material given once, one application per item, linked;
// the sections review in parallel, one joint site survey covers every case that needs one, and the
// applicant gets ONE delivery when every item has reached its end.
import type { FormField } from "../catalogue/form-fields";
import type { Role } from "../access/roles";
import { APPLICATION_STATES, CASE_ACTION_RULES, TRANSITIONS, assertAllowed, type ApplicationState } from "../workflow/application-workflow";

export type BundleRule = { itemId: string; required: boolean; siteSurvey: boolean };

export type BundleErrorCode = "BUNDLE_ITEM_REQUIRED" | "BUNDLE_ITEM_UNKNOWN" | "BUNDLE_TOO_SMALL" | "SURVEY_NOT_NEEDED" | "SURVEY_NOT_YET" | "SURVEY_ALREADY_SCHEDULED" | "BUNDLE_NOT_COMPLETE" | "BUNDLE_ALREADY_DELIVERED";

export class BundleError extends Error {
  constructor(readonly code: BundleErrorCode) {
    super(code);
    this.name = "BundleError";
  }
}

/** A bundle has at least two items; at least one of them required. */
export const MIN_BUNDLE_ITEMS = 2;

/** Problems with an administrator's definition (null when it can be saved). */
export function bundleDefinitionProblem(rules: readonly BundleRule[]): BundleErrorCode | null {
  if (new Set(rules.map((r) => r.itemId)).size < MIN_BUNDLE_ITEMS) return "BUNDLE_TOO_SMALL";
  if (!rules.some((r) => r.required)) return "BUNDLE_ITEM_REQUIRED";
  return null;
}

/** The items a filing covers: every required one and the optional ones the applicant chose. */
export function chosenItems(rules: readonly BundleRule[], optionalChosen: readonly string[]): BundleRule[] {
  const known = new Set(rules.map((r) => r.itemId));
  if (optionalChosen.some((id) => !known.has(id))) throw new BundleError("BUNDLE_ITEM_UNKNOWN");
  return rules.filter((r) => r.required || optionalChosen.includes(r.itemId));
}

/** ONE form: the items' fields by key, each asked once (required if any item requires it), in first-asked order. */
export function unionFormFields(perItem: readonly (readonly FormField[])[]): FormField[] {
  const byKey = new Map<string, FormField>();
  for (const fields of perItem) {
    for (const f of fields) {
      const seen = byKey.get(f.key);
      byKey.set(f.key, seen ? { ...seen, required: seen.required || f.required } : { ...f });
    }
  }
  return [...byKey.values()];
}

export type BundleMaterial = { id: string; name: string; kind: "CORE" | "SUPPLEMENTARY"; condition: string };

/** One upload slot of a bundle filing: a shared material stands for every item's line of that name. */
export type MaterialSlot = {
  /** Stable key of the slot: `shared:<name>`, or `item:<materialId>` for a material of one item only. */
  key: string;
  name: string;
  kind: "CORE" | "SUPPLEMENTARY";
  condition: string;
  shared: boolean;
  /** The item (index into the items given) and material each line of the slot belongs to. */
  lines: { item: number; materialId: string }[];
};

/**
 * The filing's upload slots. A material named in the bundle's shared list is asked once for every
 * item that asks for it (core if any item holds it core); every other material stays its item's own.
 */
export function materialSlots(items: readonly (readonly BundleMaterial[])[], sharedNames: readonly string[]): MaterialSlot[] {
  const shared = new Set(sharedNames);
  const slots: MaterialSlot[] = [];
  const sharedSlot = new Map<string, MaterialSlot>();
  items.forEach((materials, item) => {
    for (const m of materials) {
      if (shared.has(m.name)) {
        const slot = sharedSlot.get(m.name);
        if (slot) {
          slot.lines.push({ item, materialId: m.id });
          if (m.kind === "CORE") slot.kind = "CORE";
          continue;
        }
        const fresh: MaterialSlot = { key: `shared:${m.name}`, name: m.name, kind: m.kind, condition: m.condition, shared: true, lines: [{ item, materialId: m.id }] };
        sharedSlot.set(m.name, fresh);
        slots.push(fresh);
      } else {
        slots.push({ key: `item:${m.id}`, name: m.name, kind: m.kind, condition: m.condition, shared: false, lines: [{ item, materialId: m.id }] });
      }
    }
  });
  return slots;
}

/** Names asked by at least two of the items: what an administrator is offered to share. */
export function repeatedMaterialNames(items: readonly (readonly { name: string }[])[]): string[] {
  const count = new Map<string, number>();
  for (const materials of items) for (const name of new Set(materials.map((m) => m.name))) count.set(name, (count.get(name) ?? 0) + 1);
  return [...count].filter(([, n]) => n > 1).map(([name]) => name);
}

/** States no transition leaves: the item's case has reached its end (issued, denied, refused, withdrawn …). */
export const ITEM_END_STATES: readonly ApplicationState[] = APPLICATION_STATES.filter((s) => !Object.values(TRANSITIONS).some((t) => t.from.includes(s)));

export type BundleProgress = { items: number; ended: number; complete: boolean };

export function bundleProgress(states: readonly ApplicationState[]): BundleProgress {
  const ended = states.filter((s) => ITEM_END_STATES.includes(s)).length;
  return { items: states.length, ended, complete: states.length > 0 && ended === states.length };
}

/** The one delivery: only when every item has ended, and only once. */
export function deliveryProblem(b: { completed: boolean; delivered: boolean }): BundleErrorCode | null {
  if (b.delivered) return "BUNDLE_ALREADY_DELIVERED";
  if (!b.completed) return "BUNDLE_NOT_COMPLETE";
  return null;
}

/**
 * The joint site survey: once per filing, for every case whose item the bundle inspects on site,
 * and only when all of those cases have been accepted and their clocks run (the SURVEY action's
 * states), so one visit covers them all.
 */
export function jointSurveyCases<T extends { state: ApplicationState; siteSurvey: boolean }>(cases: readonly T[], alreadyScheduled: boolean): T[] {
  if (alreadyScheduled) throw new BundleError("SURVEY_ALREADY_SCHEDULED");
  const needing = cases.filter((c) => c.siteSurvey && !ITEM_END_STATES.includes(c.state));
  if (needing.length === 0) throw new BundleError("SURVEY_NOT_NEEDED");
  if (needing.some((c) => !CASE_ACTION_RULES.SURVEY.from.includes(c.state))) throw new BundleError("SURVEY_NOT_YET");
  return needing;
}

/**
 * The cases one joint survey covers for an actor of `role`, with the transition table's word on
 * SURVEY for each (what the page offers and what the service does ask the same question).
 */
export function surveyableCases<T extends { state: ApplicationState; siteSurvey: boolean; itemVersion: { kind: "INSTANT" | "PROMISED" | "REPORTED" } }>(cases: readonly T[], alreadyScheduled: boolean, role: Role): T[] {
  const needing = jointSurveyCases(cases, alreadyScheduled);
  for (const c of needing) assertAllowed("SURVEY", c.state, role, { itemKind: c.itemVersion.kind });
  return needing;
}

/** 一件事编号: YJS, the year, six digits of the serial. */
export function formatBundleNumber(year: number, serial: number): string {
  return `YJS${year}${String(serial).padStart(6, "0")}`;
}

export type BundleLine = { code: string; required: boolean; siteSurvey: boolean };
export type BundleLineProblem = { line: number; code: "format" | "duplicate" };

/**
 * The administrator's item list, one item per line: `implementation code | required|optional | survey`
 * (必选/可选, 踏勘 are accepted too); the third part is optional.
 */
export function parseBundleLines(text: string): { lines: BundleLine[]; problems: BundleLineProblem[] } {
  const lines: BundleLine[] = [];
  const problems: BundleLineProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const [code, rule = "required", survey = ""] = raw.split("|").map((p) => p.trim());
    const required = /^(required|必选|必办)$/i.test(rule);
    const optional = /^(optional|可选|选办)$/i.test(rule);
    if (!/^[0-9A-Za-z-]{6,80}$/.test(code ?? "") || (!required && !optional) || !/^(|survey|踏勘|现场踏勘)$/i.test(survey)) return problems.push({ line: i + 1, code: "format" });
    if (lines.some((l) => l.code === code)) return problems.push({ line: i + 1, code: "duplicate" });
    lines.push({ code, required, siteSurvey: survey !== "" });
  });
  return { lines, problems };
}
