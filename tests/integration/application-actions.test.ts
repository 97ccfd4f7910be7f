// The applicant's server actions, called directly with another applicant's session and the
// victim's application id: every one is refused and nothing changes.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import type { Actor } from "@/lib/domain/access/actor";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { startApplication, submitApplication } from "@/lib/server/applications/file-application";
import { db } from "@/lib/server/db";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/current-actor", () => ({ currentActor: async () => session.actor, requireArea: async () => session.actor }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string) => key, { has: () => true, raw: (key: string) => key }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const actions = await import("@/app/my/actions");

let alice: Actor, bob: Actor, applicationId: string, materialId: string, aliceFileId: string;

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  const item = await createItem(db());
  alice = actorOf(await createUser(db(), { role: "APPLICANT" }));
  bob = actorOf(await createUser(db(), { role: "APPLICANT" }));
  const input = { itemCode: item.item.implementationCode, submissionKey: randomUUID(), subject: "申请", contactName: "张三", contactPhone: "13800001234" };
  applicationId = (await startApplication({ actor: alice, input })).id;
  materialId = item.materials.core1.id;
  const file = await db().storedFile.create({ data: { ownerId: alice.id, uploadedById: alice.id, sha256: "a".repeat(64), size: 10, mimeType: "application/pdf", originalName: "a.pdf" } });
  aliceFileId = file.id;
  await submitApplication({ actor: alice, applicationId });
});

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};

describe("applicant actions with someone else's application id", () => {
  it("refuses submit, withdraw and reuse, and changes nothing", async () => {
    session.actor = bob;
    const before = await db().application.findUniqueOrThrow({ where: { id: applicationId }, include: { materials: true } });
    const auditBefore = await db().auditEvent.count({ where: { entityId: applicationId, action: { not: "access.denied" } } });
    const results = [
      await actions.submitApplicationAction(null, form({ applicationId, declaration: "on" })),
      await actions.withdrawApplicationAction(null, form({ applicationId })),
      await actions.reuseFileAction(null, form({ applicationId, materialId, storedFileId: aliceFileId })),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, message: "errors.NOT_FOUND" });
    const after = await db().application.findUniqueOrThrow({ where: { id: applicationId }, include: { materials: true } });
    expect(after).toEqual(before);
    expect(await db().auditEvent.count({ where: { entityId: applicationId, action: { not: "access.denied" } } })).toBe(auditBefore);
    // What changed is the record of the probes: each refused attempt on Alice's application, by Bob.
    expect(await db().auditEvent.count({ where: { entityId: applicationId, action: "access.denied", actorId: bob.id } })).toBeGreaterThanOrEqual(2);
  });

  it("a staff session cannot use the applicant's actions", async () => {
    session.actor = actorOf(await createUser(db(), { role: "CLERK" }));
    const r = await actions.withdrawApplicationAction(null, form({ applicationId }));
    expect(r).toMatchObject({ ok: false, message: "errors.FORBIDDEN" });
  });

  it("the owner can withdraw it", async () => {
    session.actor = alice;
    const r = await actions.withdrawApplicationAction(null, form({ applicationId }));
    expect(r).toMatchObject({ ok: true, data: { state: "WITHDRAWN" } });
  });
});
