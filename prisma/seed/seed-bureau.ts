// Seeds a real bureau: the 行政审批局's items of the published list, sections, seals, demo accounts.
// Idempotent: what exists is left alone (an administrator's later edits survive a re-seed).
import { hash } from "@node-rs/argon2";
import { parseCsvRecords } from "../../lib/domain/catalogue/csv";
import { SECTIONS, demoValuesFor, originDepartmentOf } from "../../lib/domain/catalogue/demo-rules";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../tests/factories/demo-accounts";
import type { PrismaClient } from "../generated/client";

/** The department name the bureau has in the published list. */
export const BUREAU_DEPARTMENT = "区行政审批局";
/** Date the department seals were archived (封存) when the bureau took over: a demo value. */
const SEALS_ARCHIVED_AT = new Date("2019-06-28T00:00:00+08:00");

export type SeedSummary = { departments: number; sections: number; items: number; seals: number; users: number };

export async function seedBureau(prisma: PrismaClient, csvText: string): Promise<SeedSummary> {
  const { records } = parseCsvRecords(csvText);
  const created: SeedSummary = { departments: 0, sections: 0, items: 0, seals: 0, users: 0 };

  // Departments: the real department codes of the published list.
  const deptCode = new Map<string, string>();
  for (const r of records) if (!deptCode.has(r.department)) deptCode.set(r.department, r.dept_code);
  const bureauRows = records.filter((r) => r.department === BUREAU_DEPARTMENT);
  const origins = new Map<string, string>(); // implementation code → department
  for (const r of bureauRows) {
    const origin = originDepartmentOf(r.item_name);
    if (!origin) throw new Error(`no origin rule for item "${r.item_name}"`);
    origins.set(r.implementation_code, origin);
  }
  const departmentNames = [...new Set(origins.values())].sort();
  const departmentIds = new Map<string, string>();
  for (const name of departmentNames) {
    const code = deptCode.get(name);
    if (!code) throw new Error(`department ${name} has no code in the list`);
    const existing = await prisma.department.findUnique({ where: { name } });
    const dept = existing ?? (await prisma.department.create({ data: { name, code } }));
    if (!existing) created.departments++;
    departmentIds.set(name, dept.id);
  }

  const sectionIds = new Map<string, string>();
  for (const s of SECTIONS) {
    const existing = await prisma.section.findUnique({ where: { code: s.code } });
    const section = existing ?? (await prisma.section.create({ data: { code: s.code, name: s.name, duty: s.duty } }));
    if (!existing) created.sections++;
    sectionIds.set(s.code, section.id);
  }
  const sectionOfDepartment = (dept: string) => {
    const s = SECTIONS.find((x) => (x.departments as readonly string[]).includes(dept));
    if (!s) throw new Error(`department ${dept} belongs to no section`);
    return sectionIds.get(s.code)!;
  };

  // Items and their materials, created together so a re-run never leaves an item without materials.
  const known = new Set((await prisma.item.findMany({ select: { implementationCode: true } })).map((i) => i.implementationCode));
  const fresh = bureauRows.filter((r) => !known.has(r.implementation_code));
  await prisma.$transaction(async (tx) => {
    for (const r of fresh) {
      const dept = origins.get(r.implementation_code)!;
      const v = demoValuesFor(r.item_name, Number(r.task_type), dept);
      await tx.item.create({
        data: {
          implementationCode: r.implementation_code,
          basicCode: r.basic_code,
          name: r.item_name,
          mainItemName: r.main_item === "未分类" ? "" : r.main_item,
          taskType: Number(r.task_type),
          kind: v.kind,
          statutoryDays: v.statutoryDays,
          promisedDays: v.promisedDays,
          legalBasis: v.legalBasis,
          feeNote: v.feeNote,
          visitsRequired: v.visitsRequired,
          onlineAvailable: v.onlineAvailable,
          demoValues: true,
          departmentId: departmentIds.get(dept)!,
          sectionId: sectionOfDepartment(dept),
          materials: { create: v.materials.map((m, position) => ({ ...m, position })) },
        },
      });
    }
  }, { timeout: 120_000 });
  created.items = fresh.length;

  // One active seal; one archived seal per former department.
  if (!(await prisma.seal.findFirst({ where: { status: "ACTIVE" } }))) {
    await prisma.seal.create({
      data: { name: "广安市广安区行政审批局审批专用章", holder: "局长", status: "ACTIVE", activeMarker: true },
    });
    created.seals++;
  }
  for (const [name, id] of departmentIds) {
    if (await prisma.seal.findFirst({ where: { departmentId: id } })) continue;
    await prisma.seal.create({
      data: { name: `广安市广安区${name.replace(/^区/, "")}行政许可专用章`, holder: "档案室", status: "ARCHIVED", departmentId: id, archivedAt: SEALS_ARCHIVED_AT },
    });
    created.seals++;
  }

  const sectionIdByCode = (code?: string) => (code ? sectionIds.get(code) ?? null : null);
  let passwordHash: string | undefined;
  for (const a of DEMO_ACCOUNTS) {
    if (await prisma.user.findUnique({ where: { loginId: a.loginId } })) continue;
    passwordHash ??= await hash(DEMO_PASSWORD);
    await prisma.user.create({
      data: {
        loginId: a.loginId,
        name: a.name,
        role: a.role,
        passwordHash,
        sectionId: sectionIdByCode(a.sectionCode),
        applicantType: a.applicant?.applicantType,
        residentId: a.applicant?.residentId,
        creditCode: a.applicant?.creditCode,
        contactName: a.applicant?.contactName,
        phone: a.applicant?.phone,
      },
    });
    created.users++;
  }

  if (Object.values(created).some((n) => n > 0)) {
    await prisma.auditEvent.create({
      data: { action: "seed.applied", entityType: "Bureau", entityId: "seed", after: created },
    });
  }
  return created;
}
