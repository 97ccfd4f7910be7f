// What a search box query means for the catalogue. Item names are official and long
// ("食品(含保健食品)经营许可核发"); people type what they want ("营业执照", "开饭店", "卫生许可证").
// A query becomes a plan: its words (taken literally — % and _ are characters, not wildcards — with
// filler such as 办理/申请 and a trailing 证 dropped), the catalogue terms its everyday words stand
// for (SEARCH_SYNONYMS), and its characters for the approximate fallback. The database ranks by it
// (lib/server/catalogue/search-catalogue.ts).

export const MAX_QUERY_LENGTH = 50;

/** The query as searched (cut to the maximum) and whether it was cut. */
export function boundedQuery(raw: string): { q: string; tooLong: boolean } {
  const q = raw.trim().replace(/\s+/g, " ");
  const chars = [...q];
  return chars.length > MAX_QUERY_LENGTH ? { q: chars.slice(0, MAX_QUERY_LENGTH).join("").trim(), tooLong: true } : { q, tooLong: false };
}

export function searchWords(q: string): string[] {
  return q.split(" ").filter(Boolean);
}

/** The distinct characters of a query that has Chinese in it (spaces and punctuation left out); none otherwise. */
export function searchCharacters(q: string): string[] {
  if (!/\p{Script=Han}/u.test(q)) return [];
  return [...new Set([...q].filter((c) => /[\p{L}\p{N}]/u.test(c)))];
}

/**
 * Everyday words and the catalogue's terms for them (in item or department names). A query holding
 * any of `says` also searches for each of `means`. Kept short and concrete: only what the list of
 * real queries (tests/support/search-queries.ts) and the catalogue warrant.
 */
export const SEARCH_SYNONYMS: readonly { says: readonly string[]; means: readonly string[] }[] = [
  { says: ["营业执照", "执照", "开公司", "注册公司", "办公司", "开店", "business licence", "business license"], means: ["设立登记"] },
  { says: ["个体户"], means: ["个体工商户"] },
  { says: ["饭店", "餐馆", "餐厅", "饭馆", "餐饮", "小吃", "超市", "便利店", "restaurant"], means: ["食品(含保健食品)经营许可核发", "仅销售预包装食品经营者备案信息采集"] },
  { says: ["网吧", "internet cafe"], means: ["互联网上网服务营业场所"] },
  { says: ["ktv", "歌厅", "卡拉ok"], means: ["歌舞娱乐场所"] },
  { says: ["游戏厅", "电玩"], means: ["游艺娱乐场所"] },
  { says: ["诊所", "医院", "clinic"], means: ["诊所", "医疗机构"] },
  { says: ["宠物医院", "兽医"], means: ["动物诊疗"] },
  { says: ["医生", "doctor", "physician"], means: ["医师"] },
  { says: ["nurse"], means: ["护士"] },
  { says: ["捕鱼", "打鱼", "钓鱼", "fishing"], means: ["渔业捕捞"] },
  { says: ["广告牌", "招牌"], means: ["户外广告"] },
  { says: ["挖路", "开挖道路", "占道"], means: ["挖掘城市道路", "占道施工"] },
  { says: ["烟花", "鞭炮", "fireworks"], means: ["烟花爆竹"] },
  { says: ["危化品"], means: ["危险化学品", "危化品"] },
  { says: ["培训班", "培训机构", "培训学校"], means: ["培训学校", "培训机构"] },
  { says: ["卫生许可证", "卫生证"], means: ["卫生许可"] },
  { says: ["驾驶证", "驾照"], means: ["驾驶证"] },
  { says: ["农机"], means: ["拖拉机/联合收割机"] },
  { says: ["种子"], means: ["种子生产经营许可"] },
  { says: ["养鱼", "养殖证"], means: ["养殖证"] },
  { says: ["打井", "取水证"], means: ["取水许可"] },
  { says: ["墓地", "公墓"], means: ["墓地"] },
  { says: ["food"], means: ["食品"] },
  { says: ["kindergarten"], means: ["幼儿园"] },
  { says: ["pesticide"], means: ["农药"] },
  { says: ["市场监管", "工商局"], means: ["市监局"] },
  { says: ["卫生健康", "卫生局"], means: ["卫健局"] },
  { says: ["文旅局", "文化局", "旅游局", "广电局"], means: ["文广旅局"] },
  { says: ["教育局", "科技局", "体育局"], means: ["教科体局"] },
  { says: ["人力资源", "社保局"], means: ["人社局"] },
  { says: ["农业局"], means: ["农业农村局"] },
];

const SAYINGS = SEARCH_SYNONYMS.flatMap((e) => e.says.map((say) => ({ say, means: e.means }))).sort((a, b) => b.say.length - a.say.length);

/** Words around what people want, dropped from the ends of each word: "办理营业执照" → "营业执照". */
const LEADING_FILLER = /^(我要|我想|如何|怎么|怎样|申请|办理|申领|办)+/u;
const TRAILING_FILLER = /(怎么办|怎么办理|如何办理|需要什么材料|要什么材料|流程|手续|办理|申请|证书|证)+$/u;

/** A word without the filler around it (never emptied: a word that is all filler stays as typed). */
export function coreWord(word: string): string {
  const core = word.replace(LEADING_FILLER, "").replace(TRAILING_FILLER, "");
  return [...core].length >= 1 ? core : word;
}

export type SearchPlan = {
  /** Lower-cased words, each of which must occur (literally) in the name or the department's name. */
  words: string[];
  /** Catalogue terms the query's everyday words stand for (lower-cased). */
  expansions: string[];
  /** Characters for the approximate fallback (Chinese queries only). */
  characters: string[];
  /** The query as typed (bounded), for similarity. */
  text: string;
};

export function searchPlan(q: string): SearchPlan {
  const text = q.toLowerCase();
  const words = searchWords(text).map(coreWord);
  const expansions = new Set<string>();
  // Longest everyday words first, each taken out of the text once matched, so "宠物医院" means
  // 动物诊疗 and not also the 医院 inside it.
  let rest = text;
  for (const { say, means } of SAYINGS) {
    if (!rest.includes(say)) continue;
    rest = rest.split(say).join(" ");
    for (const m of means) expansions.add(m.toLowerCase());
  }
  return { words, expansions: [...expansions], characters: searchCharacters(words.join("")), text };
}
