// 告知承诺 on real PostgreSQL: the applicant signs the item version's commitment instead of giving a
// material (text kept verbatim, once, only while materials may change); the window accepts with it;
// decided the same day and issued; the post-check is the section chief's, due 20 working days after
// the decision; found false it revokes the certificate (verification says so) and leaves a credit
// record the window sees on the applicant's next filing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { startApplication, submitApplication } from "@/lib/server/applications/file-application";
import { decideIntake } from "@/lib/server/applications/intake";
import { uploadMaterial } from "@/lib/server/applications/materials";
import { getApplication } from "@/lib/server/applications/queries";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { decideCase } from "@/lib/server/cases/decide-case";
import { issueCertificate } from "@/lib/server/certificates/issue-certificate";
import { verifyCertificate } from "@/lib/server/certificates/verify-certificate";
import { listPostChecks, recordPostCheck } from "@/lib/server/commitments/post-checks";
import { creditRecordsOf, signCommitment } from "@/lib/server/commitments/sign-commitment";
import { db } from "@/lib/server/db";
import { ensureSealIdentity } from "@/lib/server/seals/seal-keys";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-commitments-"));
const COMMITMENT = "本人承诺：申请人已依法取得经营场所使用权，所提交信息真实有效。如有不实，愿承担相应法律责任。";
let item: Awaited<ReturnType<typeof createItem>>;
let applicant: Actor, clerk: Actor, director: Actor, chief: Actor, otherChief: Actor;

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  item = await createItem(db(), { promisedDays: 0, statutoryDays: 20, kind: "INSTANT", commitmentText: COMMITMENT });
  await db().item.update({ where: { id: item.item.id }, data: { certificatePrefix: "广安审批诺" } });
  const seal = await db().seal.create({ data: { name: "广安市广安区行政审批局审批专用章", holder: "局长", status: "ACTIVE", activeMarker: true } });
  await ensureSealIdentity(db(), seal);
  applicant = actorOf(await createUser(db(), { role: "APPLICANT", name: "承诺测试商贸" }));
  clerk = actorOf(await createUser(db(), { role: "CLERK" }));
  director = actorOf(await createUser(db(), { role: "DIRECTOR" }));
  chief = actorOf(await createUser(db(), { role: "CHIEF", sectionId: item.section.id }));
  otherChief = actorOf(await createUser(db(), { role: "CHIEF", sectionId: (await createItem(db())).section.id }));
});

const pdf = (tag: string) => {
  const bytes = Buffer.from(`%PDF-1.4\n${tag}\n%%EOF\n`);
  return { name: "m.pdf", size: bytes.length, stream: Readable.from([bytes]) };
};

async function draft() {
  const { id } = await startApplication({ actor: applicant, input: { itemCode: item.item.implementationCode, submissionKey: crypto.randomUUID(), subject: "申请", contactName: "张三", contactPhone: "13800001234" } });
  return id;
}

describe("a commitment in place of a proof", () => {
  it("is signed once, verbatim, only where the item version offers it; the window accepts on it; decided and issued the same day; found false, the certificate is revoked and the applicant carries a credit record", async () => {
    const id = await draft();
    await uploadMaterial({ actor: applicant, applicationId: id, materialId: item.materials.core1.id, file: pdf(`core1${id}`) });
    await uploadMaterial({ actor: applicant, applicationId: id, materialId: item.materials.supplementary.id, file: pdf(`sup${id}`) });
    // Not offered for a material without a commitment text; not without reading it; then once.
    await expect(signCommitment({ actor: applicant, input: { applicationId: id, materialId: item.materials.core1.id, agreed: "on", signerName: "张三" } })).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });
    await expect(signCommitment({ actor: applicant, input: { applicationId: id, materialId: item.materials.core2.id, signerName: "张三" } as never })).rejects.toThrow();
    await signCommitment({ actor: applicant, input: { applicationId: id, materialId: item.materials.core2.id, agreed: "on", signerName: "张三" } });
    await expect(signCommitment({ actor: applicant, input: { applicationId: id, materialId: item.materials.core2.id, agreed: "on", signerName: "张三" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    // What was signed is kept verbatim with the signer's name.
    const view = await getApplication({ actor: applicant, applicationId: id });
    expect(view.materials.find((m) => m.materialId === item.materials.core2.id)?.commitment).toMatchObject({ text: COMMITMENT, signerName: "张三" });

    await submitApplication({ actor: applicant, applicationId: id, declared: true });
    // The committed material counts as given: ticked, the window accepts in full.
    await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: [item.materials.core1.id, item.materials.core2.id, item.materials.supplementary.id] } });
    await decideCase({ actor: director, input: { applicationId: id, decision: "APPROVE" } });
    const issued = await issueCertificate({ actor: clerk, input: { applicationId: id } });
    const app = await db().application.findUniqueOrThrow({ where: { id } });
    expect(app.state).toBe("ISSUED");
    expect(app.decidedAt!.toISOString().slice(0, 10)).toBe(app.acceptedAt!.toISOString().slice(0, 10));

    // The post-check is the section's: the other section's chief neither sees nor records it.
    const checks = await listPostChecks({ actor: chief });
    const row = checks.rows.find((r) => r.applicationId === id)!;
    expect(row).toMatchObject({ mayRecord: true, text: COMMITMENT, materialName: item.materials.core2.name });
    expect((await listPostChecks({ actor: otherChief })).rows.some((r) => r.applicationId === id)).toBe(false);
    await expect(recordPostCheck({ actor: otherChief, input: { commitmentId: row.id, result: "HOLDS", note: "看过" } })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const result = await recordPostCheck({ actor: chief, input: { commitmentId: row.id, result: "FALSE", note: "实地核查：经营场所租赁合同系伪造" } });
    expect(result.revoked).toBe(issued.id);
    await expect(recordPostCheck({ actor: chief, input: { commitmentId: row.id, result: "HOLDS", note: "再核" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });
    const verified = await verifyCertificate({ identifier: issued.identifier }, "test");
    expect(verified).toMatchObject({ verdict: "revoked" });
    const credit = await creditRecordsOf(applicant.id);
    expect(credit).toEqual([expect.objectContaining({ kind: "FALSE_COMMITMENT", applicationId: id })]);
    const audit = (await db().auditEvent.findMany({ where: { entityType: "Application", entityId: id, action: { in: ["application.commitment.signed", "application.commitment.checked", "certificate.REVOKED"] } }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(audit).toEqual(["application.commitment.signed", "application.commitment.checked", "certificate.REVOKED"]);
  });

  it("cannot be signed once the filing is submitted", async () => {
    const id = await draft();
    for (const m of [item.materials.core1, item.materials.core2, item.materials.supplementary]) await uploadMaterial({ actor: applicant, applicationId: id, materialId: m.id, file: pdf(`${m.id}${id}`) });
    await submitApplication({ actor: applicant, applicationId: id, declared: true });
    await expect(signCommitment({ actor: applicant, input: { applicationId: id, materialId: item.materials.core2.id, agreed: "on", signerName: "张三" } })).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });
  });
});
