import { describe, expect, it } from "vitest";
import { missingColumns, planItemImport, type ExistingItem } from "./item-import";

const code = (n: number) => `511A01417000${String(n).padStart(2, "0")}-511602000000-000-115113016823646795-1-00`;
const rec = (n: number, over: Record<string, string> = {}) => ({
  department: "区行政审批局",
  main_item: "未分类",
  item_name: `事项${n}`,
  implementation_code: code(n),
  basic_code: `511A01417000${n}`,
  region_code: "511602000000",
  task_type: "1",
  dept_code: "68236467-9",
  ...over,
});

describe("planItemImport", () => {
  it("creates new rows and skips unchanged ones", () => {
    const existing = new Map<string, ExistingItem>([[code(1), { implementationCode: code(1), name: "事项1", basicCode: "511A014170001", taskType: 1, mainItemName: "" }]]);
    const plan = planItemImport([rec(1), rec(2)], existing);
    expect(plan.rows.map((r) => r.action)).toEqual(["skip", "create"]);
    expect(plan.ok).toBe(true);
  });

  it("reports a changed name as an update", () => {
    const existing = new Map<string, ExistingItem>([[code(1), { implementationCode: code(1), name: "旧名称", basicCode: "511A014170001", taskType: 1, mainItemName: "" }]]);
    expect(planItemImport([rec(1)], existing).rows[0]).toMatchObject({ action: "update", changes: ["name"] });
  });

  it("skips duplicates and unknown task types with reasons, numbering rows as a spreadsheet does", () => {
    const plan = planItemImport([rec(1), rec(1), rec(3, { task_type: "2" })], new Map());
    expect(plan.rows[1]).toMatchObject({ row: 3, action: "skip", reason: "duplicate", detail: "2" });
    expect(plan.rows[2]).toMatchObject({ row: 4, action: "skip", reason: "unknownTaskType" });
  });

  it("marks broken rows as errors, so nothing of the file is applied", () => {
    const plan = planItemImport([rec(1), rec(2, { item_name: " " }), rec(3, { implementation_code: "not a code" })], new Map());
    expect(plan.ok).toBe(false);
    expect(plan.rows.filter((r) => r.action === "error").map((r) => [r.row, (r as { reason: string }).reason])).toEqual([
      [3, "missingName"],
      [4, "badCode"],
    ]);
  });

  it("names missing columns", () => {
    expect(missingColumns(["department", "item_name"])).toContain("implementation_code");
  });
});
