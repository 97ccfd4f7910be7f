import { describe, expect, it } from "vitest";
import { SECTIONS, demoValuesFor, kindOf, originDepartmentOf, sectionCodeOfDepartment } from "./demo-rules";

describe("demo catalogue rule", () => {
  it("traces items back to the department they came from", () => {
    expect(originDepartmentOf("食品(含保健食品)经营许可核发")).toBe("区市监局");
    expect(originDepartmentOf("占用农业灌溉水源、水利工程及其附属设施，或者影响灌溉用水、供水水源的建设项目审批")).toBe("区水务局");
    expect(originDepartmentOf("企业实行不定时工作制和综合计算工时制审批（县级）")).toBe("区人社局");
    expect(originDepartmentOf("拖拉机/联合收割机注册登记")).toBe("区农业农村局");
    expect(originDepartmentOf("宗教活动场所法人登记审批")).toBe("区委统战部");
    expect(originDepartmentOf("一项不存在的事项")).toBeNull();
  });

  it("puts every department of a rule in exactly one section", () => {
    const all = SECTIONS.flatMap((s) => s.departments);
    expect(new Set(all).size).toBe(all.length);
    expect(sectionCodeOfDepartment("区卫健局")).toBe("S03");
  });

  it("decides the kind from the name", () => {
    expect(kindOf("公司设立登记", 1, "区市监局")).toBe("INSTANT");
    expect(kindOf("医疗机构执业变更（承诺件）（县级）", 1, "区卫健局")).toBe("PROMISED");
    expect(kindOf("广播电台、电视台设立初审", 1, "区文广旅局")).toBe("REPORTED");
    expect(kindOf("护士执业证书遗失补办", 1, "区卫健局")).toBe("INSTANT");
    expect(kindOf("幼儿园设立审批", 1, "区教科体局")).toBe("PROMISED");
  });

  it("keeps promised limits within statutory ones and gives promised items a core proof", () => {
    for (const name of ["公司设立登记", "幼儿园设立审批", "广播电台、电视台设立初审"]) {
      const v = demoValuesFor(name, 1, originDepartmentOf(name)!);
      expect(v.promisedDays).toBeLessThanOrEqual(v.statutoryDays);
      expect(v.materials.filter((m) => m.kind === "CORE").length).toBeGreaterThanOrEqual(v.kind === "INSTANT" ? 2 : 3);
    }
  });

  it("gives one demo item a fee (a grant to dig up a public road), the others none", () => {
    const road = demoValuesFor("占用、挖掘普通公路、普通公路用地或者使公路改线审批", 1, "区交通运输局");
    expect(road.feeLines).toHaveLength(1);
    expect(road.feeLines[0]).toMatchObject({ amountFen: 24_000, unit: "平方米" });
    expect(road.feeNote).toContain("缴款通知书");
    expect(demoValuesFor("食品经营许可", 1, "区市监局").feeLines).toEqual([]);
  });
});
