// 审管分离 on a real database with a real receiver: a department's test server on loopback gets a
// signed event for each decision, issuance and revocation (and post-check); a 500 is retried with the
// queue's back-off and then delivered, both attempts logged; another department's subscription gets
// nothing; a FAILED delivery is replayed by the administrator; the pull list returns the same envelopes.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { SIGNATURE_HEADER, signatureProblem, TIMESTAMP_HEADER } from "@/lib/domain/signing/hmac-signature";
import { startApplication, submitApplication } from "@/lib/server/applications/file-application";
import { uploadMaterial } from "@/lib/server/applications/materials";
import { recordPostCheck } from "@/lib/server/commitments/post-checks";
import { signCommitment } from "@/lib/server/commitments/sign-commitment";
import { decideIntake } from "@/lib/server/applications/intake";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { decideCase } from "@/lib/server/cases/decide-case";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/lib/server/api/openapi";
import { replaceCertificate } from "@/lib/server/certificates/replace-certificate";
import { changeCertificateStatus } from "@/lib/server/certificates/change-certificate-status";
import { issueCertificate } from "@/lib/server/certificates/issue-certificate";
import { db } from "@/lib/server/db";
import { createSubscription } from "@/lib/server/departments/create-subscription";
import { deactivateSubscription } from "@/lib/server/departments/deactivate-subscription";
import { getDepartmentWebhooks } from "@/lib/server/departments/get-department-webhooks";
import { listDepartmentEvents } from "@/lib/server/departments/list-department-events";
import { replayDelivery } from "@/lib/server/departments/replay-delivery";
import { ensureSealIdentity } from "@/lib/server/seals/seal-keys";
import { draftWithMaterials } from "../factories/filings";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";
import { runQueuedJobs, runWorkerUntil } from "../support/jobs";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/current-actor", () => ({ currentActor: async () => session.actor, requireArea: async () => session.actor }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string, v?: Record<string, string>) => (v?.secret ? `${key}:${v.secret}` : key), { has: () => true, raw: (key: string) => key }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const actions = await import("@/app/office/admin/departments/actions");

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-webhooks-"));
// The applicant's texts go to a file, not the test's output.
process.env.NOTIFY_LOG_FILE = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "notify-webhooks-")), "sms.jsonl");

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; at: number };

/** A department's receiver: records every request; answers each path's queued statuses first, then 204. */
function startReceiver() {
  const received: Received[] = [];
  const scripted = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const p = req.url ?? "/";
      received.push({ path: p, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const status = scripted.get(p)?.shift() ?? 204;
      res.writeHead(status, { "content-type": "text/plain" }).end(status >= 300 ? "receiver down for maintenance" : "");
    });
  });
  return {
    received,
    /** The next answers to requests on `path`. */
    answer: (p: string, ...statuses: number[]) => scripted.set(p, [...(scripted.get(p) ?? []), ...statuses]),
    listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const receiver = startReceiver();
let base: string;
let itemA: Awaited<ReturnType<typeof createItem>>, itemB: Awaited<ReturnType<typeof createItem>>;
let applicant: Actor, clerk: Actor, director: Actor, chief: Actor, admin: Actor;
let secretA: string, secretB: string, subscriptionA: string;

beforeAll(async () => {
  base = await receiver.listen();
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  itemA = await createItem(db(), { promisedDays: 0, kind: "INSTANT" });
  itemB = await createItem(db(), { promisedDays: 0, kind: "INSTANT" });
  const seal = await db().seal.create({ data: { name: "广安市广安区行政审批局审批专用章", holder: "局长", status: "ACTIVE", activeMarker: true } });
  await ensureSealIdentity(db(), seal);
  applicant = actorOf(await createUser(db(), { role: "APPLICANT", name: "张小民" }));
  clerk = actorOf(await createUser(db(), { role: "CLERK" }));
  director = actorOf(await createUser(db(), { role: "DIRECTOR" }));
  chief = actorOf(await createUser(db(), { role: "CHIEF", sectionId: itemA.section.id }));
  admin = actorOf(await createUser(db(), { role: "ADMIN" }));
  const a = await createSubscription({ actor: admin, input: { departmentId: itemA.item.departmentId, url: `${base}/dept-a` } });
  const b = await createSubscription({ actor: admin, input: { departmentId: itemB.item.departmentId, url: `${base}/dept-b` } });
  [secretA, secretB, subscriptionA] = [a.secret, b.secret, a.id];
});

afterAll(async () => {
  await receiver.close();
});

async function accepted(item = itemA) {
  const { id, materialIds } = await draftWithMaterials(applicant, item);
  await submitApplication({ actor: applicant, applicationId: id });
  await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: materialIds } });
  return id;
}

/** What the receiver got on `path` since `from`, parsed, with the signature checked against `secret`. */
function eventsAt(p: string, secret: string, from = 0) {
  return receiver.received
    .slice(from)
    .filter((r) => r.path === p)
    .map((r) => ({
      envelope: JSON.parse(r.body) as { id: string; sequence: string; type: string; department: { code: string }; data: Record<string, any> },
      signature: signatureProblem(secret, String(r.headers[TIMESTAMP_HEADER] ?? ""), String(r.headers[SIGNATURE_HEADER] ?? ""), r.body, Date.now()),
      headers: r.headers,
    }));
}

describe("a department's webhook", () => {
  it("receives a signed event for an approval, a denial, an issuance and a revocation; another department gets nothing", async () => {
    const from = receiver.received.length;
    const approvedId = await accepted();
    await decideCase({ actor: director, input: { applicationId: approvedId, decision: "APPROVE" } });
    const deniedId = await accepted();
    await decideCase({ actor: director, input: { applicationId: deniedId, decision: "DENY", reason: "经营场所不符合要求", basis: "《食品经营许可管理办法》第十条" } });
    const cert = await issueCertificate({ actor: clerk, input: { applicationId: approvedId } });
    await changeCertificateStatus({ actor: chief, input: { certificateId: cert.id, status: "REVOKED", reason: "以欺骗手段取得", basis: "《行政许可法》第六十九条" } });
    await runQueuedJobs();

    const got = eventsAt("/dept-a", secretA, from);
    expect(got.map((g) => g.envelope.type)).toEqual(["decision.approved", "decision.denied", "certificate.issued", "certificate.revoked"]);
    // Every one is signed with the department's own secret, and with nobody else's.
    expect(got.map((g) => g.signature)).toEqual([null, null, null, null]);
    expect(got.map((g) => signatureProblem(secretB, String(g.headers[TIMESTAMP_HEADER]), String(g.headers[SIGNATURE_HEADER]), JSON.stringify(g.envelope), Date.now()))).toEqual(["MISMATCH", "MISMATCH", "MISMATCH", "MISMATCH"]);
    const [approved, denied, issued, revoked] = got.map((g) => g.envelope);
    const approvedApp = await db().application.findUniqueOrThrow({ where: { id: approvedId } });
    const residentId = (await db().user.findUniqueOrThrow({ where: { id: applicant.id } })).residentId!;
    expect(approved.data.application).toMatchObject({ number: approvedApp.number, item: { implementationCode: itemA.item.implementationCode, name: itemA.version.name }, applicant: { name: "张小民", idType: "RESIDENT_ID" } });
    expect(approved.data.decision).toMatchObject({ outcome: "APPROVED", letterNumber: expect.stringMatching(/^广安审批许〔\d{4}〕\d+号$/) });
    expect(approved.data.decision.reason).toBeUndefined();
    expect(denied.data.decision).toMatchObject({ outcome: "DENIED", reason: "经营场所不符合要求", basis: "《食品经营许可管理办法》第十条" });
    expect(issued.data.certificate).toMatchObject({ number: cert.number, identifier: cert.identifier });
    expect(revoked.data.certificate).toMatchObject({ number: cert.number, status: "REVOKED", reason: "以欺骗手段取得", basis: "《行政许可法》第六十九条" });
    // No full resident ID ever leaves the bureau.
    for (const r of receiver.received) expect(r.body).not.toContain(residentId);
    // Each body is what the OpenAPI document's webhook says it is.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: "doc", ...(JSON.parse(JSON.stringify(openApiDocument())) as object), $schema: undefined } as never, "doc");
    const documented = ajv.compile({ $ref: "doc#/webhooks/departmentEvent/post/requestBody/content/application~1json/schema" });
    for (const g of got) expect(documented(g.envelope), JSON.stringify(documented.errors)).toBe(true);
    expect(approved.department.code).toBe((await db().department.findUniqueOrThrow({ where: { id: itemA.item.departmentId } })).code);
    expect(got[0].headers["x-bureau-event"]).toBe("decision.approved");

    expect(eventsAt("/dept-b", secretB, from)).toEqual([]);
    const deliveries = await db().webhookDelivery.findMany({ where: { subscriptionId: subscriptionA }, include: { log: true } });
    expect(deliveries.every((d) => d.state === "DELIVERED" && d.attempts === 1 && d.log.length === 1 && d.log[0].status === 204)).toBe(true);

    // The pull list returns the same envelopes in order, from a cursor.
    const pulled = await listDepartmentEvents({ departmentId: itemA.item.departmentId, limit: 100 });
    expect(pulled.events.slice(-4)).toEqual([approved, denied, issued, revoked]);
    const after = await listDepartmentEvents({ departmentId: itemA.item.departmentId, after: BigInt(denied.sequence), limit: 1 });
    expect(after.events.map((e) => e.type)).toEqual(["certificate.issued"]);
    expect(after.next).toBe(BigInt(issued.sequence));
    expect((await listDepartmentEvents({ departmentId: itemB.item.departmentId, limit: 10 })).events).toEqual([]);
  });

  it("a re-issued certificate (补办) is told as certificate.replaced, naming the version it replaces", async () => {
    const from = receiver.received.length;
    const id = await accepted();
    await decideCase({ actor: director, input: { applicationId: id, decision: "APPROVE" } });
    const first = await issueCertificate({ actor: clerk, input: { applicationId: id } });
    const second = await replaceCertificate({ actor: chief, input: { certificateId: first.id, kind: "REISSUE", reason: "证照遗失" } });
    await runQueuedJobs();
    const got = eventsAt("/dept-a", secretA, from);
    expect(got.map((g) => g.envelope.type)).toEqual(["decision.approved", "certificate.issued", "certificate.replaced"]);
    expect(got.map((g) => g.signature)).toEqual([null, null, null]);
    expect(got[2].envelope.data.certificate).toMatchObject({ identifier: second.identifier, replaces: first.identifier, replacementKind: "REISSUE", reason: "证照遗失" });
  });

  it("answering 500 gets the event retried with back-off and then delivered; the log shows 500 then 204", async () => {
    receiver.answer("/dept-b", 500);
    const from = receiver.received.length;
    const id = await accepted(itemB);
    await decideCase({ actor: director, input: { applicationId: id, decision: "APPROVE" } });
    const delivery = await db().webhookDelivery.findFirstOrThrow({ where: { event: { applicationId: id } } });
    const done = await runWorkerUntil(async () => (await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).state === "DELIVERED", 20_000);
    expect(done).toBe(true);
    const got = eventsAt("/dept-b", secretB, from);
    expect(got).toHaveLength(2);
    expect(got.map((g) => g.signature)).toEqual([null, null]);
    expect(got[0].envelope).toEqual(got[1].envelope);
    const log = await db().webhookAttempt.findMany({ where: { deliveryId: delivery.id }, orderBy: { at: "asc" } });
    expect(log.map((a) => a.status)).toEqual([500, 204]);
    expect(log[0].error).toBe("HTTP 500: receiver down for maintenance");
    // The queue's back-off (about e¹ = 2.7 s) separated the two attempts.
    expect(log[1].at.getTime() - log[0].at.getTime()).toBeGreaterThan(2_000);
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ state: "DELIVERED", attempts: 2, lastStatus: 204, lastError: null });
  });

  it("a delivery that used its last attempt is FAILED; the administrator replays it (audited) and it is delivered", async () => {
    receiver.answer("/dept-b", 503);
    const id = await accepted(itemB);
    await decideCase({ actor: director, input: { applicationId: id, decision: "DENY", reason: "材料不实", basis: "《行政许可法》第三十八条" } });
    const delivery = await db().webhookDelivery.findFirstOrThrow({ where: { event: { applicationId: id } } });
    // As if its earlier attempts were used: this one is the last.
    await db().$executeRaw`UPDATE graphile_worker._private_jobs SET max_attempts = 1 WHERE key = ${`department-delivery:${delivery.id}`}`;
    await runQueuedJobs();
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ state: "FAILED", attempts: 1, lastStatus: 503 });
    const page = await getDepartmentWebhooks({ actor: admin, departmentId: itemB.item.departmentId });
    const shown = page.events.flatMap((e) => e.deliveries).find((d) => d.id === delivery.id)!;
    expect(shown).toMatchObject({ state: "FAILED", mayReplay: true, lastError: "HTTP 503: receiver down for maintenance" });

    await expect(replayDelivery({ actor: director, input: { deliveryId: delivery.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await replayDelivery({ actor: admin, input: { deliveryId: delivery.id } });
    await expect(replayDelivery({ actor: admin, input: { deliveryId: delivery.id } })).rejects.toMatchObject({ code: "DELIVERY_NOT_REPLAYABLE" });
    await runQueuedJobs();
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ state: "DELIVERED", attempts: 2, lastStatus: 204 });
    expect(await db().auditEvent.count({ where: { action: "webhook.delivery.replayed", entityId: itemB.item.departmentId } })).toBe(1);
  });

  it("a commitment's post-check is told; found false, the revocation follows as its own event", async () => {
    const item = await createItem(db(), { promisedDays: 0, kind: "INSTANT", commitmentText: "本人承诺已取得经营场所合法使用权。" });
    const sectionChief = actorOf(await createUser(db(), { role: "CHIEF", sectionId: item.section.id }));
    const c = await createSubscription({ actor: admin, input: { departmentId: item.item.departmentId, url: `${base}/dept-c` } });
    const from = receiver.received.length;
    const { id } = await startApplication({ actor: applicant, input: { itemCode: item.item.implementationCode, submissionKey: randomUUID(), subject: "申请", contactName: "张三", contactPhone: "13800001234" } });
    for (const m of [item.materials.core1, item.materials.supplementary]) {
      const bytes = Buffer.from(`%PDF-1.4\n${m.id}${id}\n%%EOF\n`);
      await uploadMaterial({ actor: applicant, applicationId: id, materialId: m.id, file: { name: "m.pdf", size: bytes.length, stream: Readable.from([bytes]) } });
    }
    await signCommitment({ actor: applicant, input: { applicationId: id, materialId: item.materials.core2.id, agreed: "on", signerName: "张小民" } });
    await submitApplication({ actor: applicant, applicationId: id, declared: true });
    await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: [item.materials.core1.id, item.materials.core2.id, item.materials.supplementary.id] } });
    await decideCase({ actor: director, input: { applicationId: id, decision: "APPROVE" } });
    const cert = await issueCertificate({ actor: clerk, input: { applicationId: id } });
    const commitment = await db().commitment.findFirstOrThrow({ where: { applicationId: id } });
    await recordPostCheck({ actor: sectionChief, input: { commitmentId: commitment.id, result: "FALSE", note: "实地核查：租赁合同系伪造" } });
    await runQueuedJobs();
    const got = eventsAt("/dept-c", c.secret, from);
    expect(got.map((g) => g.envelope.type)).toEqual(["decision.approved", "certificate.issued", "commitment.checked", "certificate.revoked"]);
    expect(got.every((g) => g.signature === null)).toBe(true);
    expect(got[2].envelope.data.commitment).toMatchObject({ material: item.materials.core2.name, result: "FALSE", note: "实地核查：租赁合同系伪造" });
    expect(got[3].envelope.data.certificate).toMatchObject({ number: cert.number, status: "REVOKED", basis: expect.stringContaining("第六十九条") });
  });

  it("a deactivated subscription gets no new deliveries; URLs are checked and the secret is stored encrypted", async () => {
    const row = await db().webhookSubscription.findUniqueOrThrow({ where: { id: subscriptionA } });
    expect(row.secretCipher).not.toContain(secretA.slice(6));
    expect(secretA).toMatch(/^whsec_[0-9a-f]{64}$/);
    await expect(createSubscription({ actor: admin, input: { departmentId: itemA.item.departmentId, url: "ftp://example.gov.cn/x" } })).rejects.toMatchObject({ code: "WEBHOOK_URL_REFUSED", field: "url" });
    await expect(createSubscription({ actor: director, input: { departmentId: itemA.item.departmentId, url: `${base}/x` } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Only the types it lists: this one hears only of denials.
    const deniedOnly = await createSubscription({ actor: admin, input: { departmentId: itemA.item.departmentId, url: `${base}/dept-a-denials`, events: ["decision.denied"] } });

    await deactivateSubscription({ actor: admin, input: { subscriptionId: subscriptionA } });
    const id = await accepted();
    await decideCase({ actor: director, input: { applicationId: id, decision: "APPROVE" } });
    const event = await db().departmentEvent.findFirstOrThrow({ where: { applicationId: id }, include: { deliveries: true } });
    expect(event.type).toBe("decision.approved");
    expect(event.deliveries).toEqual([]);
    await deactivateSubscription({ actor: admin, input: { subscriptionId: deniedOnly.id } });
    expect(await db().auditEvent.count({ where: { action: { in: ["webhook.subscription.created", "webhook.subscription.deactivated"] }, entityId: itemA.item.departmentId } })).toBe(4);
  });
});

describe("the administrator's actions", () => {
  const form = (fields: Record<string, string>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    return fd;
  };

  it("create reads the ticked event types and shows the secret once; a refused URL is named on its field; others are refused", async () => {
    session.actor = admin;
    const created = await actions.createSubscriptionAction(null, form({ departmentId: itemB.item.departmentId, url: `${base}/dept-b-form`, "event.certificate.revoked": "on", "event.decision.denied": "on" }));
    expect(created).toMatchObject({ ok: true, message: expect.stringMatching(/^secretOnce:whsec_[0-9a-f]{64}$/) });
    const row = await db().webhookSubscription.findUniqueOrThrow({ where: { id: (created as { data: { id: string } }).data.id } });
    expect(row.events).toEqual(["decision.denied", "certificate.revoked"]);
    expect(await actions.createSubscriptionAction(null, form({ departmentId: itemB.item.departmentId, url: "file:///etc/passwd" }))).toMatchObject({ ok: false, message: "errors.WEBHOOK_URL_REFUSED", fieldErrors: { url: "errors.WEBHOOK_URL_REFUSED" } });
    expect(await actions.deactivateSubscriptionAction(null, form({ subscriptionId: row.id }))).toMatchObject({ ok: true });
    session.actor = director;
    expect(await actions.replayDeliveryAction(null, form({ deliveryId: "x" }))).toMatchObject({ ok: false, message: "errors.FORBIDDEN" });
    expect(await actions.createSubscriptionAction(null, form({ departmentId: itemB.item.departmentId, url: `${base}/x` }))).toMatchObject({ ok: false, message: "errors.FORBIDDEN" });
  });
});
