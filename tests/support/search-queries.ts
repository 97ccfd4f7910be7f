// Thirty-two queries people type into the catalogue's search box, with the items a person expects
// among the first ten results. Used by the integration test (recall ≥ 90 %) and `npm run bench:search`
// (which prints the figure). Item names are those of the seeded published list.
export type SearchCase = { q: string; expect: string[]; note?: string };

export const SEARCH_QUERIES: SearchCase[] = [
  { q: "营业执照", expect: ["个体工商户设立登记", "公司设立登记"], note: "the search box's own example" },
  { q: "食品经营许可", expect: ["食品(含保健食品)经营许可核发"] },
  { q: "开饭店", expect: ["食品(含保健食品)经营许可核发"] },
  { q: "注册公司", expect: ["公司设立登记"] },
  { q: "个体户营业执照", expect: ["个体工商户设立登记"] },
  { q: "公司注销", expect: ["公司注销登记"] },
  { q: "卫生许可证", expect: ["公共场所卫生许可新办审批（县级）"] },
  { q: "网吧", expect: ["内资设立互联网上网服务营业场所筹建审批"] },
  { q: "KTV", expect: ["设立歌舞娱乐场所《娱乐经营许可证》核发"] },
  { q: "医师执业注册", expect: ["医师新办执业注册"] },
  { q: "护士注册", expect: ["护士新办执业注册"] },
  { q: "开诊所", expect: ["中医诊所备案", "内资医疗机构设置审批（县级）"] },
  { q: "幼儿园", expect: ["幼儿园设立审批"] },
  { q: "培训学校", expect: ["民办职业培训学校设立审批(县级)"] },
  { q: "取水许可", expect: ["取水许可证新办审批"] },
  { q: "农药经营许可证", expect: ["农药经营许可证核发（其他农药）"] },
  { q: "兽药", expect: ["兽药经营许可证核发（普通兽药）"] },
  { q: "拖拉机驾驶证", expect: ["拖拉机/联合收割机驾驶证初次申领"] },
  { q: "捕鱼证", expect: ["渔业捕捞许可审批"] },
  { q: "户外广告", expect: ["设置大型户外广告的审批"] },
  { q: "挖路", expect: ["占用、挖掘城市道路审批"] },
  { q: "夜间施工", expect: ["夜间建筑施工许可"] },
  { q: "烟花爆竹", expect: ["烟花爆竹经营（零售）许可证核发"] },
  { q: "危险化学品经营许可", expect: ["除从事剧毒、易制爆、汽油加油站、专用危化品仓储的企业外，除中央企业所属省级、设区的市级公司（分公司）从事危险化学品经营活动的企业，不带有储存设施经营除剧毒化学品、易制爆危险化学品以外的其他危险化学品企业经营许可证核发"] },
  { q: "劳务派遣", expect: ["经营劳务派遣业务（含新增业务、新设公司、分立、合并）许可(县级)"] },
  { q: "演出许可证", expect: ["设立文艺表演团体《营业性演出许可证》核发"] },
  { q: "游泳馆", expect: ["经营游泳许可"] },
  { q: "宠物医院", expect: ["动物诊疗许可"] },
  { q: "食品经营许可证延续", expect: ["食品(含保健食品)经营许可延续"] },
  { q: "卫生许可证遗失补办", expect: ["公共场所卫生许可遗失补办（县级）"] },
  { q: "代理记账", expect: ["中介机构从事代理记账业务审批"] },
  { q: "卫健局 护士", expect: ["护士新办执业注册"], note: "a department's name and a word" },
];
