// Filing and intake against a real database: idempotent filing, intake decisions and their
// guards, the working-day clock, one-time correction notices, isolation between applicants,
// and upload refusals that leave nothing behind.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { findApplicant, registerWalkInApplicant } from "@/lib/server/applications/applicants";
import { startApplication, submitApplication, withdrawApplication } from "@/lib/server/applications/file-application";
import { decideIntake } from "@/lib/server/applications/intake";
import { listIntakeQueue } from "@/lib/server/applications/list-intake-queue";
import { listReusableFiles, openStoredFile, reuseMaterialFile, uploadMaterial } from "@/lib/server/applications/materials";
import { listMessages } from "@/lib/server/applications/messages";
import { getApplication, getReceipt, lookupProgress } from "@/lib/server/applications/queries";
import { listMyApplications } from "@/lib/server/applications/list-my-applications";
import { setNotifier, type OutboundMessage } from "@/lib/server/applications/notifier";
import { publishCalendarYear } from "@/lib/server/calendar/publish-calendar-year";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { makeResidentId } from "../factories/identities";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";
import { runQueuedJobs } from "../support/jobs";

const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-"));
process.env.UPLOAD_DIR = uploadDir;

const sent: OutboundMessage[] = [];
setNotifier({ send: async (m) => void sent.push(m) });

const PDF_BYTES = Buffer.from("%PDF-1.4\n% test material\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const pdf = (name = "材料.pdf", bytes: Buffer = PDF_BYTES) => ({ name, size: bytes.length, stream: Readable.from([bytes]) });

// 2026-09-30 10:00 Beijing time: the day before National Day.
const BEFORE_NATIONAL_DAY = new Date("2026-09-30T02:00:00Z");

let item: Awaited<ReturnType<typeof createItem>>;
let alice: Actor, bob: Actor, clerk: Actor, clerk2: Actor, admin: Actor, reviewer: Actor;
let aliceResidentId: string;

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  item = await createItem(db());
  const a = await createUser(db(), { role: "APPLICANT" });
  aliceResidentId = a.residentId!;
  alice = actorOf(a);
  bob = actorOf(await createUser(db(), { role: "APPLICANT" }));
  clerk = actorOf(await createUser(db(), { role: "CLERK" }));
  clerk2 = actorOf(await createUser(db(), { role: "CLERK" }));
  admin = actorOf(await createUser(db(), { role: "ADMIN" }));
  reviewer = actorOf(await createUser(db(), { role: "REVIEWER" }));
});

const details = (over: Record<string, string> = {}) => ({
  itemCode: item.item.implementationCode,
  submissionKey: randomUUID(),
  subject: "开办一家便利店",
  contactName: "张三",
  contactPhone: "13800001234",
  address: "广安区测试路 1 号",
  ...over,
});

async function filed(actor: Actor = alice, opts: { materials?: ("core1" | "core2" | "supplementary")[]; applicantId?: string } = {}) {
  const { id } = await startApplication({ actor, input: { ...details(), applicantId: opts.applicantId } });
  for (const m of opts.materials ?? ["core1", "core2", "supplementary"]) {
    await uploadMaterial({ actor, applicationId: id, materialId: item.materials[m].id, file: pdf(`${m}.pdf`, Buffer.concat([PDF_BYTES, Buffer.from(`${m}${id}`)])) });
  }
  const submitted = await submitApplication({ actor, applicationId: id, now: BEFORE_NATIONAL_DAY });
  return { id, number: submitted.number };
}

const allMaterials = () => [item.materials.core1.id, item.materials.core2.id, item.materials.supplementary.id];

describe("filing", () => {
  it("double filing with one key, and double submission, make one application with one number", async () => {
    const input = details();
    const starts = await Promise.all(Array.from({ length: 6 }, () => startApplication({ actor: alice, input })));
    const ids = new Set(starts.map((s) => s.id));
    expect(ids.size).toBe(1);
    expect(starts.filter((s) => s.created)).toHaveLength(1);
    const [id] = ids;
    expect(await db().application.count({ where: { submissionKey: input.submissionKey } })).toBe(1);
    // A retry after the first went through finds it; someone else's key is not a way into it.
    expect(await startApplication({ actor: alice, input })).toEqual({ id, created: false });
    await expect(startApplication({ actor: bob, input })).rejects.toMatchObject({ code: "CONFLICT" });

    const submits = await Promise.all(Array.from({ length: 6 }, () => submitApplication({ actor: alice, applicationId: id, now: BEFORE_NATIONAL_DAY })));
    expect(new Set(submits.map((s) => s.number)).size).toBe(1);
    expect(submits.filter((s) => !s.alreadyDone)).toHaveLength(1);
    expect(submits[0].number).toMatch(/^511602-20260930-\d{5}$/);
    expect(await db().auditEvent.count({ where: { entityId: id, action: "application.SUBMIT" } })).toBe(1);
    expect(await db().message.count({ where: { applicationId: id, kind: "SUBMIT" } })).toBe(1);
  });

  it("an online filing and a window filing of the same item are the same kind of record", async () => {
    const online = await filed(alice);
    const walkIn = await registerWalkInApplicant({
      actor: clerk,
      input: { applicantType: "PERSON", name: "李四", residentId: makeResidentId("19750505", 77), phone: "13900001111" },
    });
    const atWindow = await filed(clerk, { applicantId: walkIn.id });
    const [a, b] = await Promise.all([online.id, atWindow.id].map((id) => db().application.findUniqueOrThrow({ where: { id }, include: { materials: true } })));
    expect(a.channel).toBe("ONLINE");
    expect(b.channel).toBe("WINDOW");
    expect(b.applicantId).toBe(walkIn.id);
    expect(b.filedById).toBe(clerk.id);
    for (const app of [a, b]) {
      expect(app.state).toBe("SUBMITTED");
      expect(app.itemVersionId).toBe(item.version.id);
      expect(app.materials).toHaveLength(3);
      expect(app.materials.every((m) => m.storedFileId && m.revision === 1)).toBe(true);
    }
    // Both wait in the same intake queue, and each number is different.
    const queue = (await listIntakeQueue({ actor: clerk, filter: { order: "newest" } })).rows;
    expect(queue.map((q) => q.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(a.number).not.toBe(b.number);
    // The walk-in can be found again by ID at the next visit.
    expect((await findApplicant({ actor: clerk, identifier: makeResidentId("19750505", 77) }))?.id).toBe(walkIn.id);
  });

  it("a clerk cannot file or submit for an online applicant, and an applicant cannot file for someone else", async () => {
    const { id } = await startApplication({ actor: alice, input: details() });
    await expect(submitApplication({ actor: clerk, applicationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const own = await startApplication({ actor: bob, input: { ...details(), applicantId: alice.id } });
    expect((await db().application.findUniqueOrThrow({ where: { id: own.id } })).applicantId).toBe(bob.id);
    await expect(startApplication({ actor: reviewer, input: details() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("asks the item version's own questions: refuses a missing required answer by field, keeps the answers", async () => {
    const food = await createItem(db(), {
      formFields: [
        { key: "f1", label: "经营场所", kind: "text", required: true },
        { key: "f2", label: "从业人员数", kind: "number", required: false },
      ],
    });
    const input = { ...details(), itemCode: food.item.implementationCode };
    await expect(startApplication({ actor: alice, input: { ...input, answers: { f2: "三" } } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "f.f1": "form.required", "f.f2": "form.number" },
    });
    expect(await db().application.count({ where: { submissionKey: input.submissionKey } })).toBe(0);
    const { id } = await startApplication({ actor: alice, input: { ...input, answers: { f1: "金安大道 1 号", f2: "3", f9: "not asked" } } });
    expect((await getApplication({ actor: alice, applicationId: id })).answers).toEqual([
      { key: "f1", label: "经营场所", value: "金安大道 1 号" },
      { key: "f2", label: "从业人员数", value: "3" },
    ]);
  });

  it("materials already submitted are reused instead of uploaded again", async () => {
    const first = await filed(alice);
    const { id } = await startApplication({ actor: alice, input: details() });
    const files = await listReusableFiles({ actor: alice, applicationId: id });
    const licence = files.find((f) => f.usedAs.includes("营业执照"));
    expect(licence).toBeDefined();
    await reuseMaterialFile({ actor: alice, applicationId: id, materialId: item.materials.core2.id, storedFileId: licence!.id });
    const view = await getApplication({ actor: alice, applicationId: id });
    expect(view.materials.find((m) => m.name === "营业执照")?.file?.id).toBe(licence!.id);
    void first;
  });
});

describe("intake decisions", () => {
  it("accepting starts the clock: both due dates in working days over National Day, a receipt and a message", async () => {
    const { id, number } = await filed(alice);
    const result = await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: allMaterials() }, now: BEFORE_NATIONAL_DAY });
    expect(result.state).toBe("ACCEPTED");
    const receipt = await getReceipt({ actor: alice, applicationId: id });
    expect(receipt.promisedDue).toBe("2026-10-13"); // 5 working days; 1–7 Oct off, Sat 10 Oct a make-up day
    expect(receipt.statutoryDue).toBe("2026-11-03"); // 20 working days
    const inbox = (await listMessages({ actor: alice })).rows;
    expect(inbox.find((m) => m.kind === "ACCEPT" && m.params.number === number)?.params.promisedDue).toBe("2026-10-13");
    await runQueuedJobs();
    expect(sent.some((m) => m.kind === "ACCEPT" && m.text.includes(number) && m.text.includes("2026-10-13"))).toBe(true);
  });

  it("容缺受理 is refused while a core material is missing, and nothing changes", async () => {
    const { id } = await filed(alice, { materials: ["core1", "supplementary"] });
    const auditBefore = await db().auditEvent.count({ where: { entityId: id } });
    await expect(
      decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT_WITH_DEFICIENCIES", okMaterialIds: [item.materials.core1.id, item.materials.supplementary.id] }, now: BEFORE_NATIONAL_DAY }),
    ).rejects.toMatchObject({ code: "CORE_MATERIAL_MISSING" });
    expect((await db().application.findUniqueOrThrow({ where: { id } })).state).toBe("SUBMITTED");
    expect(await db().auditEvent.count({ where: { entityId: id } })).toBe(auditBefore);
  });

  it("容缺受理 with the core complete records what is owed and by when; supplying it moves the case on", async () => {
    const { id } = await filed(alice, { materials: ["core1", "core2"] });
    await decideIntake({
      actor: clerk,
      input: { applicationId: id, decision: "ACCEPT_WITH_DEFICIENCIES", okMaterialIds: [item.materials.core1.id, item.materials.core2.id], owedDays: 3 },
      now: BEFORE_NATIONAL_DAY,
    });
    const view = await getApplication({ actor: alice, applicationId: id });
    expect(view.state).toBe("ACCEPTED_WITH_DEFICIENCIES");
    expect(view.owedBy).toBe("2026-10-10"); // Thu 8, Fri 9, Sat 10 (make-up working day)
    expect(view.materials.filter((m) => m.verdict === "OWED").map((m) => m.name)).toEqual(["场所照片"]);
    // Only the owed material may change now.
    await expect(uploadMaterial({ actor: alice, applicationId: id, materialId: item.materials.core1.id, file: pdf() })).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });
    await expect(submitApplication({ actor: alice, applicationId: id })).rejects.toMatchObject({ code: "MATERIALS_INCOMPLETE" });
    await uploadMaterial({ actor: alice, applicationId: id, materialId: item.materials.supplementary.id, file: pdf("照片.pdf", Buffer.concat([PDF_BYTES, Buffer.from("photo")])) });
    expect((await submitApplication({ actor: alice, applicationId: id })).state).toBe("ACCEPTED");
  });

  it("one-time correction notice: a second notice may not ask for anything visible and unchanged the first time", async () => {
    const { id } = await filed(alice, { materials: ["core1", "core2"] });
    // The clerk overlooks the bad licence and asks only for the photo.
    await decideIntake({
      actor: clerk,
      input: { applicationId: id, decision: "REQUEST_CORRECTION", okMaterialIds: [item.materials.core1.id, item.materials.core2.id], problems: { [item.materials.supplementary.id]: "缺少门头照片" } },
    });
    const notice = (await getApplication({ actor: alice, applicationId: id })).notices[0];
    expect(notice.entries.map((e) => e.problem)).toEqual(["缺少门头照片"]);
    await uploadMaterial({ actor: alice, applicationId: id, materialId: item.materials.supplementary.id, file: pdf("门头.pdf", Buffer.concat([PDF_BYTES, Buffer.from("door")])) });
    const first = (await db().application.findUniqueOrThrow({ where: { id } })).submittedAt;
    await submitApplication({ actor: alice, applicationId: id, declared: true });
    // The resubmission has its own time; the first submission's is kept; the declaration is on record.
    const after = await db().application.findUniqueOrThrow({ where: { id } });
    expect(after.submittedAt).toEqual(first);
    expect(after.resubmittedAt!.getTime()).toBeGreaterThan(first!.getTime());
    const resubmitted = await db().auditEvent.findFirstOrThrow({ where: { entityId: id, action: "application.RESUBMIT" } });
    expect(resubmitted.meta).toMatchObject({ declaration: expect.stringContaining("真实、合法、有效") });

    // Now asking about the licence, unchanged since the first notice, breaks the one-time rule.
    await expect(
      decideIntake({ actor: clerk, input: { applicationId: id, decision: "REQUEST_CORRECTION", okMaterialIds: [item.materials.core1.id, item.materials.supplementary.id], problems: { [item.materials.core2.id]: "营业执照已过期" } } }),
    ).rejects.toMatchObject({ code: "NOTICE_ASKS_VISIBLE_BEFORE", details: { materials: "营业执照" } });
    // The changed photo may be questioned again.
    await decideIntake({
      actor: clerk,
      input: { applicationId: id, decision: "REQUEST_CORRECTION", okMaterialIds: [item.materials.core1.id, item.materials.core2.id], problems: { [item.materials.supplementary.id]: "照片模糊" } },
    });
    expect((await getApplication({ actor: alice, applicationId: id })).notices).toHaveLength(2);
    // Issued notices are documents: the database refuses to change them.
    await expect(db().correctionNotice.updateMany({ where: { applicationId: id }, data: { note: "x" } })).rejects.toThrow(/append-only/);
  });

  it("a correction notice says what is wrong with each material given: without a reason it is refused, naming the field", async () => {
    const { id } = await filed(alice, { materials: ["core1", "core2"] });
    // core2 was given but is not acceptable, and no reason is written; the missing photo needs none.
    await expect(
      decideIntake({ actor: clerk, input: { applicationId: id, decision: "REQUEST_CORRECTION", okMaterialIds: [item.materials.core1.id], problems: { [item.materials.core2.id]: "   " } } }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { [`problem.${item.materials.core2.id}`]: "intake.problemRequired" } });
    expect((await getApplication({ actor: alice, applicationId: id })).notices).toHaveLength(0);
    await decideIntake({ actor: clerk, input: { applicationId: id, decision: "REQUEST_CORRECTION", okMaterialIds: [item.materials.core1.id], problems: { [item.materials.core2.id]: "营业执照复印件不清晰" } } });
    const [notice] = (await getApplication({ actor: alice, applicationId: id })).notices;
    expect(notice.entries.map((e) => e.problem)).toEqual(["营业执照复印件不清晰", "未提交该材料"]);
  });

  it("a rejection needs reason and basis", async () => {
    const { id } = await filed(alice);
    await expect(decideIntake({ actor: clerk, input: { applicationId: id, decision: "REJECT", reason: "不属于本机关职权" } })).rejects.toMatchObject({ code: "REASON_REQUIRED" });
    await decideIntake({ actor: clerk, input: { applicationId: id, decision: "REJECT", reason: "不属于本机关职权", basis: "《行政许可法》第三十二条第一款第（二）项" } });
    expect((await getApplication({ actor: alice, applicationId: id })).rejectionBasis).toContain("第三十二条");
  });

  it("two clerks deciding at once: exactly one wins, the other is told it was already handled", async () => {
    const { id } = await filed(alice);
    const results = await Promise.allSettled([
      decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: allMaterials() }, now: BEFORE_NATIONAL_DAY }),
      decideIntake({ actor: clerk2, input: { applicationId: id, decision: "REJECT", reason: "理由", basis: "依据" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: expect.stringMatching(/ALREADY_HANDLED|TRANSITION_NOT_ALLOWED/) });
    const decisions = await db().auditEvent.count({ where: { entityId: id, action: { in: ["application.ACCEPT", "application.REJECT"] } } });
    expect(decisions).toBe(1);
  });

  it("counts a deadline into a year without its notice provisionally, and refuses one more than a year past the last", async () => {
    const { id } = await filed(alice);
    const midDecember = new Date("2026-12-15T02:00:00Z"); // 20 working days reach into January 2027
    await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: allMaterials() }, now: midDecember });
    // Dec 16–31: 12 working days; then Jan 4–8 (5), with 1 Jan off under the regulation: day 20 is Wed 13 Jan 2027.
    const view = await getApplication({ actor: alice, applicationId: id });
    expect(view).toMatchObject({ promisedDue: "2026-12-22", statutoryDue: "2027-01-13", provisional: { promisedDue: false, statutoryDue: true, owedBy: false } });
    const message = await db().message.findFirstOrThrow({ where: { applicationId: id, kind: "ACCEPT" } });
    expect(message.params).toMatchObject({ statutoryDue: "2027-01-13", provisional: "1" });
    await runQueuedJobs();
    expect(sent.find((m) => m.kind === "ACCEPT" && m.text.includes("2027-01-13"))?.text).toContain("暂定");

    // A year after the provisional one is still refused, naming the year.
    const second = await filed(alice);
    const lateNextYear = new Date("2027-12-15T02:00:00Z");
    const accept = () => decideIntake({ actor: clerk, input: { applicationId: second.id, decision: "ACCEPT", okMaterialIds: allMaterials() }, now: lateNextYear });
    await expect(accept()).rejects.toMatchObject({ code: "CALENDAR_YEAR_MISSING", details: { year: 2028 } });
    expect((await db().application.findUniqueOrThrow({ where: { id: second.id } })).state).toBe("SUBMITTED");

    await expect(publishCalendarYear({ actor: clerk, input: { year: 2027, off: "2027-01-01", work: "", source: "国办发明电〔2026〕X号" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(publishCalendarYear({ actor: admin, input: { year: 2027, off: "2026-01-01", work: "", source: "国办发明电〔2026〕X号" } })).rejects.toMatchObject({ code: "VALIDATION", field: "off" });
    // 2028 before 2027 would leave 2027 unknown.
    await expect(publishCalendarYear({ actor: admin, input: { year: 2028, off: "2028-01-01", work: "", source: "测试用年度（非官方）" } })).rejects.toMatchObject({ code: "VALIDATION", field: "year" });
    // A fictional 2027 for the test: New Year's Day off, nothing else; then 2028 is the provisional year.
    await publishCalendarYear({ actor: admin, input: { year: 2027, off: "2027-01-01", work: "", source: "测试用年度（非官方）" } });
    await accept();
    const later = await getApplication({ actor: alice, applicationId: second.id });
    expect(later.statutoryDue?.startsWith("2028-01")).toBe(true);
    expect(later.provisional.statutoryDue).toBe(true);
    expect((await getApplication({ actor: alice, applicationId: id })).provisional.statutoryDue).toBe(false);
  });
});

describe("applicants never see each other's applications", () => {
  it("by id, through actions, by file, in their lists and in the public lookup", async () => {
    const { id, number } = await filed(alice);
    await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: allMaterials() }, now: BEFORE_NATIONAL_DAY });
    const aliceFile = (await getApplication({ actor: alice, applicationId: id })).materials[0].file!;

    await expect(getApplication({ actor: bob, applicationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReceipt({ actor: bob, applicationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitApplication({ actor: bob, applicationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(withdrawApplication({ actor: bob, applicationId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Each probe of Alice's application is on the record, with its target (the answer still says only "not found").
    expect(await db().auditEvent.count({ where: { actorId: bob.id, action: "access.denied", entityId: id } })).toBeGreaterThanOrEqual(4);
    // …in the supervisors' trail only: Alice's own history lists what happened to her application.
    expect((await getApplication({ actor: alice, applicationId: id })).timeline.map((e) => e.action)).not.toContain("access.denied");
    await expect(uploadMaterial({ actor: bob, applicationId: id, materialId: item.materials.core1.id, file: pdf() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openStoredFile({ actor: bob, fileId: aliceFile.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openStoredFile({ actor: admin, fileId: aliceFile.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await openStoredFile({ actor: alice, fileId: aliceFile.id })).name).toBe("core1.pdf");
    expect((await openStoredFile({ actor: clerk, fileId: aliceFile.id })).size).toBeGreaterThan(0);

    // Bob cannot pull Alice's file into his own application either.
    const bobs = await startApplication({ actor: bob, input: details() });
    await expect(reuseMaterialFile({ actor: bob, applicationId: bobs.id, materialId: item.materials.core1.id, storedFileId: aliceFile.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listMyApplications({ actor: bob })).rows.map((a) => a.id)).not.toContain(id);
    expect((await listMessages({ actor: bob })).rows.some((m) => m.applicationId === id)).toBe(false);

    const tail = aliceResidentId.slice(-4);
    const wrongTail = (Number(tail.slice(0, 3)) + 1).toString().padStart(3, "0").slice(-3) + tail.slice(3);
    expect(await lookupProgress({ number, idTail: wrongTail })).toBeNull();
    // A number of the same day that no application has (serials run up to 7 digits).
    expect(await lookupProgress({ number: number.replace(/\d+$/, "9999999"), idTail: tail })).toBeNull();
    const found = await lookupProgress({ number, idTail: tail });
    expect(found).toMatchObject({ number, state: "ACCEPTED", promisedDue: "2026-10-13", statutoryDue: "2026-11-03" });
    // State and dates only: nothing about the applicant or the materials.
    expect(Object.keys(found!).sort()).toEqual(["acceptedAt", "itemName", "number", "promisedDue", "provisional", "state", "statutoryDue", "submittedAt"]);

    // Guessing the tail stops after ten failures of one client on one number, even for the right
    // tail; a flood from other addresses never blocks the owner's own lookup. Kept in the database.
    const wrong = "0000" === tail ? "1111" : "0000";
    for (let i = 0; i < 10; i++) expect(await lookupProgress({ number, idTail: wrong }, "guesser")).toBeNull();
    await expect(lookupProgress({ number, idTail: tail }, "guesser")).rejects.toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    for (let i = 0; i < 20; i++) expect(await lookupProgress({ number, idTail: wrong }, `flood-${i}`)).toBeNull();
    expect(await lookupProgress({ number, idTail: tail }, "owner")).toMatchObject({ number });
    expect(await db().lookupFailure.count({ where: { key: { startsWith: "cs:guesser:" } } })).toBe(10);
  });
});

describe("uploads", () => {
  const filesOnDisk = () => (fs.existsSync(uploadDir) ? fs.readdirSync(uploadDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length : 0);

  it("refuses oversize, disallowed and path-climbing files with a clear code and leaves nothing behind", async () => {
    const { id } = await startApplication({ actor: alice, input: details() });
    const materialId = item.materials.core1.id;
    const before = { disk: filesOnDisk(), rows: await db().storedFile.count() };
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]);
    const cases: [string, { name: string; size: number; stream: Readable }][] = [
      ["UPLOAD_TOO_LARGE", pdf("big.pdf", big)],
      // A client that lies about the size is stopped while streaming.
      ["UPLOAD_TOO_LARGE", { name: "big.pdf", size: 100, stream: Readable.from([big]) }],
      ["UPLOAD_TYPE_NOT_ALLOWED", pdf("setup.exe", Buffer.from("MZ\x90\x00 program"))],
      ["UPLOAD_TYPE_NOT_ALLOWED", pdf("renamed.pdf", Buffer.from("MZ\x90\x00 program"))],
      ["UPLOAD_NAME_UNSAFE", pdf("../../x.pdf")],
      ["UPLOAD_NAME_UNSAFE", pdf("..\\..\\x.pdf")],
      ["UPLOAD_EMPTY", pdf("empty.pdf", Buffer.alloc(0))],
    ];
    for (const [code, file] of cases) {
      await expect(uploadMaterial({ actor: alice, applicationId: id, materialId, file })).rejects.toMatchObject({ code, field: "file" });
    }
    expect(filesOnDisk()).toBe(before.disk);
    expect(await db().storedFile.count()).toBe(before.rows);
    expect((await db().applicationMaterial.findFirstOrThrow({ where: { applicationId: id, materialId } })).revision).toBe(0);
    expect(fs.existsSync(path.join(path.dirname(uploadDir), "x.pdf"))).toBe(false);
  });

  it("stores an accepted file under its SHA-256 outside the web root, once per content", async () => {
    const { id } = await startApplication({ actor: alice, input: details() });
    const bytes = Buffer.concat([PDF_BYTES, Buffer.from("unique content for hashing")]);
    const first = await uploadMaterial({ actor: alice, applicationId: id, materialId: item.materials.core1.id, file: pdf("a.pdf", bytes) });
    const again = await uploadMaterial({ actor: alice, applicationId: id, materialId: item.materials.core2.id, file: pdf("b.pdf", bytes) });
    expect(again.storedFileId).toBe(first.storedFileId);
    const { createHash } = await import("node:crypto");
    const sha = createHash("sha256").update(bytes).digest("hex");
    expect(first.sha256).toBe(sha);
    expect(fs.readFileSync(path.join(uploadDir, sha.slice(0, 2), sha.slice(2, 4), sha))).toEqual(bytes);
  });
});

describe("materials asked only in some situations", () => {
  it("the agent's authorisation is not applicable when nobody files for the applicant, and required when someone does", async () => {
    const own = await createItem(db());
    const agentLetter = await db().material.create({ data: { itemVersionId: own.version.id, position: 4, name: "授权委托书及受托人身份证明", kind: "SUPPLEMENTARY", condition: "委托他人办理" } });
    const fileWith = async (applies: string[]) => {
      const { id } = await startApplication({ actor: alice, input: { ...details(), itemCode: own.item.implementationCode, applies } });
      for (const m of [own.materials.core1, own.materials.core2, own.materials.supplementary]) {
        await uploadMaterial({ actor: alice, applicationId: id, materialId: m.id, file: pdf(`${m.name}.pdf`, Buffer.concat([PDF_BYTES, Buffer.from(`${m.id}${id}`)])) });
      }
      await submitApplication({ actor: alice, applicationId: id, now: BEFORE_NATIONAL_DAY });
      return id;
    };
    const three = [own.materials.core1.id, own.materials.core2.id, own.materials.supplementary.id];

    // In person: accepted with the three ticked; the letter is recorded as not applicable, not missing.
    const inPerson = await fileWith([]);
    const view = await getApplication({ actor: alice, applicationId: inPerson });
    expect(view.materials.find((m) => m.materialId === agentLetter.id)).toMatchObject({ applicable: false, condition: "委托他人办理" });
    await decideIntake({ actor: clerk, input: { applicationId: inPerson, decision: "ACCEPT", okMaterialIds: three }, now: BEFORE_NATIONAL_DAY });
    expect((await db().application.findUniqueOrThrow({ where: { id: inPerson } })).state).toBe("ACCEPTED");
    expect((await db().applicationMaterial.findFirstOrThrow({ where: { applicationId: inPerson, materialId: agentLetter.id } })).verdict).toBeNull();

    // Through an agent: the letter is asked for; without it the application cannot be accepted, and a notice lists it.
    const byAgent = await fileWith([agentLetter.id]);
    await expect(decideIntake({ actor: clerk, input: { applicationId: byAgent, decision: "ACCEPT", okMaterialIds: three }, now: BEFORE_NATIONAL_DAY })).rejects.toMatchObject({ code: "MATERIALS_INCOMPLETE" });
    await decideIntake({ actor: clerk, input: { applicationId: byAgent, decision: "REQUEST_CORRECTION", okMaterialIds: three }, now: BEFORE_NATIONAL_DAY });
    const [notice] = (await getApplication({ actor: alice, applicationId: byAgent })).notices;
    expect(notice.entries.map((e) => e.name)).toEqual(["授权委托书及受托人身份证明"]);
  });
});
