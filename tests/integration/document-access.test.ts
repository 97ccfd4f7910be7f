// Staff see an application's documents (receipt, decision letter, files) within the same scope as
// its case page: a reviewer or chief of another section gets NOT_FOUND (404 at the edge), and no
// staff but the clerk filing it sees an unsubmitted draft.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { registerWalkInApplicant } from "@/lib/server/applications/applicants";
import { submitApplication } from "@/lib/server/applications/file-application";
import { decideIntake } from "@/lib/server/applications/intake";
import { openStoredFile } from "@/lib/server/applications/materials";
import { getApplication, getReceipt } from "@/lib/server/applications/queries";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { decideCase } from "@/lib/server/cases/decide-case";
import { getDecisionLetter } from "@/lib/server/cases/get-decision-letter";
import { db } from "@/lib/server/db";
import { makeResidentId } from "../factories/identities";
import { draftWithMaterials } from "../factories/filings";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-documents-"));
const at = (day: string) => new Date(`${day}T02:00:00Z`);

let sectionB: Awaited<ReturnType<typeof createItem>>;
let applicant: Actor, clerk: Actor, otherClerk: Actor, reviewerA: Actor, chiefA: Actor, reviewerB: Actor, director: Actor, supervisor: Actor;

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  const sectionA = await createItem(db(), { promisedDays: 5, statutoryDays: 20 });
  sectionB = await createItem(db(), { promisedDays: 0, statutoryDays: 20, kind: "INSTANT" });
  applicant = actorOf(await createUser(db(), { role: "APPLICANT" }));
  clerk = actorOf(await createUser(db(), { role: "CLERK" }));
  otherClerk = actorOf(await createUser(db(), { role: "CLERK" }));
  reviewerA = actorOf(await createUser(db(), { role: "REVIEWER", sectionId: sectionA.section.id }));
  chiefA = actorOf(await createUser(db(), { role: "CHIEF", sectionId: sectionA.section.id }));
  reviewerB = actorOf(await createUser(db(), { role: "REVIEWER", sectionId: sectionB.section.id }));
  director = actorOf(await createUser(db(), { role: "DIRECTOR" }));
  supervisor = actorOf(await createUser(db(), { role: "SUPERVISOR" }));
});

async function filedWithFile(actor: Actor, applicantId?: string) {
  const { id, materialIds: ids } = await draftWithMaterials(actor, sectionB, { applicantId });
  const fileId = (await db().applicationMaterial.findFirstOrThrow({ where: { applicationId: id, storedFileId: { not: null } } })).storedFileId!;
  return { id, ids, fileId };
}

describe("documents of a case, by section", () => {
  it("a reviewer or chief of section A gets NOT_FOUND for the receipt, decision letter and files of a section-B case", async () => {
    const { id, ids, fileId } = await filedWithFile(applicant);
    await submitApplication({ actor: applicant, applicationId: id, now: at("2026-09-15") });
    await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: ids }, now: at("2026-09-15") });
    await decideCase({ actor: director, input: { applicationId: id, decision: "APPROVE" }, now: at("2026-09-15") });

    for (const outsider of [reviewerA, chiefA]) {
      await expect(getReceipt({ actor: outsider, applicationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getDecisionLetter({ actor: outsider, applicationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(openStoredFile({ actor: outsider, fileId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getApplication({ actor: outsider, applicationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // Its own section, the window that accepted it, the director and supervisors see them.
    for (const insider of [reviewerB, clerk, director, supervisor, applicant]) {
      await expect(getReceipt({ actor: insider, applicationId: id })).resolves.toMatchObject({ id });
      await expect(getDecisionLetter({ actor: insider, applicationId: id })).resolves.toMatchObject({ id, approved: true });
      await expect(openStoredFile({ actor: insider, fileId })).resolves.toMatchObject({ name: "m.pdf" });
    }
  });

  it("an unsubmitted draft is its filer's alone: other staff get NOT_FOUND for it and its files", async () => {
    const online = await filedWithFile(applicant);
    for (const staff of [clerk, reviewerB, director, supervisor]) {
      await expect(getApplication({ actor: staff, applicationId: online.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(openStoredFile({ actor: staff, fileId: online.fileId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(getApplication({ actor: applicant, applicationId: online.id })).resolves.toMatchObject({ id: online.id });

    // A walk-in's draft: the clerk filing it sees it; another clerk does not.
    const walkIn = await registerWalkInApplicant({ actor: clerk, input: { applicantType: "PERSON", name: "王五", residentId: makeResidentId("19700101", 55), phone: "13900002222" } });
    const atWindow = await filedWithFile(clerk, walkIn.id);
    await expect(getApplication({ actor: clerk, applicationId: atWindow.id })).resolves.toMatchObject({ id: atWindow.id });
    await expect(getApplication({ actor: otherClerk, applicationId: atWindow.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openStoredFile({ actor: otherClerk, fileId: atWindow.fileId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
