// 一件事 (demo installations): 开餐馆一件事 — registering a sole trader, the food business licence,
// and optionally the public-place health permit and the large outdoor sign — from the bureau's own
// items. The rules (which items are inspected on site, which materials are given once) are demo
// values an administrator can replace by defining another bundle.
import type { PrismaClient } from "../generated/client";

export const RESTAURANT_BUNDLE = {
  code: "KCG",
  name: "开餐馆一件事",
  description: "开办餐馆（饭店）涉及的登记和许可一次申请：填一张表、交一套材料，各科室并联审查，需要现场踏勘的统一踏勘一次，全部办结后一次送达。（示例规则）",
  items: [
    { name: "个体工商户设立登记", required: true, siteSurvey: false },
    { name: "食品(含保健食品)经营许可核发", required: true, siteSurvey: true },
    { name: "公共场所卫生许可新办审批（县级）", required: false, siteSurvey: true },
    { name: "设置大型户外广告的审批", required: false, siteSurvey: false },
  ],
  sharedMaterials: ["申请表", "申请人身份证明（居民身份证或营业执照）", "授权委托书及受托人身份证明"],
};

/** Seeds the demo bundle once; returns how many bundles it created (0 or 1). */
export async function seedBundles(prisma: PrismaClient): Promise<number> {
  if (await prisma.bundle.findUnique({ where: { code: RESTAURANT_BUNDLE.code } })) return 0;
  const items = [];
  for (const [position, line] of RESTAURANT_BUNDLE.items.entries()) {
    const item = await prisma.item.findFirst({ where: { sectionId: { not: null }, currentVersion: { name: line.name } }, select: { id: true } });
    if (!item) return 0; // a catalogue without these items (a custom import): no demo bundle
    items.push({ itemId: item.id, position, required: line.required, siteSurvey: line.siteSurvey });
  }
  const { items: _lines, ...bundle } = RESTAURANT_BUNDLE;
  await prisma.bundle.create({ data: { ...bundle, items: { create: items } } });
  return 1;
}
