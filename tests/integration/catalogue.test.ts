// The catalogue on real PostgreSQL: search and filters, versioned items, and the CSV import.
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { publishFormToInput, type TPublishItemVersionInput } from "@/lib/server/catalogue/schemas";
import { applyItemImport, importItemList } from "@/lib/server/catalogue/import-items";
import { getItemGuide } from "@/lib/server/catalogue/get-item-guide";
import { publishItemVersion } from "@/lib/server/catalogue/publish-item-version";
import { catalogueFacets, parseCatalogueQuery, searchCatalogue } from "@/lib/server/catalogue/search-catalogue";
import { db } from "@/lib/server/db";
import { ITEMS_CSV } from "../../prisma/seed";
import { seedBureau } from "../../prisma/seed/seed-bureau";
import { SEARCH_QUERIES } from "../support/search-queries";
import { actorOf, createUser } from "../factories/users";

const CSV = fs.readFileSync(ITEMS_CSV, "utf8");
const FOOD_LICENCE = "食品(含保健食品)经营许可核发";

beforeAll(async () => {
  await seedBureau(db(), CSV);
});

describe("catalogue search", () => {
  it("finds the food items of the seeded list from 食品", async () => {
    const result = await searchCatalogue(parseCatalogueQuery({ q: "食品" }));
    const expected = CSV.split("\n").filter((l) => l.startsWith('"区行政审批局"') && l.split(",")[2].includes("食品")).length;
    expect(expected).toBeGreaterThan(10);
    expect(result.total).toBe(expected);
    const all = await searchCatalogue(parseCatalogueQuery({ q: "食品", page: String(2) }));
    const names = [...result.items, ...all.items].map((i) => i.name);
    expect(names.every((n) => n.includes("食品"))).toBe(true);
    expect(names).toContain(FOOD_LICENCE);
  });

  it("takes % and _ literally, says when a query was cut, and finds by characters when the words are not in any name", async () => {
    expect((await searchCatalogue(parseCatalogueQuery({ q: "%" }))).total).toBe(0);
    expect((await searchCatalogue(parseCatalogueQuery({ q: "_" }))).total).toBe(0);
    const long = parseCatalogueQuery({ q: `食品${"许".repeat(60)}` });
    expect(long.tooLong).toBe(true);
    expect([...long.q]).toHaveLength(50);
    expect(parseCatalogueQuery({ q: "食品" }).tooLong).toBe(false);
    // 食品经营许可 is in the food licences' names once their parenthesised part is left out.
    const core = await searchCatalogue(parseCatalogueQuery({ q: "食品经营许可" }));
    expect(core.approximate).toBe(false);
    expect(core.items[0].name).toBe(FOOD_LICENCE);
    expect(core.total).toBe(11);
    // The same words in another order are in no name: the items holding its characters, said so.
    const byChars = await searchCatalogue(parseCatalogueQuery({ q: "经营许可食品" }));
    expect(byChars.approximate).toBe(true);
    expect(byChars.items.map((i) => i.name)).toContain(FOOD_LICENCE);
    const exact = await searchCatalogue(parseCatalogueQuery({ q: "食品" }));
    expect(exact.approximate).toBe(false);
  });

  it("finds what people type: everyday words, filler, department names; recall ≥ 90 % on the kept list", async () => {
    const licence = await searchCatalogue(parseCatalogueQuery({ q: "营业执照" }));
    expect(licence.items.map((i) => i.name)).toEqual(expect.arrayContaining(["公司设立登记", "个体工商户设立登记"]));
    expect(licence.items.every((i) => i.name.includes("设立登记"))).toBe(true);
    let expected = 0;
    let found = 0;
    const missed: string[] = [];
    for (const c of SEARCH_QUERIES) {
      const names = (await searchCatalogue(parseCatalogueQuery({ q: c.q }))).items.slice(0, 10).map((i) => i.name);
      expected += c.expect.length;
      for (const e of c.expect) names.includes(e) ? found++ : missed.push(`${c.q} → ${e}`);
    }
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(30);
    expect(found / expected, missed.join("; ")).toBeGreaterThanOrEqual(0.9);
  });

  it("answers a query that finds nothing as typed with the nearest terms (did you mean)", async () => {
    const typo = await searchCatalogue(parseCatalogueQuery({ q: "营业执造" }));
    expect(typo.approximate).toBe(true);
    expect(typo.suggestions).toContain("营业执照");
    const followed = await searchCatalogue(parseCatalogueQuery({ q: "营业执照" }));
    expect(followed.approximate).toBe(false);
    expect(followed.total).toBeGreaterThan(0);
    const typoInName = await searchCatalogue(parseCatalogueQuery({ q: "幼儿圆" }));
    expect(typoInName.items[0].name).toContain("幼儿园");
    expect(typoInName.suggestions.some((s) => s.includes("幼儿园"))).toBe(true);
    const nothing = await searchCatalogue(parseCatalogueQuery({ q: "xyzzy" }));
    expect([nothing.total, nothing.suggestions]).toEqual([0, []]);
    // Found as typed: no suggestions.
    expect((await searchCatalogue(parseCatalogueQuery({ q: "食品" }))).suggestions).toEqual([]);
  });

  it("combines filters: words, kind, visits, department and section narrow together", async () => {
    const base = await searchCatalogue(parseCatalogueQuery({ q: "食品" }));
    const instant = await searchCatalogue(parseCatalogueQuery({ q: "食品", kind: "INSTANT" }));
    const promisedOneVisit = await searchCatalogue(parseCatalogueQuery({ q: "食品", kind: "PROMISED", visits: "1" }));
    expect(instant.total).toBeGreaterThan(0);
    expect(instant.total + promisedOneVisit.total).toBeLessThanOrEqual(base.total);
    expect(instant.items.every((i) => i.kind === "INSTANT")).toBe(true);
    const noVisit = await searchCatalogue(parseCatalogueQuery({ kind: "PROMISED", visits: "0" }));
    expect(noVisit.total).toBe(0); // the demo rule gives promised items one visit
    const { departments, sections } = await catalogueFacets();
    const market = departments.find((d) => d.name === "区市监局")!;
    const s01 = sections.find((s) => s.name === "市场准入审批科")!;
    const both = await searchCatalogue(parseCatalogueQuery({ q: "食品", department: market.id, section: s01.id }));
    expect(both.items.every((i) => i.department.name === "区市监局" && i.section?.name === "市场准入审批科")).toBe(true);
    const otherSection = await searchCatalogue(parseCatalogueQuery({ q: "食品", department: market.id, section: sections.find((s) => s.name === "文化旅游审批科")!.id }));
    expect(otherSection.total).toBe(0);
  });

  it("ignores malformed query values instead of failing; an over-long query is cut, not dropped", async () => {
    const q = parseCatalogueQuery({ kind: "BOGUS", page: "-3", visits: "7", q: "x".repeat(500) });
    expect(q).toMatchObject({ kind: "", page: 1, visits: "", q: "x".repeat(50), tooLong: true });
  });
});

describe("versioned items", () => {
  it("publishing an edit creates version 2 and leaves version 1 readable and unchanged", async () => {
    const admin = actorOf(await createUser(db(), { role: "ADMIN" }));
    const code = (await db().itemVersion.findFirstOrThrow({ where: { name: FOOD_LICENCE }, include: { item: true } })).item.implementationCode;
    const v1 = await getItemGuide(code);
    expect(v1.guide.version).toBe(1);

    const fd = new FormData();
    const g = v1.guide;
    for (const [k, v] of Object.entries({ implementationCode: code, baseVersion: "1", name: g.name, kind: g.kind, description: "新的事项简介", eligibility: g.eligibility, legalBasis: "《中华人民共和国食品安全法》第三十五条", processSteps: g.processSteps.join("\n"), statutoryDays: "20", promisedDays: "5", feeNote: "不收费", visitsRequired: "0", changeNote: "承诺时限压缩至 5 个工作日" })) fd.set(k, v);
    fd.set("onlineAvailable", "on");
    g.materials.forEach((m, i) => {
      fd.set(`m.${i}.name`, m.name);
      fd.set(`m.${i}.kind`, m.kind);
      fd.set(`m.${i}.copies`, String(m.copies));
      fd.set(`m.${i}.note`, m.note);
      if (m.originalRequired) fd.set(`m.${i}.original`, "on");
    });
    fd.set("m.99.name", "食品安全管理制度");
    fd.set("m.99.kind", "CORE");
    fd.set("m.99.copies", "1");
    const published = await publishItemVersion({ actor: admin, input: publishFormToInput(fd) });
    expect(published.version).toBe(2);

    const now = await getItemGuide(code);
    expect(now.guide).toMatchObject({ version: 2, promisedDays: 5, demoValues: false, description: "新的事项简介" });
    expect(now.guide.materials.map((m) => m.name)).toContain("食品安全管理制度");
    const old = await getItemGuide(code, 1);
    expect(old.isCurrent).toBe(false);
    expect(old.guide).toEqual(v1.guide);
    expect(now.versions.map((v) => v.version)).toEqual([2, 1]);
    await expect(db().itemVersion.update({ where: { id: old.guide.id }, data: { name: "篡改" } })).rejects.toThrow(/append-only/);

    // Publishing again from version 1 (a stale editor) is refused.
    await expect(publishItemVersion({ actor: admin, input: publishFormToInput(fd) })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a promised limit above the statutory one, naming the field", async () => {
    const admin = actorOf(await createUser(db(), { role: "ADMIN" }));
    const item = await db().item.findFirstOrThrow({ where: { currentVersion: { kind: "PROMISED" } }, include: { currentVersion: { include: { materials: true } } } });
    const v = item.currentVersion!;
    const input: TPublishItemVersionInput = {
      implementationCode: item.implementationCode, baseVersion: v.version, name: v.name, kind: v.kind, description: v.description, eligibility: v.eligibility,
      legalBasis: v.legalBasis, processSteps: v.processSteps, statutoryDays: 20, promisedDays: 25, feeNote: v.feeNote, visitsRequired: 1, onlineAvailable: true,
      demoValues: true, changeNote: "测试", materials: v.materials.map((m) => ({ name: m.name, kind: m.kind, originalRequired: m.originalRequired, copies: m.copies, note: m.note, templateUrl: "" })),
    };
    await expect(publishItemVersion({ actor: admin, input })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { promisedDays: "item.promisedOverStatutory" } });
    await expect(publishItemVersion({ actor: admin, input: { ...input, promisedDays: 10, materials: input.materials.map((m) => ({ ...m, kind: "SUPPLEMENTARY" as const })) } }))
      .rejects.toMatchObject({ fieldErrors: { materials: "item.coreMaterialRequired" } });
    expect((await getItemGuide(item.implementationCode)).guide.version).toBe(v.version);
  });

  it("lets the administrator set the item's certificate prefix and the version's validity years, refusing a malformed prefix", async () => {
    const admin = actorOf(await createUser(db(), { role: "ADMIN" }));
    const item = await db().item.findFirstOrThrow({ where: { currentVersion: { kind: "PROMISED" } }, include: { currentVersion: { include: { materials: true } } } });
    const v = item.currentVersion!;
    const input: TPublishItemVersionInput = {
      implementationCode: item.implementationCode, baseVersion: v.version, name: v.name, kind: v.kind, description: v.description, eligibility: v.eligibility,
      legalBasis: v.legalBasis, processSteps: v.processSteps, statutoryDays: 20, promisedDays: 10, feeNote: v.feeNote, visitsRequired: 1, onlineAvailable: true,
      demoValues: true, changeNote: "设定证照编号前缀", materials: v.materials.map((m) => ({ name: m.name, kind: m.kind, originalRequired: m.originalRequired, copies: m.copies, note: m.note, templateUrl: "" })),
    };
    await expect(publishItemVersion({ actor: admin, input: { ...input, certificatePrefix: "广安〔审批〕" } })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { certificatePrefix: "item.certificatePrefix" } });
    await publishItemVersion({ actor: admin, input: { ...input, certificatePrefix: "广安审批食经", certificateValidityYears: "3" } });
    const now = await getItemGuide(item.implementationCode);
    expect(now).toMatchObject({ certificatePrefix: "广安审批食经", guide: { version: v.version + 1, certificateValidityYears: 3 } });
  });
});

describe("importing a published item list", () => {
  async function snapshot() {
    const items = await db().item.findMany({ orderBy: { implementationCode: "asc" }, include: { currentVersion: { include: { materials: { orderBy: { position: "asc" } } } }, department: true } });
    return items.map((i) => ({
      code: i.implementationCode, dept: i.department.name, section: i.sectionId, v: i.currentVersion?.version, name: i.currentVersion?.name,
      kind: i.currentVersion?.kind, materials: i.currentVersion?.materials.map((m) => m.name).join("|"),
    }));
  }

  it("imports the full 1,135-row list; a second import changes nothing", async () => {
    const admin = actorOf(await createUser(db(), { role: "ADMIN" }));
    const bytes = new TextEncoder().encode(CSV);
    const first = await importItemList({ actor: admin, fileName: "full.csv", bytes });
    expect(first.applied).toBe(true);
    expect(first.counts.create + first.counts.skip + first.counts.update).toBe(1135);
    const once = await snapshot();
    const second = await importItemList({ actor: admin, fileName: "full.csv", bytes });
    expect(second.counts).toEqual({ create: 0, update: 0, skip: 1135, error: 0 });
    expect(await snapshot()).toEqual(once);
  });

  it("rejects a file with a broken row, naming the row and reason, and applies nothing", async () => {
    const before = await snapshot();
    const lines = CSV.trimEnd().split("\n");
    const fresh = lines[1].replace(/"511Z07001006-511602000000-000-11511301008778183N-1-00"/, '"511Z07001006-511602000000-000-11511301008778183N-1-99"');
    const broken = lines[2].replace(/"适龄儿童[^"]*"/, '""');
    const text = [lines[0], fresh, broken].join("\n");
    const report = await applyItemImport(db(), text, { actor: null, source: "broken.csv" });
    expect(report.applied).toBe(false);
    expect(report.rows.filter((r) => r.action === "error")).toEqual([expect.objectContaining({ row: 3, reason: "missingName" })]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses uploads that are not UTF-8 text or lack the list's columns", async () => {
    const admin = actorOf(await createUser(db(), { role: "ADMIN" }));
    await expect(importItemList({ actor: admin, fileName: "x.csv", bytes: new Uint8Array([0xff, 0xfe, 0x00]) })).rejects.toMatchObject({ code: "VALIDATION", message: "import.notUtf8" });
    await expect(importItemList({ actor: admin, fileName: "x.csv", bytes: new TextEncoder().encode("a,b\n1,2\n") })).rejects.toMatchObject({ message: "import.missingColumns" });
  });
});
