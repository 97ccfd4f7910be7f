import { describe, expect, it } from "vitest";
import { boundedQuery, coreWord, MAX_QUERY_LENGTH, searchCharacters, searchPlan, searchWords } from "./search-terms";

describe("catalogue search terms", () => {
  it("cuts an over-long query to the maximum and says so, counting characters, not bytes", () => {
    expect(boundedQuery("  食品  经营 ")).toEqual({ q: "食品 经营", tooLong: false });
    const long = "食".repeat(MAX_QUERY_LENGTH + 5);
    expect(boundedQuery(long)).toEqual({ q: "食".repeat(MAX_QUERY_LENGTH), tooLong: true });
  });

  it("splits words on spaces, and a Chinese query into its distinct characters", () => {
    expect(searchWords("食品 经营")).toEqual(["食品", "经营"]);
    expect(searchCharacters("食品经营许可")).toEqual(["食", "品", "经", "营", "许", "可"]);
    expect(searchCharacters("食品（经营）")).toEqual(["食", "品", "经", "营"]);
    expect(searchCharacters("permit")).toEqual([]);
  });

  it("drops filler around a word but never empties it", () => {
    expect(coreWord("办理营业执照")).toBe("营业执照");
    expect(coreWord("卫生许可证")).toBe("卫生许可");
    expect(coreWord("我要申请幼儿园设立怎么办")).toBe("幼儿园设立");
    expect(coreWord("证书")).toBe("证书");
    expect(coreWord("补办")).toBe("补办");
  });

  it("plans a query: lower-cased core words, the catalogue terms of its everyday words, its characters", () => {
    const plan = searchPlan("开饭店 KTV");
    expect(plan.words).toEqual(["开饭店", "ktv"]);
    expect(plan.expansions.sort()).toEqual(["仅销售预包装食品经营者备案信息采集", "歌舞娱乐场所", "食品(含保健食品)经营许可核发"].sort());
    // The longest everyday word wins: 宠物医院 is 动物诊疗, not also the 医院 inside it.
    expect(searchPlan("宠物医院").expansions).toEqual(["动物诊疗"]);
    expect(plan.characters).toEqual(["开", "饭", "店", "k", "t", "v"]);
    expect(searchPlan("100%_").words).toEqual(["100%_"]);
    expect(searchPlan("营业执照").expansions).toEqual(["设立登记"]);
    expect(searchPlan("Business Licence").expansions).toEqual(["设立登记"]);
  });
});
