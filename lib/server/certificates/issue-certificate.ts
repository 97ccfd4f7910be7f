// 用印: issues the certificate of an approved application under the bureau's one active seal. In one
// transaction: the number, the identifier, the PDF rendered with the seal over the issuer and signed
// with the seal's key (a PDF signature readers list), the record signed with SM2/SM3, the certificate,
// the stamp record, the move to ISSUED and its audit event. Two clicks or two clerks: one certificate.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { canonicalize } from "json-canonicalize";
import { sm2, sm3 } from "sm-crypto-v2";
import { z } from "zod";
import { BUREAU } from "@/lib/bureau";
import type { Actor } from "@/lib/domain/access/actor";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { formatCertificateNumber } from "@/lib/domain/certificates/certificate-number";
import { formatCertificateIdentifier, newCertificateSerial } from "@/lib/domain/certificates/identifier";
import { certificateTypeCode, certificateValidTo } from "@/lib/domain/certificates/validity";
import { formFieldsOf } from "@/lib/domain/catalogue/form-fields";
import { assertSealMayStamp } from "@/lib/domain/seals/seal-rules";
import { assertAllowed, WorkflowError } from "@/lib/domain/workflow/application-workflow";
import { AppError } from "@/lib/errors";
import { deliver, transition } from "@/lib/server/applications/transition";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import { toDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { publicUrl } from "@/lib/server/public-url";
import { nextInSeries } from "@/lib/server/seals/document-sequence";
import { loadSealKeys } from "@/lib/server/seals/seal-keys";
import { signPdf } from "@/lib/server/seals/sign-pdf";
import { renderCertificatePdf } from "./certificate-pdf";
import { storeCertificatePdf } from "./certificate-store";

export const ZIssueInput = z.object({
  applicationId: z.string().trim().min(1),
  deliveryMethod: z.enum(["ELECTRONIC", "PICKUP", "POST"], "issue.delivery").default("ELECTRONIC"),
  deliveryNote: z.string().trim().max(500).default(""),
});

export async function issueCertificate(opts: { actor: Actor | null; input: z.input<typeof ZIssueInput>; now?: Date }) {
  const actor = await requireWorkflowRole(opts.actor, ["ISSUE"], "issueCertificate");
  const input = ZIssueInput.parse(opts.input);
  const now = opts.now ?? new Date();
  const verifyBase = await publicUrl("/verify/");
  const result = await db().$transaction(
    async (tx) => {
      // One issuer at a time per application; the second finds the certificate and returns it.
      await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${input.applicationId} FOR UPDATE`;
      const existing = await tx.certificate.findUnique({ where: { applicationId: input.applicationId }, select: { id: true, number: true, identifier: true } });
      if (existing) return { certificate: existing, alreadyDone: true as const };
      const app = await tx.application.findUnique({
        where: { id: input.applicationId },
        include: {
          applicant: { select: { name: true, residentId: true, creditCode: true } },
          item: { select: { id: true, basicCode: true, certificatePrefix: true } },
          itemVersion: { select: { id: true, name: true, kind: true, formFields: true, certificateValidityYears: true } },
          materials: { where: { verdict: "OWED" }, include: { material: { select: { name: true } } } },
          decisionDelegation: { select: { id: true, number: true } },
        },
      });
      if (!app) throw new AppError("NOT_FOUND");
      try {
        assertAllowed("ISSUE", app.state, actor.role, { itemKind: app.itemVersion.kind, owedMaterials: app.materials.length });
      } catch (e) {
        if (e instanceof WorkflowError && e.code === "MATERIALS_OWED") {
          throw new AppError("MATERIALS_OWED", e.message, { details: { materials: app.materials.map((m) => m.material.name).join("、") } });
        }
        throw e;
      }
      const seal = await tx.seal.findFirst({ where: { status: "ACTIVE" } });
      if (!seal) throw new AppError("SEAL_NOT_ACTIVE");
      assertSealMayStamp({ status: seal.status, validFrom: seal.validFrom ?? undefined, validTo: seal.validTo ?? undefined }, now);
      const keys = loadSealKeys(seal);

      const issuedOn = toPlainDate(now);
      const year = Number(issuedOn.slice(0, 4));
      const number = formatCertificateNumber(app.item.certificatePrefix, year, await nextInSeries(tx, app.item.certificatePrefix, year));
      const typeCode = certificateTypeCode(app.item.basicCode);
      const identifier = formatCertificateIdentifier({ typeCode, issuerCode: BUREAU.creditCode, serial: newCertificateSerial(randomBytes(12)), version: 1 });
      const holderIdType = app.applicant.creditCode ? "CREDIT_CODE" : "RESIDENT_ID";
      const holderId = app.applicant.creditCode ?? app.applicant.residentId ?? "";
      const formData = app.formData as Record<string, unknown>;
      const content = [
        { label: "申请内容", value: app.subject },
        ...(app.address ? [{ label: "地址", value: app.address }] : []),
        ...formFieldsOf(app.itemVersion.formFields).map((f) => ({ label: f.label, value: String(formData[f.key] ?? "") })).filter((c) => c.value !== ""),
      ];
      const validTo = certificateValidTo(issuedOn, app.itemVersion.certificateValidityYears);
      const decisionRef = app.decisionDelegation ? `${app.number}（依据授权书 ${app.decisionDelegation.number}）` : `${app.number}（局长决定）`;

      const rendered = await renderCertificatePdf({
        bureauName: BUREAU.officialName,
        sealName: BUREAU.officialName,
        title: app.itemVersion.name,
        number,
        identifier,
        holderName: app.applicant.name,
        holderIdLabel: holderIdType === "CREDIT_CODE" ? "统一社会信用代码" : "公民身份号码",
        holderId,
        itemName: app.itemVersion.name,
        content,
        validFrom: issuedOn,
        validTo,
        issuedOn,
        decisionRef,
        verifyUrl: `${verifyBase}${encodeURIComponent(identifier)}`,
        demo: seal.demo,
      });
      const signed = await signPdf(rendered.pdf, keys, { reason: "行政许可证照颁发（一枚印章管审批）", name: seal.name, location: BUREAU.officialName, widgetRect: rendered.sealRect });
      const pdfSha256 = createHash("sha256").update(signed).digest("hex");
      // The record (GB/T 36903 metadata) with the PDF's hash, canonical JSON (RFC 8785), signed SM2 over SM3.
      const record = {
        name: app.itemVersion.name,
        typeCode,
        number,
        identifier,
        holder: app.applicant.name,
        holderIdType,
        holderId,
        issuer: BUREAU.officialName,
        issuerCode: BUREAU.creditCode,
        issuedOn,
        validFrom: issuedOn,
        validTo,
        content,
        decisionRef,
        replaces: null,
        pdfSha256,
        seal: { keyId: keys.keyId, rsaFingerprint: seal.rsaFingerprint, sm2Fingerprint: seal.sm2Fingerprint },
      };
      const canonicalRecord = canonicalize(record);
      const recordSm3 = sm3(canonicalRecord);
      const sm2Signature = sm2.doSignature(canonicalRecord, keys.sm2PrivateKey, { hash: true, der: true });
      storeCertificatePdf(pdfSha256, signed);

      const certificate = await tx.certificate.create({
        data: {
          identifier,
          number,
          applicationId: app.id,
          itemId: app.item.id,
          itemVersionId: app.itemVersion.id,
          name: app.itemVersion.name,
          typeCode,
          holderName: app.applicant.name,
          holderIdType,
          holderId,
          issuerName: BUREAU.officialName,
          issuerCode: BUREAU.creditCode,
          issuedOn: toDateColumn(issuedOn),
          validFrom: toDateColumn(issuedOn),
          validTo: validTo ? toDateColumn(validTo) : null,
          content,
          decisionRef,
          sealId: seal.id,
          pdfSha256,
          canonicalRecord,
          recordSm3,
          sm2Signature,
          deliveryMethod: input.deliveryMethod,
          deliveryNote: input.deliveryNote,
          deliveredAt: input.deliveryMethod === "ELECTRONIC" ? now : null,
        },
        select: { id: true, number: true, identifier: true },
      });
      await tx.stampRecord.create({
        data: {
          sealId: seal.id,
          actorId: actor.id,
          certificateNo: number,
          documentKind: "CERTIFICATE",
          certificateId: certificate.id,
          applicationId: app.id,
          delegationId: app.decisionDelegation?.id ?? null,
          pdfSha256,
          recordSm3,
          rsaKeyId: seal.rsaFingerprint,
          sm2KeyId: seal.sm2Fingerprint,
          stampedAt: now,
        },
      });
      const moved = await transition(tx, {
        application: app,
        event: "ISSUE",
        actor,
        facts: { missingCore: 0, missingSupplementary: 0, itemKind: app.itemVersion.kind, owedMaterials: 0 },
        meta: { certificate: number, identifier, seal: keys.keyId, pdfSha256, recordSm3, delivery: input.deliveryMethod },
        message: { number: app.number ?? "", item: app.itemVersion.name, certificate: number },
      });
      return { certificate, alreadyDone: false as const, outbound: moved.outbound };
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
  if (!result.alreadyDone) await deliver([result.outbound]);
  return { id: result.certificate.id, number: result.certificate.number, identifier: result.certificate.identifier, alreadyDone: result.alreadyDone };
}
