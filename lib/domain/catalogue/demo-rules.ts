// The ONE documented rule that fills what the published item list lacks (department of origin,
// section, kind, time limits, fees, materials). Every value it produces is a demo value and is
// shown as such; see docs/decisions/004-seeded-catalogue.md.

import type { FeeLine } from "../fees/fees";
import { parseFormFieldSpec, type FormField } from "./form-fields";

export type ItemKindName = "INSTANT" | "PROMISED" | "REPORTED";
export type MaterialKindName = "CORE" | "SUPPLEMENTARY";

/** The bureau's sections (审批科室) and the departments whose items each one took over. */
export const SECTIONS = [
  { code: "S01", name: "市场准入审批科", duty: "企业开办、食品经营、计量与特种设备", departments: ["区市监局"] },
  { code: "S02", name: "社会事务审批科", duty: "社会组织、宗教、人力资源、公证与代理记账", departments: ["区民政局", "区委统战部", "区司法局", "区财政局", "区人社局"] },
  { code: "S03", name: "教育卫生审批科", duty: "教育、体育、医疗卫生", departments: ["区教科体局", "区卫健局"] },
  { code: "S04", name: "文化旅游审批科", duty: "文物、广电、演出、娱乐与出版", departments: ["区文广旅局"] },
  { code: "S05", name: "农业水利审批科", duty: "农业、渔业、林业与水利", departments: ["区农业农村局", "区林业局", "区水务局"] },
  { code: "S06", name: "建设交通审批科", duty: "公路、城建、环卫、节能、电力与危化品", departments: ["区交通运输局", "区住建局", "区发改局", "区经信局", "区应急管理局"] },
] as const;

/** Keyword rules, first match wins: which department an item of the bureau's list came from. */
const ORIGIN_RULES: [department: string, keywords: string[]][] = [
  ["区委统战部", ["宗教", "寺院", "民族成份", "固定处所"]],
  ["区司法局", ["公证员"]],
  ["区财政局", ["代理记账"]],
  ["区人社局", ["劳务派遣", "人力资源服务", "职业培训学校", "工时制"]],
  ["区应急管理局", ["危险化学品", "烟花爆竹"]],
  ["区发改局", ["节能审查"]],
  ["区经信局", ["电力设施"]],
  ["区文广旅局", ["文物", "广播", "电视", "演出", "娱乐", "互联网上网", "出版", "电影", "文旅"]],
  ["区教科体局", ["体育", "健身气功", "攀岩", "潜水", "滑雪", "游泳", "幼儿园", "学校", "小学", "中学", "教育", "校外培训", "校车"]],
  ["区卫健局", ["医疗", "医师", "护士", "卫生许可", "放射", "母婴", "中医", "乡村医生", "毒性药品", "健康体检"]],
  ["区民政局", ["社会团体", "民办非企业", "慈善", "墓地"]],
  ["区农业农村局", ["渔业", "拖拉机", "联合收割机", "农药", "种子", "兽药", "动物", "种畜禽", "家畜", "家禽", "蚕种", "生鲜乳", "食用菌", "水产", "鱼类", "养殖", "农业野生植物"]],
  ["区林业局", ["野生植物", "护路林"]],
  ["区水务局", ["水利", "河道", "取水", "洪水", "行洪", "大坝", "水库", "提灌", "灌溉"]],
  ["区交通运输局", ["公路", "超限运输", "设计变更", "初步设计"]],
  ["区住建局", ["城市道路", "建筑", "户外广告", "宣传品", "环卫", "垃圾", "占道"]],
  ["区市监局", ["食品", "计量", "特种设备", "登记", "证照", "企业", "公司", "市场主体", "个体工商户", "备案"]],
];

/** Department of origin of an item the bureau now runs, or null when no rule matches. */
export function originDepartmentOf(itemName: string): string | null {
  for (const [department, keywords] of ORIGIN_RULES) {
    if (keywords.some((k) => itemName.includes(k))) return department;
  }
  return null;
}

export function sectionCodeOfDepartment(department: string): string | null {
  return SECTIONS.find((s) => (s.departments as readonly string[]).includes(department))?.code ?? null;
}

const REPORTED_PATTERN = /初审|省政府令|349号令/;
const INSTANT_PATTERN = /注销|补办|补发|补领|补换|补证|遗失|备案|查询|信息变更|事项更正|歇业|调档|转出|转入|即办件/;

export function kindOf(itemName: string, taskType: number, department: string): ItemKindName {
  if (REPORTED_PATTERN.test(itemName)) return "REPORTED";
  if (/承诺件/.test(itemName)) return "PROMISED";
  if (INSTANT_PATTERN.test(itemName)) return "INSTANT";
  // 企业开办: market-entity registrations are decided on the spot.
  if (department === "区市监局" && itemName.includes("登记")) return "INSTANT";
  // Non-licence powers (confirmation, other) of the list are simple registrations too.
  if (taskType !== 1) return "INSTANT";
  return "PROMISED";
}

/** Administrative Licensing Law art. 42: 20 working days unless a law sets another limit. */
export const STATUTORY_DAYS_DEFAULT = 20;

export type DemoItemValues = {
  kind: ItemKindName;
  statutoryDays: number;
  promisedDays: number;
  visitsRequired: number;
  onlineAvailable: boolean;
  feeNote: string;
  legalBasis: string;
  description: string;
  eligibility: string;
  processSteps: string[];
  materials: { name: string; kind: MaterialKindName; originalRequired: boolean; copies: number; note: string; condition?: string }[];
  /** Item-specific form fields (示例值): food licences ask where and what. */
  formFields: FormField[];
  /** 收费 (示例值): the fee lines a grant makes payable; most licences are free. */
  feeLines: FeeLine[];
};

/**
 * 公路赔（补）偿费: a grant to dig up or occupy a public road makes the compensation for the road
 * property payable (its amount depends on the area and the surface: the demo charges by area).
 */
function demoFeeLines(itemName: string): FeeLine[] {
  if (!itemName.includes("挖掘普通公路")) return [];
  // 计量收费: charged per square metre of surface dug up; the decider enters the area when granting.
  return [{ name: "公路路产补偿费（示例：挖掘沥青路面）", amountFen: 24_000, unit: "平方米", basis: "《中华人民共和国公路法》第四十四条；四川省公路路产损坏赔（补）偿收费标准" }];
}

/** The fields a food licence's application form asks for (demo values, editable per item). */
const FOOD_FORM_FIELDS: FormField[] = parseFormFieldSpec("经营场所 | text | required\n经营项目 | textarea | required\n许可证编号（已持证的） | text").fields;

export function demoValuesFor(itemName: string, taskType: number, department: string): DemoItemValues {
  const kind = kindOf(itemName, taskType, department);
  const statutoryDays = STATUTORY_DAYS_DEFAULT;
  // Promised limit: on the spot for instant items, half the statutory limit otherwise.
  const promisedDays = kind === "INSTANT" ? 0 : Math.floor(statutoryDays / 2);
  const materials: DemoItemValues["materials"] = [
    { name: "申请表", kind: "CORE", originalRequired: true, copies: 1, note: "窗口及网上提供空白表格" },
    { name: "申请人身份证明（居民身份证或营业执照）", kind: "CORE", originalRequired: false, copies: 1, note: "复印件，窗口核验原件" },
  ];
  if (kind !== "INSTANT") {
    materials.push({ name: "符合许可条件的证明材料", kind: "CORE", originalRequired: true, copies: 1, note: "" });
    materials.push({ name: "其他相关证明材料", kind: "SUPPLEMENTARY", originalRequired: false, copies: 1, note: "可容缺受理，发证前补齐" });
  }
  materials.push({ name: "授权委托书及受托人身份证明", kind: "SUPPLEMENTARY", originalRequired: true, copies: 1, note: "委托他人办理时提供", condition: "委托他人办理" });
  return {
    kind,
    statutoryDays,
    promisedDays,
    visitsRequired: kind === "INSTANT" ? 0 : 1,
    onlineAvailable: kind !== "REPORTED",
    feeNote: demoFeeLines(itemName).length ? "按挖掘面积和公路路产损坏赔（补）偿标准收取补偿费，准予许可时核定面积并开具缴款通知书，通过银行缴纳（示例值）" : "不收费",
    feeLines: demoFeeLines(itemName),
    description: sectionCodeOfDepartment(department)
      ? `${itemName}。本事项原由${department}办理，现由区行政审批局集中受理、审批，以行政审批局审批专用章出具结果。`
      : `${itemName}。本事项由${department}办理。`,
    eligibility: "符合法定条件的公民、法人或者其他组织均可申请。",
    processSteps:
      kind === "INSTANT"
        ? ["申请：网上申报或到窗口提交材料", "受理：窗口核验材料", "决定：窗口工作人员按授权当场办结", "送达：当场领取或下载电子证照"]
        : kind === "REPORTED"
          ? ["申请：到窗口提交材料", "受理：窗口核验材料并出具受理通知书", "审查：审批科室初审", "上报：报上级机关审批并跟踪结果", "送达：结果通知申请人"]
          : ["申请：网上申报或到窗口提交材料", "受理：窗口核验材料，齐全当场受理", "审查：审批科室审查，必要时现场踏勘", "决定：科长按授权作出审批决定", "送达：窗口领取、邮寄或下载电子证照"],
    legalBasis: `《中华人民共和国行政许可法》；${department}原设定依据以四川省政务服务网公布为准`,
    materials,
    formFields: itemName.includes("食品") && kind !== "REPORTED" ? FOOD_FORM_FIELDS : [],
  };
}
