// The seeded bureau: the 行政审批局's 344 real items, sections, one active seal, demo accounts — twice.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/domain/access/roles";
import { db } from "@/lib/server/db";
import { ITEMS_CSV } from "../../prisma/seed";
import { seedBureau } from "../../prisma/seed/seed-bureau";

describe("seedBureau", () => {
  it("seeds the published items with real codes, then a second run adds nothing", async () => {
    const csv = fs.readFileSync(ITEMS_CSV, "utf8");
    const first = await seedBureau(db(), csv);
    expect(first.items).toBe(344);
    expect(first.calendarYears).toBe(20); // 2007–2026
    const counts = async () => ({
      items: await db().item.count(),
      materials: await db().material.count(),
      departments: await db().department.count(),
      sections: await db().section.count(),
      seals: await db().seal.count(),
      users: await db().user.count(),
      calendarYears: await db().holidayCalendarYear.count(),
    });
    const after1 = await counts();
    const second = await seedBureau(db(), csv);
    expect(second).toEqual({ departments: 0, sections: 0, items: 0, seals: 0, users: 0, calendarYears: 0 });
    expect(await counts()).toEqual(after1);

    const item = await db().item.findUniqueOrThrow({
      where: { implementationCode: "511A0141700000-511602000000-000-115113016823646795-1-00" },
      include: { department: true, currentVersion: { include: { materials: true } } },
    });
    expect(item.currentVersion).toMatchObject({ version: 1, name: "在公路增设或改造平面交叉道口审批", demoValues: true });
    expect(item.department.name).toBe("区交通运输局");
    expect(item.currentVersion!.promisedDays).toBeLessThanOrEqual(item.currentVersion!.statutoryDays);

    // 票款分离: one demo item carries a fee line from the seed (a grant to dig up a public road).
    const withFees = await db().$queryRaw<{ name: string }[]>`SELECT v.name FROM "Item" i JOIN "ItemVersion" v ON v.id = i."currentVersionId" WHERE jsonb_array_length(v."feeLines") > 0`;
    expect(withFees.map((v) => v.name)).toEqual(["占用、挖掘普通公路、普通公路用地或者使公路改线审批"]);

    const withoutCore = await db().itemVersion.count({ where: { materials: { none: { kind: "CORE" } } } });
    expect(withoutCore).toBe(0);
    expect(await db().item.count({ where: { currentVersionId: null } })).toBe(0);
    expect(await db().seal.count({ where: { status: "ACTIVE" } })).toBe(1);
    expect(await db().seal.count({ where: { status: "ARCHIVED" } })).toBe(after1.departments);
    const roles = await db().user.groupBy({ by: ["role"] });
    expect(roles.map((r) => r.role).sort()).toEqual([...ROLES].sort());
  });
});
