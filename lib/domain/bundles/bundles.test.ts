import { describe, expect, it } from "vitest";
import { BundleError, ITEM_END_STATES, bundleDefinitionProblem, bundleProgress, chosenItems, deliveryProblem, formatBundleNumber, jointSurveyCases, materialSlots, repeatedMaterialNames, unionFormFields } from "./bundles";

const rules = [
  { itemId: "reg", required: true, siteSurvey: false },
  { itemId: "food", required: true, siteSurvey: true },
  { itemId: "health", required: false, siteSurvey: true },
  { itemId: "ad", required: false, siteSurvey: false },
];

describe("bundle definition and choice", () => {
  it("needs two items and one of them required", () => {
    expect(bundleDefinitionProblem(rules)).toBeNull();
    expect(bundleDefinitionProblem([rules[0], { ...rules[0] }])).toBe("BUNDLE_TOO_SMALL");
    expect(bundleDefinitionProblem([rules[2], rules[3]])).toBe("BUNDLE_ITEM_REQUIRED");
  });
  it("files every required item and the chosen optional ones, and nothing foreign", () => {
    expect(chosenItems(rules, ["health"]).map((r) => r.itemId)).toEqual(["reg", "food", "health"]);
    expect(chosenItems(rules, []).map((r) => r.itemId)).toEqual(["reg", "food"]);
    expect(() => chosenItems(rules, ["other"])).toThrow(BundleError);
  });
});

describe("one form, each material once", () => {
  it("asks each field once, required when any item requires it", () => {
    const place = { key: "k1", label: "经营场所", kind: "text" as const, required: false };
    const fields = unionFormFields([[place], [{ ...place, required: true }, { key: "k2", label: "经营项目", kind: "textarea" as const, required: true }], []]);
    expect(fields).toEqual([{ ...place, required: true }, { key: "k2", label: "经营项目", kind: "textarea", required: true }]);
  });
  it("gives one slot for a shared material across items and keeps item-specific ones apart", () => {
    const items = [
      [{ id: "a1", name: "申请表", kind: "CORE" as const, condition: "" }, { id: "a2", name: "身份证明", kind: "SUPPLEMENTARY" as const, condition: "" }],
      [{ id: "b1", name: "申请表", kind: "CORE" as const, condition: "" }, { id: "b2", name: "身份证明", kind: "CORE" as const, condition: "" }, { id: "b3", name: "场所证明", kind: "CORE" as const, condition: "" }],
      [{ id: "c1", name: "场所证明", kind: "CORE" as const, condition: "" }],
    ];
    const slots = materialSlots(items, ["申请表", "身份证明"]);
    expect(slots.map((s) => s.key)).toEqual(["shared:申请表", "shared:身份证明", "item:b3", "item:c1"]);
    expect(slots[1]).toMatchObject({ kind: "CORE", lines: [{ item: 0, materialId: "a2" }, { item: 1, materialId: "b2" }] });
    expect(repeatedMaterialNames(items).sort()).toEqual(["场所证明", "申请表", "身份证明"].sort());
  });
});

describe("progress, survey and the one delivery", () => {
  it("takes the ends from the transition table", () => {
    expect([...ITEM_END_STATES].sort()).toEqual(["DENIED", "ISSUED", "REJECTED", "REPLY_RECEIVED", "WITHDRAWN"]);
    expect(bundleProgress(["ISSUED", "REVIEWED", "DENIED"])).toEqual({ items: 3, ended: 2, complete: false });
    expect(bundleProgress(["ISSUED", "DENIED"]).complete).toBe(true);
    expect(bundleProgress([]).complete).toBe(false);
  });
  it("delivers once, after the last end", () => {
    expect(deliveryProblem({ completed: false, delivered: false })).toBe("BUNDLE_NOT_COMPLETE");
    expect(deliveryProblem({ completed: true, delivered: false })).toBeNull();
    expect(deliveryProblem({ completed: true, delivered: true })).toBe("BUNDLE_ALREADY_DELIVERED");
  });
  it("surveys every case that needs it once, when all of them are under way", () => {
    const cases = [
      { id: "reg", state: "ISSUED" as const, siteSurvey: false },
      { id: "food", state: "ACCEPTED" as const, siteSurvey: true },
      { id: "health", state: "REVIEWED" as const, siteSurvey: true },
    ];
    expect(jointSurveyCases(cases, false).map((c) => c.id)).toEqual(["food", "health"]);
    expect(() => jointSurveyCases(cases, true)).toThrow("SURVEY_ALREADY_SCHEDULED");
    expect(() => jointSurveyCases([{ ...cases[1], state: "SUBMITTED" }, cases[2]], false)).toThrow("SURVEY_NOT_YET");
    expect(() => jointSurveyCases([cases[0]], false)).toThrow("SURVEY_NOT_NEEDED");
  });
  it("numbers filings YJS, year, serial", () => {
    expect(formatBundleNumber(2026, 12)).toBe("YJS2026000012");
  });
});

describe("the administrator's item list", () => {
  it("reads code, rule and survey per line and reports bad lines", async () => {
    const { parseBundleLines } = await import("./bundles");
    const { lines, problems } = parseBundleLines("511A0074300005-511602000000-000-11511301 | 必选\n511A0005200004-5 | required | 踏勘\n\n511A0015500009-5 | optional | survey\nnot a code | maybe\n511A0005200004-5 | optional");
    expect(lines).toEqual([
      { code: "511A0074300005-511602000000-000-11511301", required: true, siteSurvey: false },
      { code: "511A0005200004-5", required: true, siteSurvey: true },
      { code: "511A0015500009-5", required: false, siteSurvey: true },
    ]);
    expect(problems).toEqual([{ line: 5, code: "format" }, { line: 6, code: "duplicate" }]);
  });
});

describe("the joint survey for an actor", () => {
  it("asks the transition table about SURVEY for every case it covers", async () => {
    const { surveyableCases } = await import("./bundles");
    const cases = [
      { id: "food", state: "ACCEPTED" as const, siteSurvey: true, itemVersion: { kind: "PROMISED" as const } },
      { id: "health", state: "REVIEWED" as const, siteSurvey: true, itemVersion: { kind: "PROMISED" as const } },
    ];
    expect(surveyableCases(cases, false, "REVIEWER").map((c) => c.id)).toEqual(["food", "health"]);
    expect(() => surveyableCases(cases, false, "CLERK")).toThrow("ROLE_NOT_ALLOWED");
  });
});
