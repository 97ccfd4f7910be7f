// The window's materials checklist turned into the facts the workflow guards look at, and the
// due dates that acceptance starts.
import { addWorkingDays, type PlainDate, type WorkingCalendar } from "../calendar/working-days";
import type { IntakeFacts } from "../workflow/application-workflow";

export type MaterialKind = "CORE" | "SUPPLEMENTARY";
/**
 * OK = present and acceptable; MISSING = not given; DEFICIENT = given but wrong or incomplete;
 * NOT_APPLICABLE = a conditional material whose situation does not hold, not given (never missing).
 */
export type ChecklistVerdict = "OK" | "MISSING" | "DEFICIENT" | "NOT_APPLICABLE";

export type ChecklistLine = { materialId: string; kind: MaterialKind; verdict: ChecklistVerdict };

/** Whether a material is asked for: always, or — when it has a condition — only when the filer said it applies. */
export function materialApplies(m: { id: string; condition: string }, applies: readonly string[]): boolean {
  return m.condition.trim() === "" || applies.includes(m.id);
}

/** A checklist line's verdict: ticked is OK; not ticked is deficient if a file was given, else missing — or not applicable. */
export function checklistVerdict(m: { ticked: boolean; fileGiven: boolean; applicable: boolean }): ChecklistVerdict {
  if (m.ticked) return "OK";
  if (m.fileGiven) return "DEFICIENT";
  return m.applicable ? "MISSING" : "NOT_APPLICABLE";
}

/** Lines that need something from the applicant (not OK, and not merely not applicable). */
export const needsAttention = (l: ChecklistLine) => l.verdict !== "OK" && l.verdict !== "NOT_APPLICABLE";

export function intakeFacts(lines: ChecklistLine[], extra: Pick<IntakeFacts, "correctionEntries" | "hasReasonAndBasis"> = {}): IntakeFacts {
  const notOk = (kind: MaterialKind) => lines.filter((l) => l.kind === kind && needsAttention(l)).length;
  return { missingCore: notOk("CORE"), missingSupplementary: notOk("SUPPLEMENTARY"), ...extra };
}

/** Supplementary materials not OK: what a 容缺受理 leaves owed. */
export function owedMaterialIds(lines: ChecklistLine[]): string[] {
  return lines.filter((l) => l.kind === "SUPPLEMENTARY" && needsAttention(l)).map((l) => l.materialId);
}

export type DueDates = { promisedDue: PlainDate; statutoryDue: PlainDate };

/**
 * Both limits count working days from the day after acceptance (the acceptance day itself does
 * not count); an instant item (promised 0) is due the day it is accepted.
 */
export function dueDatesFrom(cal: WorkingCalendar, acceptedOn: PlainDate, limits: { promisedDays: number; statutoryDays: number }): DueDates {
  return {
    promisedDue: addWorkingDays(cal, acceptedOn, limits.promisedDays),
    statutoryDue: addWorkingDays(cal, acceptedOn, limits.statutoryDays),
  };
}
