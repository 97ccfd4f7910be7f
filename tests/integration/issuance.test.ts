// Issuance under the bureau's one seal, on a real database: the signed certificate (checked with
// Poppler and an independent SM2 implementation), idempotent issuing, the database refusing an
// archived seal, rotation, revocation seen by verification, the PDF check, and the stamp log.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import smCrypto from "sm-crypto";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { submitApplication } from "@/lib/server/applications/file-application";
import { decideIntake } from "@/lib/server/applications/intake";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { decideCase } from "@/lib/server/cases/decide-case";
import { getCertificateFile } from "@/lib/server/certificates/certificate-file";
import { changeCertificateStatus } from "@/lib/server/certificates/change-certificate-status";
import { issueCertificate } from "@/lib/server/certificates/issue-certificate";
import { recordCertificateDelivery } from "@/lib/server/certificates/record-certificate-delivery";
import { replaceCertificate } from "@/lib/server/certificates/replace-certificate";
import { chooseDelivery } from "@/lib/server/applications/choose-delivery";
import { issuedDocumentPdf } from "@/lib/server/seals/issued-document-pdf";
import { renderNoticePdf } from "@/lib/server/seals/notice-pdf";
import { noticeText } from "@/lib/server/seals/notice-text";
import { listIssuingQueue } from "@/lib/server/certificates/list-issuing-queue";
import { verifyCertificate, verifyCertificatePdf, verifyDocument } from "@/lib/server/certificates/verify-certificate";
import { endSuspension } from "@/lib/server/cases/end-suspension";
import { startSuspension } from "@/lib/server/cases/start-suspension";
import { db } from "@/lib/server/db";
import { ensureSealIdentity } from "@/lib/server/seals/seal-keys";
import { listStampRecords, stampLogCsv } from "@/lib/server/seals/list-stamp-records";
import { rotateSeal } from "@/lib/server/seals/rotate-seal";
import { pickupVisit } from "@/lib/domain/ratings/ratings";
import { lastWindowService, ratingTarget, ratingToken, rateWindowVisitByLink, rateWindowVisitOnDevice } from "@/lib/server/ratings/rate-service";
import { draftWithMaterials } from "../factories/filings";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-issuance-"));
const hasPoppler = spawnSync("which", ["pdfsig"]).status === 0;

let item: Awaited<ReturnType<typeof createItem>>;
let applicant: Actor, clerk: Actor, clerk2: Actor, director: Actor, chief: Actor, supervisor: Actor;

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  item = await createItem(db(), { promisedDays: 0, statutoryDays: 20, kind: "INSTANT" });
  await db().item.update({ where: { id: item.item.id }, data: { certificatePrefix: "广安审批测" } });
  const seal = await db().seal.create({ data: { name: "广安市广安区行政审批局审批专用章", holder: "局长", status: "ACTIVE", activeMarker: true } });
  await ensureSealIdentity(db(), seal);
  applicant = actorOf(await createUser(db(), { role: "APPLICANT", name: "广安示范商贸" }));
  clerk = actorOf(await createUser(db(), { role: "CLERK" }));
  clerk2 = actorOf(await createUser(db(), { role: "CLERK" }));
  director = actorOf(await createUser(db(), { role: "DIRECTOR" }));
  chief = actorOf(await createUser(db(), { role: "CHIEF", sectionId: item.section.id }));
  supervisor = actorOf(await createUser(db(), { role: "SUPERVISOR" }));
});

/** An instant item accepted at the window and approved by the director: waiting for its certificate. */
async function approved() {
  const { id, materialIds } = await draftWithMaterials(applicant, item);
  await submitApplication({ actor: applicant, applicationId: id });
  await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: materialIds } });
  await decideCase({ actor: director, input: { applicationId: id, decision: "APPROVE" } });
  return id;
}

describe("issuing a certificate", () => {
  it("signs the PDF (Poppler: valid, whole document) and the record (SM2, checked by another implementation); the text carries holder, item and number", async () => {
    const id = await approved();
    expect((await listIssuingQueue({ actor: clerk })).rows.map((r) => r.id)).toContain(id);
    const issued = await issueCertificate({ actor: clerk, input: { applicationId: id } });
    expect(issued.number).toMatch(/^广安审批测〔\d{4}〕第\d{5}号$/);
    expect(issued.identifier).toMatch(/^1\.2\.156\.3005\.2\./);
    expect((await db().application.findUniqueOrThrow({ where: { id } })).state).toBe("ISSUED");

    const file = await getCertificateFile({ actor: applicant, applicationId: id });
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cert-")), "c.pdf");
    fs.writeFileSync(out, file.bytes);
    if (hasPoppler) {
      const sig = spawnSync("pdfsig", [out], { encoding: "utf8" }).stdout;
      expect(sig).toContain("Signature is Valid.");
      expect(sig).toContain("Total document signed");
      const text = execFileSync("pdftotext", [out, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      expect(text).toContain("广安示范商贸");
      expect(text).toContain(item.version.name);
      expect(text).toContain(issued.number);
    }

    const cert = await db().certificate.findUniqueOrThrow({ where: { originalOf: id }, include: { seal: true } });
    expect(smCrypto.sm2.doVerifySignature(cert.canonicalRecord, cert.sm2Signature, cert.seal.sm2PublicKey!, { hash: true, der: true })).toBe(true);
    expect(smCrypto.sm2.doVerifySignature(cert.canonicalRecord.replace(issued.number, "伪造"), cert.sm2Signature, cert.seal.sm2PublicKey!, { hash: true, der: true })).toBe(false);
    expect(JSON.parse(cert.canonicalRecord)).toMatchObject({ number: issued.number, identifier: issued.identifier, pdfSha256: cert.pdfSha256 });

    const stamp = await db().stampRecord.findUniqueOrThrow({ where: { certificateId: cert.id } });
    expect(stamp).toMatchObject({ sealId: cert.sealId, actorId: clerk.id, applicationId: id, pdfSha256: cert.pdfSha256, recordSm3: cert.recordSm3, documentKind: "CERTIFICATE" });
    expect(await db().auditEvent.count({ where: { entityId: id, action: "application.ISSUE" } })).toBe(1);

    // The uploaded file is ours byte for byte; one changed byte is not.
    await expect(verifyCertificatePdf(file.bytes)).resolves.toMatchObject({ issued: true, certificate: { verdict: "valid", number: issued.number, recordSignatureValid: true } });
    const altered = Buffer.from(file.bytes);
    altered[Math.floor(altered.length / 2)] ^= 0x01;
    await expect(verifyCertificatePdf(altered)).resolves.toEqual({ issued: false });
    if (hasPoppler) {
      fs.writeFileSync(out, altered);
      expect(spawnSync("pdfsig", [out], { encoding: "utf8" }).stdout).not.toContain("Signature is Valid.");
    }
  });

  it("two clerks issuing at once give one certificate and one stamp", async () => {
    const id = await approved();
    const results = await Promise.all([issueCertificate({ actor: clerk, input: { applicationId: id } }), issueCertificate({ actor: clerk2, input: { applicationId: id } })]);
    expect(new Set(results.map((r) => r.number)).size).toBe(1);
    expect(results.filter((r) => r.alreadyDone)).toHaveLength(1);
    expect(await db().certificate.count({ where: { applicationId: id } })).toBe(1);
    expect(await db().stampRecord.count({ where: { applicationId: id, documentKind: "CERTIFICATE" } })).toBe(1);
  });

  it("refuses to issue while owed materials (容缺) are missing, naming them", async () => {
    const id = await approved();
    await db().applicationMaterial.updateMany({ where: { applicationId: id, materialId: item.materials.supplementary.id }, data: { verdict: "OWED" } });
    await expect(issueCertificate({ actor: clerk, input: { applicationId: id } })).rejects.toMatchObject({ code: "MATERIALS_OWED", details: { materials: item.materials.supplementary.name } });
    expect(await db().certificate.count({ where: { applicationId: id } })).toBe(0);
  });
});

describe("replacement (补办/变更)", () => {
  it("a chief re-issues a lost certificate: same number, next version, stamped and signed; the old one verifies as replaced; twice at once gives one", async () => {
    const id = await approved();
    const first = await issueCertificate({ actor: clerk, input: { applicationId: id } });
    await expect(replaceCertificate({ actor: clerk, input: { certificateId: first.id, kind: "REISSUE", reason: "证照遗失" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const results = await Promise.allSettled([
      replaceCertificate({ actor: chief, input: { certificateId: first.id, kind: "REISSUE", reason: "证照遗失" } }),
      replaceCertificate({ actor: director, input: { certificateId: first.id, kind: "REISSUE", reason: "证照遗失" } }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CERTIFICATE_REPLACED" } });
    const second = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof replaceCertificate>>>).value;
    expect(second.number).toBe(first.number);
    expect(second.identifier).not.toBe(first.identifier);
    expect(second.identifier.split(".").slice(0, -2)).toEqual(first.identifier.split(".").slice(0, -2));
    expect(await db().certificate.count({ where: { applicationId: id } })).toBe(2);
    expect(await db().stampRecord.count({ where: { applicationId: id, documentKind: "CERTIFICATE" } })).toBe(2);

    expect(await verifyCertificate({ identifier: first.identifier })).toMatchObject({ verdict: "replaced", replacedBy: second.identifier });
    expect(await verifyCertificate({ identifier: second.identifier })).toMatchObject({ verdict: "valid", replaces: first.identifier, recordSignatureValid: true });
    const record = JSON.parse((await db().certificate.findUniqueOrThrow({ where: { id: second.id } })).canonicalRecord);
    expect(record).toMatchObject({ version: 2, replaces: { identifier: first.identifier, kind: "REISSUE" } });
    // The applicant's download is the replacement now, and they were told.
    const file = await getCertificateFile({ actor: applicant, applicationId: id });
    expect(file.identifier).toBe(second.identifier);
    expect((await verifyCertificatePdf(file.bytes)) as { certificate: { identifier: string } }).toMatchObject({ issued: true, certificate: { identifier: second.identifier } });
    expect(await db().message.count({ where: { applicationId: id, kind: "CERTIFICATE_REISSUE" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: id, action: "certificate.REISSUE" } })).toBe(1);
    // History is not acted on: the replaced one can be neither replaced again nor revoked.
    await expect(changeCertificateStatus({ actor: chief, input: { certificateId: first.id, status: "REVOKED", reason: "测试理由", basis: "测试依据" } })).rejects.toMatchObject({ code: "CERTIFICATE_REPLACED" });
  });

  it("an amendment (变更) prints the holder's new name and address; an amendment changing nothing is refused", async () => {
    const id = await approved();
    const first = await issueCertificate({ actor: clerk, input: { applicationId: id } });
    await expect(replaceCertificate({ actor: chief, input: { certificateId: first.id, kind: "AMEND", reason: "企业更名" } })).rejects.toMatchObject({ code: "VALIDATION" });
    const amended = await replaceCertificate({ actor: chief, input: { certificateId: first.id, kind: "AMEND", reason: "企业更名", holderName: "广安新示范商贸有限公司", address: "广安区建设路 8 号" } });
    const row = await db().certificate.findUniqueOrThrow({ where: { id: amended.id } });
    expect(row).toMatchObject({ holderName: "广安新示范商贸有限公司", replacementKind: "AMEND", version: 2 });
    expect(row.content).toContainEqual({ label: "地址", value: "广安区建设路 8 号" });
    if (hasPoppler) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "amended-"));
      const f = path.join(dir, "c.pdf");
      fs.writeFileSync(f, (await getCertificateFile({ actor: applicant, applicationId: id })).bytes);
      const text = execFileSync("pdftotext", [f, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
      expect(text).toContain("广安新示范商贸有限公司");
      expect(text).toContain("变更");
    }
  });
});

describe("delivery (送达)", () => {
  it("the applicant chooses post at filing time and may change it until issuance; post needs an address", async () => {
    const { id } = await draftWithMaterials(applicant, item);
    await expect(chooseDelivery({ actor: applicant, input: { applicationId: id, deliveryMethod: "POST", deliveryAddress: "" } })).rejects.toMatchObject({ code: "DELIVERY_ADDRESS_REQUIRED" });
    await expect(chooseDelivery({ actor: clerk, input: { applicationId: id, deliveryMethod: "PICKUP" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = actorOf(await createUser(db(), { role: "APPLICANT" }));
    await expect(chooseDelivery({ actor: other, input: { applicationId: id, deliveryMethod: "PICKUP" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await chooseDelivery({ actor: applicant, input: { applicationId: id, deliveryMethod: "POST", deliveryAddress: "四川省广安市广安区建设路 1 号 张三 13800000000" } });
    expect(await db().application.findUniqueOrThrow({ where: { id } })).toMatchObject({ deliveryMethod: "POST", deliveryAddress: "四川省广安市广安区建设路 1 号 张三 13800000000" });
  });

  it("issued for post: the applicant is told where it goes; the window records the tracking number once; the applicant is told again; the choice is closed", async () => {
    const id = await approved();
    await chooseDelivery({ actor: applicant, input: { applicationId: id, deliveryMethod: "POST", deliveryAddress: "四川省广安市广安区建设路 1 号" } });
    const cert = await issueCertificate({ actor: clerk, input: { applicationId: id } });
    expect(await db().certificate.findUniqueOrThrow({ where: { id: cert.id } })).toMatchObject({ deliveryMethod: "POST", deliveryAddress: "四川省广安市广安区建设路 1 号", mailedAt: null });
    expect((await db().message.findFirstOrThrow({ where: { applicationId: id, kind: "ISSUE_POST" } })).params).toMatchObject({ address: "四川省广安市广安区建设路 1 号" });
    await expect(chooseDelivery({ actor: applicant, input: { applicationId: id, deliveryMethod: "PICKUP" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    await expect(recordCertificateDelivery({ actor: clerk, input: { certificateId: cert.id, method: "PICKUP", collectorName: "张三", collectorIdNumber: "51160219800101001X" } })).rejects.toMatchObject({ code: "DELIVERY_NOT_PENDING" });
    await expect(recordCertificateDelivery({ actor: chief, input: { certificateId: cert.id, method: "POST", trackingNumber: "SF1234567890" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await recordCertificateDelivery({ actor: clerk, input: { certificateId: cert.id, method: "POST", trackingNumber: "sf1234567890" } });
    expect(await db().certificate.findUniqueOrThrow({ where: { id: cert.id } })).toMatchObject({ trackingNumber: "SF1234567890" });
    await expect(recordCertificateDelivery({ actor: clerk2, input: { certificateId: cert.id, method: "POST", trackingNumber: "SF0000000000" } })).rejects.toMatchObject({ code: "DELIVERY_NOT_PENDING" });
    expect((await db().message.findFirstOrThrow({ where: { applicationId: id, kind: "CERTIFICATE_MAILED" } })).params).toMatchObject({ tracking: "SF1234567890" });
    expect(await db().auditEvent.count({ where: { entityId: id, action: "certificate.mailed" } })).toBe(1);
  });

  it("pick-up chosen at the window: the clerk records who collected it and their ID; the pick-up is rated as a visit of its own", async () => {
    const id = await approved();
    const cert = await issueCertificate({ actor: clerk, input: { applicationId: id, deliveryMethod: "PICKUP" } });
    expect(await db().message.count({ where: { applicationId: id, kind: "ISSUE_PICKUP" } })).toBe(1);
    await expect(recordCertificateDelivery({ actor: clerk, input: { certificateId: cert.id, method: "PICKUP", collectorName: "", collectorIdNumber: "x" } })).rejects.toThrow();
    await recordCertificateDelivery({ actor: clerk, input: { certificateId: cert.id, method: "PICKUP", collectorName: "张三", collectorIdNumber: "51160219800101001x" } });
    const row = await db().certificate.findUniqueOrThrow({ where: { id: cert.id } });
    expect(row).toMatchObject({ collectorName: "张三", collectorIdNumber: "51160219800101001X" });
    expect(row.deliveredAt).not.toBeNull();
    expect((await db().message.findFirstOrThrow({ where: { applicationId: id, kind: "CERTIFICATE_COLLECTED" } })).params).toMatchObject({ collector: "张三" });
    // 一次一评: the pick-up is a visit of its own — the applicant gets its rating link by SMS.
    const link = `/rate/${id}?t=${ratingToken(id, "SMS", pickupVisit(cert.id))}&v=${pickupVisit(cert.id)}`;
    expect(await db().notification.count({ where: { userId: applicant.id, kind: "RATING_INVITE", text: { contains: link } } })).toBe(1);
    const target = { applicationId: id, token: ratingToken(id, "SMS", pickupVisit(cert.id)), visit: pickupVisit(cert.id) };
    expect(await ratingTarget(target)).toMatchObject({ visit: "PICKUP", certificateNumber: cert.number, rated: false });
    // The key opens only that visit: not the intake (an online filing has none), not another certificate.
    await expect(ratingTarget({ ...target, visit: undefined })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ratingTarget({ ...target, visit: pickupVisit("cnotacertificate") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ratingTarget({ ...target, visit: "PICKUP-../x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The clerk's tablet offers that pick-up too (another clerk's neither shows it nor rates it).
    expect(await lastWindowService({ actor: clerk })).toMatchObject({ id, kind: "PICKUP", visit: pickupVisit(cert.id), certificateNumber: cert.number });
    expect(await lastWindowService({ actor: clerk2 })).toBeNull();
    await expect(rateWindowVisitOnDevice({ actor: clerk2, applicationId: id, visit: pickupVisit(cert.id), input: { level: "SATISFIED" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await rateWindowVisitByLink({ ...target, input: { level: "SATISFIED", comment: "领证很快" } });
    expect(await lastWindowService({ actor: clerk })).toBeNull();
    expect(await db().rating.findFirstOrThrow({ where: { applicationId: id } })).toMatchObject({ service: "WINDOW", channel: "SMS", staffId: clerk.id, serviceKey: `${id}:VISIT:${pickupVisit(cert.id)}`, comment: "领证很快" });
    await expect(rateWindowVisitByLink({ ...target, input: { level: "BASIC" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    expect(await ratingTarget(target)).toMatchObject({ rated: true });

    // A walk-in's instant item handed over by the accepting clerk in the same sitting: one visit, no second invitation.
    const walkIn = await draftWithMaterials(clerk, item, { applicantId: applicant.id });
    await submitApplication({ actor: clerk, applicationId: walkIn.id });
    await decideIntake({ actor: clerk, input: { applicationId: walkIn.id, decision: "ACCEPT", okMaterialIds: walkIn.materialIds } });
    await decideCase({ actor: director, input: { applicationId: walkIn.id, decision: "APPROVE" } });
    const handed = await issueCertificate({ actor: clerk, input: { applicationId: walkIn.id, deliveryMethod: "PICKUP" } });
    await recordCertificateDelivery({ actor: clerk, input: { certificateId: handed.id, method: "PICKUP", collectorName: "张三", collectorIdNumber: "51160219800101001X" } });
    expect(await db().notification.count({ where: { kind: "RATING_INVITE", text: { contains: `/rate/${walkIn.id}?` } } })).toBe(1); // the intake's only
    expect(await db().notification.count({ where: { kind: "RATING_INVITE", text: { contains: pickupVisit(handed.id) } } })).toBe(0);
    // The tablet offers that one visit as the intake, rated once on it.
    expect(await lastWindowService({ actor: clerk })).toMatchObject({ id: walkIn.id, kind: "INTAKE" });
    await rateWindowVisitOnDevice({ actor: clerk, applicationId: walkIn.id, input: { level: "VERY_SATISFIED" } });
    expect(await db().rating.findFirstOrThrow({ where: { applicationId: walkIn.id } })).toMatchObject({ channel: "WINDOW_DEVICE", serviceKey: `${walkIn.id}:VISIT:INTAKE`, staffId: clerk.id });
    expect(await lastWindowService({ actor: clerk })).toBeNull();

    // Post chosen at issuance without any address on file is refused before anything is stamped.
    const other = await approved();
    await expect(issueCertificate({ actor: clerk, input: { applicationId: other, deliveryMethod: "POST" } })).rejects.toMatchObject({ code: "DELIVERY_ADDRESS_REQUIRED" });
    expect(await db().certificate.count({ where: { applicationId: other } })).toBe(0);
  });
});

describe("the one seal", () => {
  it("the database refuses a stamp by an archived seal", async () => {
    const archived = await db().seal.create({ data: { name: "原某部门行政许可专用章", holder: "档案室", status: "ARCHIVED", archivedAt: new Date() } });
    await expect(db().stampRecord.create({ data: { sealId: archived.id, actorId: clerk.id, certificateNo: "X" } })).rejects.toThrow(/not the active seal/);
    await expect(db().seal.update({ where: { id: archived.id }, data: { status: "ACTIVE", activeMarker: true } })).rejects.toThrow(/archived/);
  });

  it("after rotation, certificates stamped with the old seal still verify as valid; the new seal stamps; revocation shows at once", async () => {
    const before = await approved();
    const old = await issueCertificate({ actor: clerk, input: { applicationId: before } });
    await expect(rotateSeal({ actor: clerk })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const rotated = await rotateSeal({ actor: director });
    expect((await db().seal.findUniqueOrThrow({ where: { id: rotated.archivedId } })).status).toBe("ARCHIVED");
    const v = await verifyCertificate({ identifier: old.identifier });
    expect(v).toMatchObject({ verdict: "valid", recordSignatureValid: true, seal: { archived: true } });

    const after = await approved();
    const fresh = await issueCertificate({ actor: clerk, input: { applicationId: after } });
    expect((await db().certificate.findUniqueOrThrow({ where: { identifier: fresh.identifier } })).sealId).toBe(rotated.activeId);

    await expect(changeCertificateStatus({ actor: clerk, input: { certificateId: old.id, status: "REVOKED", reason: "以欺骗手段取得", basis: "《行政许可法》第六十九条" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await changeCertificateStatus({ actor: chief, input: { certificateId: old.id, status: "REVOKED", reason: "以欺骗手段取得", basis: "《行政许可法》第六十九条" } });
    expect(await verifyCertificate({ identifier: old.identifier })).toMatchObject({ verdict: "revoked", statusReason: "以欺骗手段取得" });
    expect(await db().auditEvent.count({ where: { entityId: old.id, action: "certificate.REVOKED" } })).toBe(1);
    await expect(verifyCertificate({ identifier: "1.2.156.3005.2.NOPE" })).resolves.toBeNull();
  });
});

describe("every official document under the seal", () => {
  it("the receipt and the decision letter get a 文号, a signed record and a stamp; an art. 45 suspension sends the special-procedure notice", async () => {
    const id = await approved();
    const docs = await db().sealedDocument.findMany({ where: { applicationId: id }, orderBy: { createdAt: "asc" }, include: { stampRecord: true } });
    expect(docs.map((d) => d.kind)).toEqual(["RECEIPT", "DECISION"]);
    expect(docs[0].number).toMatch(/^广安审批受〔\d{4}〕\d+号$/);
    expect(docs[1].number).toMatch(/^广安审批许〔\d{4}〕\d+号$/);
    for (const d of docs) {
      expect(d.stampRecord).toMatchObject({ documentKind: d.kind, certificateNo: d.number, applicationId: id });
      expect(await verifyDocument({ identifier: d.identifier })).toMatchObject({ kind: d.kind, number: d.number, recordSignatureValid: true });
    }
    await expect(verifyDocument({ identifier: "D0000000000000000" })).resolves.toBeNull();

    // A promised case suspended for expert review: the applicant is told in writing, under the seal.
    const promised = await createItem(db(), { promisedDays: 10, statutoryDays: 20 });
    const reviewer = actorOf(await createUser(db(), { role: "REVIEWER", sectionId: promised.section.id }));
    const draft = await draftWithMaterials(applicant, promised);
    await submitApplication({ actor: applicant, applicationId: draft.id });
    await decideIntake({ actor: clerk, input: { applicationId: draft.id, decision: "ACCEPT", okMaterialIds: draft.materialIds } });
    await startSuspension({ actor: reviewer, input: { applicationId: draft.id, reason: "EXPERT_REVIEW", note: "组织专家评审", expectedDays: 15 } });
    const notice = await db().sealedDocument.findFirstOrThrow({ where: { applicationId: draft.id, kind: "SPECIAL_PROCEDURE" } });
    expect(JSON.parse(notice.canonicalRecord)).toMatchObject({ reason: "专家评审", expectedDays: 15 });
    const message = await db().message.findFirstOrThrow({ where: { applicationId: draft.id, kind: "SPECIAL_PROCEDURE" } });
    expect(message.params).toMatchObject({ reason: "专家评审", days: "15", notice: notice.number });
    // Waiting for the applicant's own correction calls for no such notice.
    await endSuspension({ actor: reviewer, input: { applicationId: draft.id } });
    await startSuspension({ actor: reviewer, input: { applicationId: draft.id, reason: "APPLICANT_CORRECTION", note: "等待补正" } });
    expect(await db().sealedDocument.count({ where: { applicationId: draft.id, kind: "SPECIAL_PROCEDURE" } })).toBe(1);
  });

  it("a one-time correction notice goes out under the seal; a document's PDF is signed, fixed on first download and recognised on upload", async () => {
    const { id, materialIds } = await draftWithMaterials(applicant, item);
    await submitApplication({ actor: applicant, applicationId: id });
    await decideIntake({ actor: clerk, input: { applicationId: id, decision: "REQUEST_CORRECTION", okMaterialIds: materialIds.slice(1), problems: { [materialIds[0]]: "缺少法定代表人签字" } } });
    const notice = await db().correctionNotice.findFirstOrThrow({ where: { applicationId: id }, include: { document: { include: { stampRecord: true } } } });
    expect(notice.document).toMatchObject({ kind: "CORRECTION_NOTICE", number: expect.stringMatching(/^广安审批补〔\d{4}〕\d+号$/) });
    expect(notice.document?.stampRecord).toMatchObject({ documentKind: "CORRECTION_NOTICE", applicationId: id });
    expect(JSON.parse(notice.document!.canonicalRecord).entries).toContainEqual(expect.objectContaining({ problem: "缺少法定代表人签字" }));
    expect((await db().message.findFirstOrThrow({ where: { applicationId: id, kind: "REQUEST_CORRECTION" } })).params).toMatchObject({ notice: notice.document!.number });
    const text = noticeText("CORRECTION_NOTICE", JSON.parse(notice.document!.canonicalRecord), "广安示范商贸");
    expect(text.paragraphs[0]).toContain("第三十二条");
    expect(text.entries).toContainEqual(expect.objectContaining({ problem: "缺少法定代表人签字" }));

    const render = () => renderNoticePdf({ ...text, number: notice.document!.number, issuedOn: "2026-11-30", verifyUrl: "http://localhost/verify/x" });
    const [a, b] = await Promise.all([issuedDocumentPdf(notice.document!.identifier, render), issuedDocumentPdf(notice.document!.identifier, render)]);
    const again = await issuedDocumentPdf(notice.document!.identifier, render);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(again))).toBe(0);
    expect(Buffer.compare(Buffer.from(b), Buffer.from(again))).toBe(0);
    expect(await verifyCertificatePdf(again)).toMatchObject({ issued: true, document: { kind: "CORRECTION_NOTICE", number: notice.document!.number, recordSignatureValid: true } });
    if (hasPoppler) {
      const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "notice-")), "n.pdf");
      fs.writeFileSync(f, again);
      const sig = spawnSync("pdfsig", [f], { encoding: "utf8" }).stdout;
      expect(sig).toContain("Signature is Valid.");
      expect(sig).toContain("Total document signed");
      expect(execFileSync("pdftotext", [f, "-"], { encoding: "utf8" }).replace(/\s+/g, "")).toContain("缺少法定代表人签字");
    }
  });
});

describe("the stamp log", () => {
  it("filters by bureau days (Beijing time, both ends included); a date that does not exist is not applied", async () => {
    const seal = await db().seal.findFirstOrThrow({ where: { status: "ACTIVE" } });
    const stamper = await createUser(db(), { role: "CLERK" });
    const at = ["2026-03-01T15:59:59Z", "2026-03-01T16:00:00Z", "2026-03-02T15:59:59Z", "2026-03-02T16:00:00Z"]; // 3-01 23:59:59 … 3-03 00:00 in Beijing
    await db().stampRecord.createMany({ data: at.map((t, i) => ({ sealId: seal.id, actorId: stamper.id, certificateNo: `日界〔2026〕第${i}号`, stampedAt: new Date(t) })) });
    const numbers = async (filter: Record<string, string>) => (await listStampRecords({ actor: supervisor, filter: { actorId: stamper.id, ...filter } })).rows.map((r) => r.certificateNo).sort();
    expect(await numbers({ from: "2026-03-02", to: "2026-03-02" })).toEqual(["日界〔2026〕第1号", "日界〔2026〕第2号"]);
    expect(await numbers({ to: "2026-03-01" })).toEqual(["日界〔2026〕第0号"]);
    expect(await numbers({ from: "2026-03-03" })).toEqual(["日界〔2026〕第3号"]);
    expect(await numbers({ from: "2025-02-29" })).toHaveLength(4);
  });

  it("pages through 10,000 stamps without losing or repeating one, and exports them all to CSV", async () => {
    const seal = await db().seal.findFirstOrThrow({ where: { status: "ACTIVE" } });
    const already = await db().stampRecord.count();
    await db().$executeRaw`
      INSERT INTO "StampRecord" (id, "sealId", "actorId", "certificateNo", "documentKind", "stampedAt")
      SELECT 'bulk' || g, ${seal.id}, ${clerk.id}, '测试〔2026〕第' || lpad(g::text, 5, '0') || '号', 'CERTIFICATE', now() - (g || ' seconds')::interval
      FROM generate_series(1, 10000) g`;
    const seen = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await listStampRecords({ actor: supervisor, filter: { after } });
      for (const r of page.rows) seen.add(r.id);
      pages++;
      if (!page.next) break;
      after = page.next;
    }
    expect(seen.size).toBe(10000 + already);
    expect(pages).toBe(Math.ceil((10000 + already) / 50));
    await expect(listStampRecords({ actor: applicant, filter: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });

    let csv = "";
    for await (const chunk of stampLogCsv({ actor: director, filter: {} })) csv += chunk;
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^\uFEFF用印时间,印章/);
    expect(lines).toHaveLength(1 + 10000 + already);
  });
});
