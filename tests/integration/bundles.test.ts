// 一件事 on real PostgreSQL: an administrator defines a bundle of three items in three sections; the
// applicant fills ONE form (each question once) and gives each shared material once; one submission
// files three linked applications; the sections review in parallel; one joint survey covers the two
// cases needing one; the last end — even two ends at once — completes the filing exactly once (through the worker); the
// one handover records every certificate together and is one visit to rate.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { decideIntake } from "@/lib/server/applications/intake";
import { completeBundle } from "@/lib/server/bundles/complete-bundle";
import { deliverBundle } from "@/lib/server/bundles/deliver-bundle";
import { pickupVisit } from "@/lib/domain/ratings/ratings";
import { lastWindowService, ratingTarget, ratingToken, rateWindowVisitByLink, rateWindowVisitOnDevice } from "@/lib/server/ratings/rate-service";
import { startBundleFiling, submitBundleFiling, uploadBundleMaterial } from "@/lib/server/bundles/file-bundle";
import { getBundleFiling } from "@/lib/server/bundles/get-bundle-filing";
import { scheduleJointSurvey } from "@/lib/server/bundles/joint-survey";
import { defineBundle } from "@/lib/server/bundles/manage-bundles";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { decideCase } from "@/lib/server/cases/decide-case";
import { recordReview } from "@/lib/server/cases/record-review";
import { issueCertificate } from "@/lib/server/certificates/issue-certificate";
import { recordCertificateDelivery } from "@/lib/server/certificates/record-certificate-delivery";
import { db } from "@/lib/server/db";
import { ensureSealIdentity } from "@/lib/server/seals/seal-keys";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";
import { runQueuedJobs } from "../support/jobs";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-bundles-"));

type TestItem = Awaited<ReturnType<typeof createItem>>;
let registration: TestItem, food: TestItem, health: TestItem;
let admin: Actor, applicant: Actor, stranger: Actor, clerk: Actor, director: Actor, foodReviewer: Actor, healthReviewer: Actor, otherReviewer: Actor;
const code = `T${Date.now() % 100000}`;

const pdf = (tag: string) => {
  const bytes = Buffer.from(`%PDF-1.4\n${tag}\n%%EOF\n`);
  return { name: `${tag}.pdf`, size: bytes.length, stream: Readable.from([bytes]) };
};

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  const seal = await db().seal.create({ data: { name: "广安市广安区行政审批局审批专用章", holder: "局长", status: "ACTIVE", activeMarker: true } });
  await ensureSealIdentity(db(), seal);
  registration = await createItem(db(), { kind: "INSTANT", promisedDays: 0 });
  food = await createItem(db(), { formFields: [{ key: "place", label: "经营场所", kind: "text", required: true }] });
  health = await createItem(db(), { formFields: [{ key: "place", label: "经营场所", kind: "text", required: false }, { key: "area", label: "营业面积", kind: "number", required: false }] });
  admin = actorOf(await createUser(db(), { role: "ADMIN" }));
  applicant = actorOf(await createUser(db(), { role: "APPLICANT", name: "一件事餐馆" }));
  stranger = actorOf(await createUser(db(), { role: "APPLICANT" }));
  clerk = actorOf(await createUser(db(), { role: "CLERK" }));
  director = actorOf(await createUser(db(), { role: "DIRECTOR" }));
  foodReviewer = actorOf(await createUser(db(), { role: "REVIEWER", sectionId: food.section.id }));
  healthReviewer = actorOf(await createUser(db(), { role: "REVIEWER", sectionId: health.section.id }));
  otherReviewer = actorOf(await createUser(db(), { role: "REVIEWER", sectionId: (await createItem(db())).section.id }));
});

const lines = () =>
  [`${registration.item.implementationCode} | 必办`, `${food.item.implementationCode} | required | 踏勘`, `${health.item.implementationCode} | optional | survey`].join("\n");

async function acceptAll(ids: string[]) {
  for (const id of ids) {
    const materials = await db().applicationMaterial.findMany({ where: { applicationId: id }, select: { materialId: true } });
    await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: materials.map((m) => m.materialId) } });
  }
}

async function messages(kind: string) {
  return db().message.count({ where: { userId: applicant.id, kind } });
}

describe("defining a bundle", () => {
  it("takes items by code with their rules, and refuses unknown codes, one-item bundles and non-administrators", async () => {
    await expect(defineBundle({ actor: clerk, input: { code, name: "测试一件事", items: lines() } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(defineBundle({ actor: admin, input: { code, name: "测试一件事", items: "NOPE-0000001 | required" } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(defineBundle({ actor: admin, input: { code, name: "测试一件事", items: `${food.item.implementationCode} | required` } })).rejects.toMatchObject({ code: "BUNDLE_TOO_SMALL" });
    await expect(defineBundle({ actor: admin, input: { code, name: "测试一件事", items: `${food.item.implementationCode} | optional\n${health.item.implementationCode} | optional` } })).rejects.toMatchObject({ code: "BUNDLE_ITEM_REQUIRED" });
    // 申请书 and 营业执照 given once for all three; each item keeps its own 场所照片.
    await defineBundle({ actor: admin, input: { code, name: `测试一件事${code}`, items: lines(), sharedMaterials: "申请书\n营业执照" } });
    await expect(defineBundle({ actor: admin, input: { code, name: "另一个", items: lines() } })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("a bundle filing", () => {
  let filingId: string;
  let ids: { registration: string; food: string; health: string };

  it("asks each question once and files one draft per chosen item, idempotently", async () => {
    const key = crypto.randomUUID();
    const input = { bundleCode: code, submissionKey: key, subject: "开办川菜馆", contactName: "李四", contactPhone: "13800002222", deliveryMethod: "PICKUP" as const, optional: [health.item.id], answers: { place: "广安区建设路1号", area: "120" } };
    // The food licence requires 经营场所: asked once on the one form.
    await expect(startBundleFiling({ actor: applicant, input: { ...input, submissionKey: crypto.randomUUID(), answers: {} } })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { "f.place": "form.required" } });
    await expect(startBundleFiling({ actor: applicant, input: { ...input, submissionKey: crypto.randomUUID(), optional: ["someone-else"] } })).rejects.toMatchObject({ code: "BUNDLE_ITEM_UNKNOWN" });
    await expect(startBundleFiling({ actor: clerk, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const first = await startBundleFiling({ actor: applicant, input });
    expect(await startBundleFiling({ actor: applicant, input })).toEqual({ id: first.id, created: false });
    filingId = first.id;
    const apps = await db().application.findMany({ where: { bundleFilingId: filingId }, select: { id: true, itemId: true, formData: true, state: true, deliveryMethod: true } });
    expect(apps).toHaveLength(3);
    const byItem = (t: TestItem) => apps.find((a) => a.itemId === t.item.id)!;
    ids = { registration: byItem(registration).id, food: byItem(food).id, health: byItem(health).id };
    // Each application keeps the answers to its own item's questions only.
    expect(byItem(food).formData).toEqual({ place: "广安区建设路1号" });
    expect(byItem(health).formData).toEqual({ place: "广安区建设路1号", area: "120" });
    expect(byItem(registration).formData).toEqual({});
    expect(apps.every((a) => a.state === "DRAFT" && a.deliveryMethod === "PICKUP")).toBe(true);
  });

  it("takes each shared material once for every item, and hides the filing from others", async () => {
    const view = await getBundleFiling({ actor: applicant, bundleFilingId: filingId });
    expect(view.slots.map((s) => [s.name, s.items])).toEqual([["申请书", 3], ["营业执照", 3], ["场所照片", 1], ["场所照片", 1], ["场所照片", 1]]);
    const licence = view.slots.find((s) => s.name === "营业执照")!;
    const up = await uploadBundleMaterial({ actor: applicant, bundleFilingId: filingId, slotKey: licence.key, file: pdf("licence") });
    expect(up.lines).toBe(3);
    const lines = await db().applicationMaterial.findMany({ where: { application: { bundleFilingId: filingId }, material: { name: "营业执照" } } });
    expect(new Set(lines.map((l) => l.storedFileId))).toEqual(new Set([up.storedFileId]));
    for (const slot of view.slots.filter((s) => s.key !== licence.key)) await uploadBundleMaterial({ actor: applicant, bundleFilingId: filingId, slotKey: slot.key, file: pdf(slot.key.replace(/\W/g, "")) });
    expect((await getBundleFiling({ actor: applicant, bundleFilingId: filingId })).slots.every((s) => s.given)).toBe(true);
    // Someone else's filing: not found, for reading and for uploading.
    await expect(getBundleFiling({ actor: stranger, bundleFilingId: filingId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(uploadBundleMaterial({ actor: stranger, bundleFilingId: filingId, slotKey: licence.key, file: pdf("x") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("submits every item at once, each with its own number, and numbers the filing", async () => {
    await submitBundleFiling({ actor: applicant, bundleFilingId: filingId, declared: true });
    await submitBundleFiling({ actor: applicant, bundleFilingId: filingId, declared: true }); // a retry changes nothing
    const apps = await db().application.findMany({ where: { bundleFilingId: filingId } });
    expect(apps.every((a) => a.state === "SUBMITTED" && a.number)).toBe(true);
    expect(new Set(apps.map((a) => a.number)).size).toBe(3);
    const filing = await db().bundleFiling.findUniqueOrThrow({ where: { id: filingId } });
    expect(filing.number).toMatch(/^YJS\d{4}\d{6}$/);
  });

  it("schedules ONE joint survey for the cases needing one, once all of them are accepted", async () => {
    await acceptAll([ids.registration, ids.food]);
    await expect(scheduleJointSurvey({ actor: foodReviewer, input: { bundleFilingId: filingId, scheduledOn: "2026-12-08", place: "建设路1号店面" } })).rejects.toMatchObject({ code: "SURVEY_NOT_YET" });
    await acceptAll([ids.health]);
    // A section with no case in the filing learns nothing; the window may not schedule surveys.
    await expect(scheduleJointSurvey({ actor: otherReviewer, input: { bundleFilingId: filingId, scheduledOn: "2026-12-08", place: "建设路1号店面" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(scheduleJointSurvey({ actor: clerk, input: { bundleFilingId: filingId, scheduledOn: "2026-12-08", place: "建设路1号店面" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const view = await getBundleFiling({ actor: foodReviewer, bundleFilingId: filingId });
    expect(view.offers.survey).toBe(true);
    // The instant item is decided at the window meanwhile: the survey does not cover it.
    await decideCase({ actor: director, input: { applicationId: ids.registration, decision: "APPROVE" } });
    await issueCertificate({ actor: clerk, input: { applicationId: ids.registration } });
    const [a, b] = await Promise.allSettled([
      scheduleJointSurvey({ actor: foodReviewer, input: { bundleFilingId: filingId, scheduledOn: "2026-12-08", place: "建设路1号店面", note: "市场准入科、教育卫生科" } }),
      scheduleJointSurvey({ actor: healthReviewer, input: { bundleFilingId: filingId, scheduledOn: "2026-12-09", place: "建设路1号店面" } }),
    ]);
    // Two organisers at once: one survey.
    expect([a.status, b.status].sort()).toEqual(["fulfilled", "rejected"]);
    expect(((a.status === "rejected" ? a : b) as PromiseRejectedResult).reason).toMatchObject({ code: "SURVEY_ALREADY_SCHEDULED" });
    const surveys = await db().clockEntry.findMany({ where: { application: { bundleFilingId: filingId }, kind: "SURVEY" } });
    expect(surveys.map((s) => s.applicationId).sort()).toEqual([ids.food, ids.health].sort());
    expect(new Set(surveys.map((s) => s.startedOn.toISOString()))).toHaveProperty("size", 1);
    expect(await messages("JOINT_SURVEY")).toBe(1);
    expect((await getBundleFiling({ actor: healthReviewer, bundleFilingId: filingId })).offers.survey).toBe(false);
  });

  it("lets the sections review in parallel, and completes the filing exactly once when the last two end together", async () => {
    await Promise.all([
      recordReview({ actor: foodReviewer, input: { applicationId: ids.food, recommendation: "APPROVE", opinion: "符合条件" } }),
      recordReview({ actor: healthReviewer, input: { applicationId: ids.health, recommendation: "DENY", opinion: "卫生设施不符合要求" } }),
    ]);
    await decideCase({ actor: director, input: { applicationId: ids.food, decision: "APPROVE" } });
    await runQueuedJobs(); // the registration's end was looked at: one of three is not the last
    expect((await db().bundleFiling.findUniqueOrThrow({ where: { id: filingId } })).completedAt).toBeNull();
    // Window handover of a bundle's certificate on its own: refused, and before completion the bundle's too.
    const regCert = await db().certificate.findFirstOrThrow({ where: { applicationId: ids.registration } });
    await expect(recordCertificateDelivery({ actor: clerk, input: { certificateId: regCert.id, method: "PICKUP", collectorName: "李四", collectorIdNumber: "511602199001011234" } })).rejects.toMatchObject({ code: "BUNDLE_DELIVERS_TOGETHER" });
    await expect(deliverBundle({ actor: clerk, input: { bundleFilingId: filingId, method: "PICKUP", collectorName: "李四", collectorIdNumber: "511602199001011234" } })).rejects.toMatchObject({ code: "BUNDLE_NOT_COMPLETE" });
    // The last two ends at once (an issuance and a denial): one completion, one message.
    await Promise.all([
      issueCertificate({ actor: clerk, input: { applicationId: ids.food } }),
      decideCase({ actor: director, input: { applicationId: ids.health, decision: "DENY", reason: "卫生设施不符合要求", basis: "《公共场所卫生管理条例》" } }),
    ]);
    // The worker looks at the filing after each end; of the two jobs, one completes it.
    expect((await db().bundleFiling.findUniqueOrThrow({ where: { id: filingId } })).completedAt).toBeNull();
    await runQueuedJobs();
    expect(await completeBundle(filingId)).toBe(false); // a late or repeated job finds it done
    const filing = await db().bundleFiling.findUniqueOrThrow({ where: { id: filingId } });
    expect(filing.completedAt).not.toBeNull();
    expect(filing.deliveredAt).toBeNull(); // pick-up: handed over at the window
    expect(await messages("BUNDLE_COMPLETED_PICKUP")).toBe(1);
    expect(await db().auditEvent.count({ where: { entityType: "BundleFiling", entityId: filingId, action: "bundle.completed" } })).toBe(1);
  });

  it("hands every certificate over once", async () => {
    expect((await getBundleFiling({ actor: clerk, bundleFilingId: filingId })).offers.handover).toBe(true);
    await expect(deliverBundle({ actor: foodReviewer, input: { bundleFilingId: filingId, method: "PICKUP", collectorName: "李四", collectorIdNumber: "511602199001011234" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const done = await deliverBundle({ actor: clerk, input: { bundleFilingId: filingId, method: "PICKUP", collectorName: "李四", collectorIdNumber: "511602199001011234" } });
    expect(done.certificates).toBe(2);
    const certs = await db().certificate.findMany({ where: { application: { bundleFilingId: filingId } } });
    expect(certs.every((c) => c.deliveredAt && c.collectorName === "李四" && c.deliveredById === clerk.id)).toBe(true);
    expect(await messages("BUNDLE_COLLECTED")).toBe(1);
    // The hand-over is one visit (一次一评): one SMS link, named by the lowest-numbered certificate.
    const [first, second] = [...certs].sort((a, b) => (a.number < b.number ? -1 : 1));
    const invites = await db().notification.findMany({ where: { userId: applicant.id, kind: "RATING_INVITE", channel: "SMS" } });
    expect(invites).toHaveLength(1);
    expect(invites[0].text).toContain("的证照（共 2 件）");
    expect(invites[0].text).toContain(`/rate/${first.applicationId}?t=${ratingToken(first.applicationId, "SMS", pickupVisit(first.id))}&v=${pickupVisit(first.id)}`);
    const filing = await db().bundleFiling.findUniqueOrThrow({ where: { id: filingId }, include: { bundle: true } });
    expect(await ratingTarget({ applicationId: first.applicationId, token: ratingToken(first.applicationId, "SMS", pickupVisit(first.id)), visit: pickupVisit(first.id) })).toEqual({
      visit: "BUNDLE_PICKUP",
      number: filing.number,
      itemName: filing.bundle.name,
      certificateNumber: null,
      rated: false,
    });
    // Not one visit per certificate: the other certificate names no visit, by link or on the tablet.
    const other = { applicationId: second.applicationId, token: ratingToken(second.applicationId, "SMS", pickupVisit(second.id)), visit: pickupVisit(second.id) };
    await expect(ratingTarget(other)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(rateWindowVisitOnDevice({ actor: clerk, applicationId: second.applicationId, visit: pickupVisit(second.id), input: { level: "SATISFIED" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The clerk's tablet offers the hand-over once, as the bundle's; another clerk's does not.
    const offered = await lastWindowService({ actor: clerk });
    expect(offered).toMatchObject({ id: first.applicationId, visit: pickupVisit(first.id), kind: "BUNDLE_PICKUP", number: filing.number, itemName: filing.bundle.name, certificateNumber: null });
    const otherClerk = actorOf(await createUser(db(), { role: "CLERK" }));
    expect((await lastWindowService({ actor: otherClerk }))?.visit).not.toBe(pickupVisit(first.id));
    await rateWindowVisitOnDevice({ actor: clerk, applicationId: first.applicationId, visit: pickupVisit(first.id), input: { level: "SATISFIED" } });
    expect(await db().rating.findMany({ where: { applicationId: { in: certs.map((c) => c.applicationId) } }, select: { channel: true, staffId: true, service: true } })).toEqual([{ channel: "WINDOW_DEVICE", staffId: clerk.id, service: "WINDOW" }]);
    expect((await lastWindowService({ actor: clerk }))?.visit).not.toBe(pickupVisit(first.id));
    await expect(rateWindowVisitByLink({ applicationId: first.applicationId, token: ratingToken(first.applicationId, "SMS", pickupVisit(first.id)), visit: pickupVisit(first.id), input: { level: "BASIC" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    await expect(deliverBundle({ actor: clerk, input: { bundleFilingId: filingId, method: "PICKUP", collectorName: "李四", collectorIdNumber: "511602199001011234" } })).rejects.toMatchObject({ code: "BUNDLE_ALREADY_DELIVERED" });
  });
});
