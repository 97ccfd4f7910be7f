import { describe, expect, it } from "vitest";
import { itemVersionProblems, promiseReductionPercent, type ItemVersionDraft } from "./item-version";

const ok: ItemVersionDraft = {
  name: "幼儿园设立审批",
  kind: "PROMISED",
  statutoryDays: 20,
  promisedDays: 10,
  visitsRequired: 1,
  legalBasis: "《中华人民共和国教育法》",
  materials: [{ name: "申请表", kind: "CORE" }, { name: "其他材料", kind: "SUPPLEMENTARY" }],
};

describe("item version rules", () => {
  it("accepts a sound version", () => {
    expect(itemVersionProblems(ok)).toEqual([]);
  });

  it("refuses a promised limit above the statutory one", () => {
    expect(itemVersionProblems({ ...ok, promisedDays: 21 })).toContainEqual({ field: "promisedDays", code: "promisedOverStatutory" });
  });

  it("requires a core material for a promised item", () => {
    expect(itemVersionProblems({ ...ok, materials: [{ name: "其他材料", kind: "SUPPLEMENTARY" }] })).toContainEqual({ field: "materials", code: "coreMaterialRequired" });
  });

  it("instant items are decided on the spot; promised ones need days", () => {
    expect(itemVersionProblems({ ...ok, kind: "INSTANT" })).toContainEqual({ field: "promisedDays", code: "instantOnTheSpot" });
    expect(itemVersionProblems({ ...ok, promisedDays: 0 })).toContainEqual({ field: "promisedDays", code: "promisedNeedsDays" });
  });

  it("refuses duplicate material names, an empty legal basis and absurd limits", () => {
    const p = itemVersionProblems({ ...ok, legalBasis: " ", statutoryDays: 0, materials: [{ name: "申请表", kind: "CORE" }, { name: "申请表", kind: "CORE" }] });
    expect(p.map((x) => x.code)).toEqual(expect.arrayContaining(["materialDuplicate", "legalBasisRequired", "statutoryRange"]));
  });

  it("computes how much faster the promise is", () => {
    expect(promiseReductionPercent(20, 10)).toBe(50);
    expect(promiseReductionPercent(20, 0)).toBe(100);
  });
});
