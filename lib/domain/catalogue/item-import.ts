// Plans the import of a published item list (the provincial platforms' CSV layout), row by row.
// Pure: given the file's records and what the catalogue holds, it says what each row will do.

export const ITEM_CSV_COLUMNS = ["department", "main_item", "item_name", "implementation_code", "basic_code", "region_code", "task_type", "dept_code"] as const;

/** Task types of the provincial list that are catalogue items (others are enforcement powers). */
export const KNOWN_TASK_TYPES: Record<number, string> = {
  1: "行政许可",
  5: "行政给付",
  7: "行政确认",
  8: "行政奖励",
  9: "行政裁决",
  10: "其他行政权力",
  20: "公共服务",
};

/**
 * The norm is `{基本编码}-{region}-000-{18-char USCC}-1-{办理项}`, but the real published list
 * deviates in 147 of 1,135 rows (old 9-character organisation codes, lower-case letters, codes
 * without a region part). So only what cannot be an identifier is refused.
 */
const IMPLEMENTATION_CODE = /^[0-9A-Za-z][0-9A-Za-z-]{5,119}$/;

export type ImportRecord = Record<string, string>;

export type ExistingItem = { implementationCode: string; name: string; basicCode: string; taskType: number; mainItemName: string };

export type RowPlan =
  | { row: number; action: "create" | "update"; code: string; record: ImportRecord; changes: string[] }
  | { row: number; action: "skip"; code: string; reason: "unchanged" | "duplicate" | "unknownTaskType"; detail?: string }
  | { row: number; action: "error"; code: string; reason: "missingName" | "badCode" | "badTaskType" | "missingDepartment"; detail?: string };

export type ImportPlan = { rows: RowPlan[]; ok: boolean; counts: Record<"create" | "update" | "skip" | "error", number> };

/** Header problems make the whole file unusable; returns the missing columns. */
export function missingColumns(header: string[]): string[] {
  return ITEM_CSV_COLUMNS.filter((c) => !header.includes(c));
}

/**
 * `row` numbers are the file's line numbers as a spreadsheet shows them (header = 1).
 * Any error row makes `ok` false: the caller then applies nothing of the file.
 */
export function planItemImport(records: ImportRecord[], existing: Map<string, ExistingItem>): ImportPlan {
  const seen = new Map<string, number>();
  const rows: RowPlan[] = records.map((r, i) => {
    const row = i + 2;
    const code = (r.implementation_code ?? "").trim();
    const name = (r.item_name ?? "").trim();
    if (!name) return { row, action: "error", code, reason: "missingName" };
    if (!IMPLEMENTATION_CODE.test(code)) return { row, action: "error", code, reason: "badCode", detail: code };
    if (!(r.department ?? "").trim()) return { row, action: "error", code, reason: "missingDepartment" };
    if (!/^\d+$/.test((r.task_type ?? "").trim())) return { row, action: "error", code, reason: "badTaskType", detail: r.task_type };
    const first = seen.get(code);
    if (first !== undefined) return { row, action: "skip", code, reason: "duplicate", detail: String(first) };
    seen.set(code, row);
    const taskType = Number(r.task_type);
    if (!(taskType in KNOWN_TASK_TYPES)) return { row, action: "skip", code, reason: "unknownTaskType", detail: String(taskType) };
    const before = existing.get(code);
    if (!before) return { row, action: "create", code, record: r, changes: [] };
    const changes: string[] = [];
    if (before.name !== name) changes.push("name");
    if (before.basicCode !== r.basic_code.trim()) changes.push("basicCode");
    if (before.taskType !== taskType) changes.push("taskType");
    if (before.mainItemName !== normalizeMainItem(r.main_item)) changes.push("mainItemName");
    if (changes.length === 0) return { row, action: "skip", code, reason: "unchanged" };
    return { row, action: "update", code, record: r, changes };
  });
  const counts = { create: 0, update: 0, skip: 0, error: 0 };
  for (const r of rows) counts[r.action]++;
  return { rows, ok: counts.error === 0, counts };
}

/** The list writes 未分类 where an item has no parent item. */
export function normalizeMainItem(value: string | undefined): string {
  const v = (value ?? "").trim();
  return v === "未分类" ? "" : v;
}
