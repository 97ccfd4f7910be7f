// Imports a published item list (CSV) into the catalogue: all rows apply in one transaction, or none.
import "server-only";
import { formFieldsOf } from "@/lib/domain/catalogue/form-fields";
import { feeLinesOf } from "@/lib/domain/fees/fees";
import { parseCsvRecords } from "@/lib/domain/catalogue/csv";
import { demoValuesFor, originDepartmentOf, sectionCodeOfDepartment } from "@/lib/domain/catalogue/demo-rules";
import { missingColumns, normalizeMainItem, planItemImport, type ExistingItem, type ImportPlan, type ImportRecord } from "@/lib/domain/catalogue/item-import";
import { BUREAU } from "@/lib/bureau";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db, type Db, type Tx } from "@/lib/server/db";

export type ImportReport = ImportPlan & { applied: boolean };

/** The department an item is filed under: for the bureau's own rows, the one it came from. */
function departmentOf(r: ImportRecord): string {
  const listed = r.department.trim();
  return listed === BUREAU.listDepartment ? originDepartmentOf(r.item_name) ?? listed : listed;
}

async function loadExisting(client: Db | Tx): Promise<Map<string, ExistingItem>> {
  const items = await client.item.findMany({
    select: { implementationCode: true, basicCode: true, taskType: true, currentVersion: { select: { name: true, mainItemName: true } } },
  });
  return new Map(
    items.map((i) => [
      i.implementationCode,
      { implementationCode: i.implementationCode, basicCode: i.basicCode, taskType: i.taskType, name: i.currentVersion?.name ?? "", mainItemName: i.currentVersion?.mainItemName ?? "" },
    ]),
  );
}

export function readItemCsv(csvText: string): ImportRecord[] {
  let parsed;
  try {
    parsed = parseCsvRecords(csvText);
  } catch (e) {
    throw new AppError("VALIDATION", "import.unreadable", { details: { reason: (e as Error).message } });
  }
  const missing = missingColumns(parsed.header);
  if (missing.length) throw new AppError("VALIDATION", "import.missingColumns", { details: { columns: missing.join(", ") } });
  return parsed.records;
}

/**
 * Plans and, when no row is broken, applies the import inside `client.$transaction`.
 * `keep` narrows the rows considered (the seed imports only the bureau's own rows).
 */
export async function applyItemImport(
  client: Db,
  csvText: string,
  opts: { actor: Pick<Actor, "id" | "role"> | null; keep?: (r: ImportRecord) => boolean; source: string },
): Promise<ImportReport> {
  const all = readItemCsv(csvText);
  const records = all.filter(opts.keep ?? (() => true));
  // Department codes come from every row of the file, also those the import leaves out.
  const codeOf = new Map<string, string>();
  for (const r of all) if (!codeOf.has(r.department.trim())) codeOf.set(r.department.trim(), r.dept_code.trim());
  return client.$transaction(
    async (tx) => {
      const plan = planItemImport(records, await loadExisting(tx));
      if (!plan.ok) return { ...plan, applied: false };
      const deptIds = await ensureDepartments(tx, [...new Set(records.map(departmentOf))], codeOf);
      const sectionIds = new Map((await tx.section.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]));
      for (const row of plan.rows) {
        if (row.action !== "create" && row.action !== "update") continue;
        const r = row.record;
        const department = departmentOf(r);
        const taskType = Number(r.task_type);
        if (row.action === "create") {
          const sectionCode = sectionCodeOfDepartment(department);
          const item = await tx.item.create({
            data: {
              implementationCode: row.code,
              basicCode: r.basic_code.trim(),
              taskType,
              departmentId: deptIds.get(department)!,
              sectionId: sectionCode ? sectionIds.get(sectionCode) ?? null : null,
            },
          });
          const v = demoValuesFor(r.item_name.trim(), taskType, department);
          const version = await tx.itemVersion.create({
            data: {
              itemId: item.id,
              version: 1,
              name: r.item_name.trim(),
              mainItemName: normalizeMainItem(r.main_item),
              kind: v.kind,
              description: v.description,
              eligibility: v.eligibility,
              legalBasis: v.legalBasis,
              processSteps: v.processSteps,
              statutoryDays: v.statutoryDays,
              promisedDays: v.promisedDays,
              feeNote: v.feeNote,
              visitsRequired: v.visitsRequired,
              onlineAvailable: v.onlineAvailable,
              demoValues: true,
              changeNote: `导入：${opts.source}`,
              publishedById: opts.actor?.id ?? null,
              formFields: v.formFields,
              feeLines: v.feeLines,
              materials: { create: v.materials.map((m, position) => ({ ...m, position })) },
            },
          });
          await tx.item.update({ where: { id: item.id }, data: { currentVersionId: version.id } });
        } else {
          await publishFromImport(tx, row.code, r, opts);
        }
      }
      if (plan.counts.create + plan.counts.update > 0) {
        await recordAuditEvent(tx, {
          actor: opts.actor,
          action: "catalogue.imported",
          entityType: "Catalogue",
          entityId: opts.source,
          after: plan.counts,
        });
      }
      return { ...plan, applied: true };
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

async function ensureDepartments(tx: Tx, names: string[], codeOf: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of names) {
    let dept = await tx.department.findUnique({ where: { name } });
    if (!dept) {
      const code = codeOf.get(name);
      // Codes are unique; a department the list gives no (free) code for gets one derived from its name.
      const free = code && !(await tx.department.findUnique({ where: { code } }));
      dept = await tx.department.create({ data: { name, code: free ? code : `X-${name}` } });
    }
    ids.set(name, dept.id);
  }
  return ids;
}

/** A changed name (or codes) in the list publishes the next version; the rest is carried over. */
async function publishFromImport(tx: Tx, code: string, r: ImportRecord, opts: { actor: Pick<Actor, "id" | "role"> | null; source: string }) {
  const item = await tx.item.findUniqueOrThrow({ where: { implementationCode: code }, include: { currentVersion: { include: { materials: true } } } });
  const current = item.currentVersion!;
  const last = await tx.itemVersion.aggregate({ where: { itemId: item.id }, _max: { version: true } });
  const { id: _id, itemId: _itemId, version: _v, publishedAt: _p, materials, formFields, feeLines, ...rest } = current;
  const version = await tx.itemVersion.create({
    data: {
      ...rest,
      formFields: formFieldsOf(formFields),
      feeLines: feeLinesOf(feeLines),
      itemId: item.id,
      version: (last._max.version ?? 0) + 1,
      name: r.item_name.trim(),
      mainItemName: normalizeMainItem(r.main_item),
      changeNote: `导入更新：${opts.source}`,
      publishedById: opts.actor?.id ?? null,
      materials: { create: materials.map(({ id: _m, itemVersionId: _iv, ...m }) => m) },
    },
  });
  await tx.item.update({ where: { id: item.id }, data: { currentVersionId: version.id, basicCode: r.basic_code.trim(), taskType: Number(r.task_type) } });
}

/** Largest list accepted from an upload; the provincial list of a district is ~0.5 MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The administrator's upload of a published item list. */
export async function importItemList(opts: { actor: Actor | null; fileName: string; bytes: Uint8Array }): Promise<ImportReport> {
  const actor = await requirePermission(opts.actor, "catalogue:administer", "importItemList");
  if (opts.bytes.byteLength === 0) throw new AppError("VALIDATION", "import.empty", { field: "file" });
  if (opts.bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError("VALIDATION", "import.tooLarge", { field: "file" });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(opts.bytes);
  } catch {
    throw new AppError("VALIDATION", "import.notUtf8", { field: "file" });
  }
  return applyItemImport(db(), text, { actor, source: opts.fileName.slice(0, 200) });
}
