// A small published item straight in the database: two core materials and one supplementary.
import type { PrismaClient } from "../../prisma/generated/client";

let seq = 0;

export async function createItem(prisma: PrismaClient, opts: { promisedDays?: number; statutoryDays?: number; onlineAvailable?: boolean; kind?: "INSTANT" | "PROMISED" | "REPORTED"; formFields?: { key: string; label: string; kind: string; required: boolean }[]; /** 告知承诺 offered in place of the second core material. */ commitmentText?: string; /** 收费: fee lines a grant makes payable. */ feeLines?: { name: string; amountFen: number; basis: string; unit?: string }[] } = {}) {
  seq++;
  const tag = `${Date.now() % 1_000_000}${seq}`;
  const department = await prisma.department.create({ data: { code: `D${tag}`, name: `测试部门${tag}` } });
  const section = await prisma.section.create({ data: { code: `S${tag}`, name: `测试科${tag}` } });
  const item = await prisma.item.create({
    data: { implementationCode: `TEST-${tag}`, basicCode: `B${tag}`, taskType: 1, departmentId: department.id, sectionId: section.id },
  });
  const version = await prisma.itemVersion.create({
    data: {
      itemId: item.id,
      version: 1,
      name: `测试许可事项${tag}`,
      kind: opts.kind ?? "PROMISED",
      legalBasis: "《中华人民共和国行政许可法》",
      processSteps: ["申请", "受理", "审查", "决定"],
      statutoryDays: opts.statutoryDays ?? 20,
      promisedDays: opts.promisedDays ?? 5,
      feeNote: "不收费",
      visitsRequired: 0,
      onlineAvailable: opts.onlineAvailable ?? true,
      formFields: opts.formFields ?? [],
      feeLines: opts.feeLines ?? [],
      materials: {
        create: [
          { position: 1, name: "申请书", kind: "CORE" },
          { position: 2, name: "营业执照", kind: "CORE", commitmentText: opts.commitmentText ?? "" },
          { position: 3, name: "场所照片", kind: "SUPPLEMENTARY" },
        ],
      },
    },
    include: { materials: { orderBy: { position: "asc" } } },
  });
  await prisma.item.update({ where: { id: item.id }, data: { currentVersionId: version.id } });
  const [core1, core2, supplementary] = version.materials;
  return { item, version, section, materials: { core1, core2, supplementary } };
}
