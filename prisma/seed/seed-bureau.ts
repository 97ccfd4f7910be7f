// Seeds a real bureau: the 行政审批局's items of the published list, sections, seals, demo accounts.
// Idempotent: what exists is left alone (an administrator's later edits survive a re-seed).
import { hash } from "@node-rs/argon2";
import { BUREAU } from "../../lib/bureau";
import { SECTIONS } from "../../lib/domain/catalogue/demo-rules";
import { applyItemImport } from "../../lib/server/catalogue/import-items";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../tests/factories/demo-accounts";
import type { PrismaClient } from "../generated/client";
import holidayJson from "../data/cn-holidays-2007-2026.json";
import { calendarYearsFromHolidayJson } from "../../lib/domain/calendar/holiday-data";
import { seedCalendarYears } from "../../lib/server/calendar/working-calendar";
import { ensureSealIdentity } from "../../lib/server/seals/seal-keys";

/** Date the department seals were archived (封存) when the bureau took over: a demo value. */
const SEALS_ARCHIVED_AT = new Date("2019-06-28T00:00:00+08:00");

export type SeedSummary = { departments: number; sections: number; items: number; seals: number; users: number; calendarYears: number };

/**
 * `production`: no demo accounts at all (their password is published in the README) — only the
 * administrator, with `adminPassword` (the caller generates one and shows it once).
 */
const DEMO_CENTRE = { code: "NH-01", name: "浓洄街道便民服务中心", address: "广安区浓洄街道便民服务中心一楼" };

export async function seedBureau(prisma: PrismaClient, csvText: string, opts: { production?: boolean; adminPassword?: string } = {}): Promise<SeedSummary> {
  const created: SeedSummary = { departments: 0, sections: 0, items: 0, seals: 0, users: 0, calendarYears: 0 };
  // The working-day calendar from the State Council's notices (2007–2026); later years are added by an administrator.
  created.calendarYears = await seedCalendarYears(prisma, calendarYearsFromHolidayJson(holidayJson));
  for (const s of SECTIONS) {
    if (await prisma.section.findUnique({ where: { code: s.code } })) continue;
    await prisma.section.create({ data: { code: s.code, name: s.name, duty: s.duty } });
    created.sections++;
  }
  const departmentsBefore = await prisma.department.count();
  const report = await applyItemImport(prisma, csvText, {
    actor: null,
    source: "guang-an-qu-511602-items.csv",
    keep: (r) => r.department === BUREAU.listDepartment,
  });
  if (!report.applied) throw new Error(`the item list did not import: ${JSON.stringify(report.rows.filter((r) => r.action === "error"))}`);
  created.items = report.counts.create;
  created.departments = (await prisma.department.count()) - departmentsBefore;
  const departmentIds = new Map((await prisma.department.findMany({ select: { id: true, name: true } })).map((d) => [d.name, d.id]));

  // One active seal; one archived seal per former department.
  if (!(await prisma.seal.findFirst({ where: { status: "ACTIVE" } }))) {
    await prisma.seal.create({
      data: { name: "广安市广安区行政审批局审批专用章", holder: "局长", status: "ACTIVE", activeMarker: true },
    });
    created.seals++;
  }
  // Its signing identity: on a fresh install a self-issued demo identity, keys outside the database.
  await ensureSealIdentity(prisma, (await prisma.seal.findFirst({ where: { status: "ACTIVE" } }))!);
  for (const [name, id] of departmentIds) {
    if (await prisma.seal.findFirst({ where: { departmentId: id } })) continue;
    await prisma.seal.create({
      data: { name: `广安市广安区${name.replace(/^区/, "")}行政许可专用章`, holder: "档案室", status: "ARCHIVED", departmentId: id, archivedAt: SEALS_ARCHIVED_AT },
    });
    created.seals++;
  }

  const sectionIds = new Map((await prisma.section.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]));
  const sectionIdByCode = (code?: string) => (code ? sectionIds.get(code) ?? null : null);
  let passwordHash: string | undefined;
  const accounts = opts.production ? DEMO_ACCOUNTS.filter((a) => a.role === "ADMIN") : DEMO_ACCOUNTS;
  for (const a of accounts) {
    if (await prisma.user.findUnique({ where: { loginId: a.loginId } })) continue;
    if (opts.production && !opts.adminPassword) throw new Error("A production seed needs the administrator's password");
    passwordHash ??= await hash(opts.production ? opts.adminPassword! : DEMO_PASSWORD);
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
        phone: a.notices?.phone ?? a.applicant?.phone,
        email: a.notices?.email,
        notifyChannels: a.notices?.channels,
      },
    });
    created.users++;
  }

  // 就近办 (demo installations only): a township centre accepting some of the bureau's instant items.
  if (!opts.production && !(await prisma.serviceCentre.findUnique({ where: { code: DEMO_CENTRE.code } }))) {
    const centre = await prisma.serviceCentre.create({ data: DEMO_CENTRE });
    const instant = await prisma.item.findMany({ where: { sectionId: { not: null }, currentVersion: { kind: "INSTANT" } }, select: { id: true }, orderBy: { implementationCode: "asc" }, take: 20 });
    await prisma.centreItem.createMany({ data: instant.map((i) => ({ centreId: centre.id, itemId: i.id })) });
  }

  // 评审专家库 (demo installations only): a small pool in three fields for expert-review draws
  // (names and employers invented); seeded once, while no expert of these fields exists.
  if (!opts.production) {
    const experts = [
      { name: "李建华", field: "食品安全", employer: "广安市疾病预防控制中心" },
      { name: "陈晓燕", field: "食品安全", employer: "广安职业技术学院食品工程系" },
      { name: "刘志强", field: "食品安全", employer: "广安市食品药品检验所" },
      { name: "杨丽萍", field: "食品安全", employer: "广安区市场监督管理局（退休）" },
      { name: "黄文杰", field: "食品安全", employer: "四川省食品发酵工业研究设计院" },
      { name: "周敏", field: "公共卫生", employer: "广安市人民医院" },
      { name: "吴海涛", field: "公共卫生", employer: "广安区疾病预防控制中心" },
      { name: "徐静", field: "公共卫生", employer: "川北医学院公共卫生学院" },
      { name: "孙立新", field: "公共卫生", employer: "广安市卫生健康监督执法支队（退休）" },
      { name: "马国栋", field: "建筑消防", employer: "广安市建筑设计研究院" },
      { name: "朱红梅", field: "建筑消防", employer: "四川消防安全评估中心" },
      { name: "胡永强", field: "建筑消防", employer: "广安区住房和城乡建设局（退休）" },
    ];
    if ((await prisma.expert.count({ where: { field: { in: ["食品安全", "公共卫生", "建筑消防"] } } })) === 0) await prisma.expert.createMany({ data: experts });
  }

  if (Object.values(created).some((n) => n > 0)) {
    await prisma.auditEvent.create({
      data: { action: "seed.applied", entityType: "Bureau", entityId: "seed", after: created },
    });
  }
  return created;
}
