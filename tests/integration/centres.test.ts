// 就近办 on real PostgreSQL: the administrator sets up a township centre, the items it accepts and a
// clerk who works there; that clerk files a walk-in's delegated item (any other is refused), the
// filing waits in the centre's queue only, is answered there and not by the hall; the case records
// its centre.
import { beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { startApplication, submitApplication } from "@/lib/server/applications/file-application";
import { decideIntake } from "@/lib/server/applications/intake";
import { listIntakeQueue } from "@/lib/server/applications/list-intake-queue";
import { listWindowCases } from "@/lib/server/applications/list-window-cases";
import { getApplication } from "@/lib/server/applications/queries";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { createCentre, listCentres, setCentreItems, setClerkCentre } from "@/lib/server/centres/manage-centres";
import { db } from "@/lib/server/db";
import { loadCentreFigures } from "@/lib/server/statistics/centre-figures";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { periodOf } from "@/lib/domain/statistics/period";
import { draftWithMaterials } from "../factories/filings";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

let delegated: Awaited<ReturnType<typeof createItem>>, other: Awaited<ReturnType<typeof createItem>>;
let admin: Actor, centreClerk: Actor, hallClerk: Actor, applicant: Actor;

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  delegated = await createItem(db());
  other = await createItem(db());
  admin = actorOf(await createUser(db(), { role: "ADMIN" }));
  centreClerk = actorOf(await createUser(db(), { role: "CLERK", name: "浓洄中心窗口" }));
  hallClerk = actorOf(await createUser(db(), { role: "CLERK" }));
  applicant = actorOf(await createUser(db(), { role: "APPLICANT" }));
});

describe("a township centre", () => {
  it("accepts the items delegated to it, in its own queue, and the case records it", async () => {
    const { id: centreId } = await createCentre({ actor: admin, input: { code: "NH-01", name: "浓洄街道便民服务中心", address: "浓洄街道建设路 1 号" } });
    await expect(createCentre({ actor: admin, input: { code: "NH-01", name: "另一个中心" } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setCentreItems({ actor: admin, input: { centreId, codes: `${delegated.item.implementationCode}\nNO-SUCH-CODE` } })).rejects.toMatchObject({ code: "VALIDATION" });
    await setCentreItems({ actor: admin, input: { centreId, codes: delegated.item.implementationCode } });
    await setClerkCentre({ actor: admin, input: { userId: centreClerk.id, centreId } });
    await expect(setClerkCentre({ actor: admin, input: { userId: applicant.id, centreId } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(createCentre({ actor: hallClerk, input: { code: "X-1", name: "无权设立" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const seen = (await listCentres({ actor: admin })).centres.find((c) => c.id === centreId)!;
    expect(seen).toMatchObject({ items: [{ code: delegated.item.implementationCode }], clerks: [{ id: centreClerk.id }] });

    // Not delegated: refused at the centre (the hall files it as ever).
    await expect(
      startApplication({ actor: centreClerk, input: { itemCode: other.item.implementationCode, submissionKey: crypto.randomUUID(), subject: "申请", contactName: "张三", contactPhone: "13800001234", applicantId: applicant.id } }),
    ).rejects.toMatchObject({ code: "ITEM_NOT_AT_CENTRE" });

    const { id, materialIds } = await draftWithMaterials(centreClerk, delegated, { applicantId: applicant.id });
    await submitApplication({ actor: centreClerk, applicationId: id, declared: true });
    expect((await db().application.findUniqueOrThrow({ where: { id } })).centreId).toBe(centreId);
    // It waits at the centre's desk only.
    expect((await listIntakeQueue({ actor: centreClerk })).rows.map((r) => r.id)).toContain(id);
    expect((await listIntakeQueue({ actor: hallClerk })).rows.map((r) => r.id)).not.toContain(id);
    await expect(decideIntake({ actor: hallClerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: materialIds } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await decideIntake({ actor: centreClerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: materialIds } });
    // A filing the centre sent back for correction is followed at the centre's window, not the hall's.
    const second = await draftWithMaterials(centreClerk, delegated, { applicantId: applicant.id });
    await submitApplication({ actor: centreClerk, applicationId: second.id, declared: true });
    await decideIntake({ actor: centreClerk, input: { applicationId: second.id, decision: "REQUEST_CORRECTION", okMaterialIds: [delegated.materials.core1.id, delegated.materials.supplementary.id], problems: { [delegated.materials.core2.id]: "营业执照已过期" } } });
    expect((await listWindowCases({ actor: centreClerk })).rows.map((r) => r.id)).toContain(second.id);
    expect((await listWindowCases({ actor: hallClerk })).rows.map((r) => r.id)).not.toContain(second.id);
    const app = await getApplication({ actor: applicant, applicationId: id });
    expect(app).toMatchObject({ state: "ACCEPTED", centre: { name: "浓洄街道便民服务中心", address: "浓洄街道建设路 1 号" } });

    // The dashboard's figures by centre: today's two filings received there, one accepted.
    const figures = await loadCentreFigures({ period: periodOf("day", toPlainDate(new Date())) });
    expect(figures.find((f) => f.code === "NH-01")).toEqual({ code: "NH-01", name: "浓洄街道便民服务中心", received: 2, accepted: 1, decided: 0 });

    // Back at the hall, the clerk files any item again, and the filing is the hall's.
    await setClerkCentre({ actor: admin, input: { userId: centreClerk.id, centreId: "" } });
    const back = await draftWithMaterials(centreClerk, other, { applicantId: applicant.id });
    expect((await db().application.findUniqueOrThrow({ where: { id: back.id } })).centreId).toBeNull();
  });
});
