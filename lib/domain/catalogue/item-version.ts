// Rules an item version must satisfy before it is published (pure; the edge shows each by field).

export type ItemKindName = "INSTANT" | "PROMISED" | "REPORTED";

export type ItemVersionDraft = {
  name: string;
  kind: ItemKindName;
  statutoryDays: number;
  promisedDays: number;
  visitsRequired: number;
  legalBasis: string;
  materials: { name: string; kind: "CORE" | "SUPPLEMENTARY" }[];
};

export type VersionProblem = { field: string; code: string };

/** Administrative Licensing Law art. 42: 20 working days, +10 with approval; art. 26: 45 (+15). */
export const MAX_STATUTORY_DAYS = 60;

export function itemVersionProblems(d: ItemVersionDraft): VersionProblem[] {
  const problems: VersionProblem[] = [];
  if (d.statutoryDays < 1 || d.statutoryDays > MAX_STATUTORY_DAYS) problems.push({ field: "statutoryDays", code: "statutoryRange" });
  if (d.promisedDays < 0) problems.push({ field: "promisedDays", code: "promisedNegative" });
  else if (d.promisedDays > d.statutoryDays) problems.push({ field: "promisedDays", code: "promisedOverStatutory" });
  if (d.kind === "INSTANT" && d.promisedDays !== 0) problems.push({ field: "promisedDays", code: "instantOnTheSpot" });
  if (d.kind !== "INSTANT" && d.promisedDays === 0) problems.push({ field: "promisedDays", code: "promisedNeedsDays" });
  if (d.visitsRequired < 0 || d.visitsRequired > 5) problems.push({ field: "visitsRequired", code: "visitsRange" });
  if (!d.legalBasis.trim()) problems.push({ field: "legalBasis", code: "legalBasisRequired" });
  if (d.materials.length === 0) problems.push({ field: "materials", code: "materialsRequired" });
  if (d.kind === "PROMISED" && !d.materials.some((m) => m.kind === "CORE")) problems.push({ field: "materials", code: "coreMaterialRequired" });
  const names = d.materials.map((m) => m.name.trim());
  if (new Set(names).size !== names.length) problems.push({ field: "materials", code: "materialDuplicate" });
  return problems;
}

/** How much faster the promise is than the law, in percent (the guide shows it). */
export function promiseReductionPercent(statutoryDays: number, promisedDays: number): number {
  if (statutoryDays <= 0) return 0;
  return Math.round(((statutoryDays - promisedDays) / statutoryDays) * 100);
}
