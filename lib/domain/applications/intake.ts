// The window's materials checklist turned into the facts the workflow guards look at, and the
// due dates that acceptance starts.
import { addWorkingDays, type PlainDate, type WorkingCalendar } from "../calendar/working-days";
import type { IntakeFacts } from "../workflow/application-workflow";

export type MaterialKind = "CORE" | "SUPPLEMENTARY";
/** OK = present and acceptable; MISSING = not given; DEFICIENT = given but wrong or incomplete. */
export type ChecklistVerdict = "OK" | "MISSING" | "DEFICIENT";

export type ChecklistLine = { materialId: string; kind: MaterialKind; verdict: ChecklistVerdict };

export function intakeFacts(lines: ChecklistLine[], extra: Pick<IntakeFacts, "correctionEntries" | "hasReasonAndBasis"> = {}): IntakeFacts {
  const notOk = (kind: MaterialKind) => lines.filter((l) => l.kind === kind && l.verdict !== "OK").length;
  return { missingCore: notOk("CORE"), missingSupplementary: notOk("SUPPLEMENTARY"), ...extra };
}

/** Supplementary materials not OK: what a 容缺受理 leaves owed. */
export function owedMaterialIds(lines: ChecklistLine[]): string[] {
  return lines.filter((l) => l.kind === "SUPPLEMENTARY" && l.verdict !== "OK").map((l) => l.materialId);
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
