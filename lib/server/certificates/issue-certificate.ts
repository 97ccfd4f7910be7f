// 用印: issues the certificate of an approved application under the bureau's one active seal. In one
// transaction: the number, the identifier, the PDF rendered with the seal over the issuer and signed
// with the seal's key (a PDF signature readers list), the record signed with SM2/SM3, the certificate,
// the stamp record, the move to ISSUED and its audit event. Two clicks or two clerks: one certificate.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { BUREAU } from "@/lib/bureau";
import type { Actor } from "@/lib/domain/access/actor";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { formatCertificateNumber } from "@/lib/domain/certificates/certificate-number";
import { formatCertificateIdentifier, newCertificateSerial } from "@/lib/domain/certificates/identifier";
import { certificateTypeCode, certificateValidTo } from "@/lib/domain/certificates/validity";
import { deliveryChoiceProblem } from "@/lib/domain/certificates/certificate-actions";
import { formFieldsOf } from "@/lib/domain/catalogue/form-fields";
import { assertAllowed, WorkflowError } from "@/lib/domain/workflow/application-workflow";
import { AppError } from "@/lib/errors";
import { transition } from "@/lib/server/applications/transition";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { nextInSeries } from "@/lib/server/seals/document-sequence";
import { feesUnpaid } from "@/lib/domain/fees/fees";
import { stampCertificate, type CertificateContent } from "./stamp-certificate";

export const ZIssueInput = z.object({
  applicationId: z.string().trim().min(1),
  /** Absent: the applicant's own choice stands. */
  deliveryMethod: z.enum(["ELECTRONIC", "PICKUP", "POST"], "issue.delivery").optional(),
  /** Post: an address the applicant gave at the window; empty keeps the one they chose online. */
  deliveryAddress: z.string().trim().max(200, "delivery.address").default(""),
  deliveryNote: z.string().trim().max(500).default(""),
});

/** The holder as the certificate names them: an enterprise by its credit code, a person by ID number. */
export function holderOf(applicant: { name: string; residentId: string | null; creditCode: string | null }) {
  return applicant.creditCode
    ? { holderName: applicant.name, holderIdType: "CREDIT_CODE" as const, holderId: applicant.creditCode }
    : { holderName: applicant.name, holderIdType: "RESIDENT_ID" as const, holderId: applicant.residentId ?? "" };
}

/** Business content (许可内容): the subject, the address, and the version's own answers that were given. */
export function certificateContent(app: { subject: string; address: string; formData: unknown; itemVersion: { formFields: unknown } }): CertificateContent {
  const formData = (app.formData ?? {}) as Record<string, unknown>;
  return [
    { label: "申请内容", value: app.subject },
    ...(app.address ? [{ label: "地址", value: app.address }] : []),
    ...formFieldsOf(app.itemVersion.formFields as never).map((f) => ({ label: f.label, value: String(formData[f.key] ?? "") })).filter((c) => c.value !== ""),
  ];
}

export async function issueCertificate(opts: { actor: Actor | null; input: z.input<typeof ZIssueInput>; now?: Date }) {
  const actor = await requireWorkflowRole(opts.actor, ["ISSUE"], "issueCertificate");
  const input = ZIssueInput.parse(opts.input);
  const now = opts.now ?? new Date();
  const result = await db().$transaction(
    async (tx) => {
      // One issuer at a time per application; the second finds the certificate and returns it.
      await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${input.applicationId} FOR UPDATE`;
      const existing = await tx.certificate.findUnique({ where: { originalOf: input.applicationId }, select: { id: true, number: true, identifier: true } });
      if (existing) return { certificate: existing, alreadyDone: true as const };
      const app = await tx.application.findUnique({
        where: { id: input.applicationId },
        include: {
          applicant: { select: { name: true, residentId: true, creditCode: true } },
          item: { select: { id: true, basicCode: true, certificatePrefix: true } },
          itemVersion: { select: { id: true, name: true, kind: true, formFields: true, certificateValidityYears: true } },
          materials: { where: { verdict: "OWED" }, include: { material: { select: { name: true } } } },
          decisionDelegation: { select: { id: true, number: true } },
          paymentNotice: { select: { state: true } },
        },
      });
      if (!app) throw new AppError("NOT_FOUND");
      try {
        assertAllowed("ISSUE", app.state, actor.role, { itemKind: app.itemVersion.kind, owedMaterials: app.materials.length, feesUnpaid: feesUnpaid(app.paymentNotice) });
      } catch (e) {
        if (e instanceof WorkflowError && e.code === "MATERIALS_OWED") {
          throw new AppError("MATERIALS_OWED", e.message, { details: { materials: app.materials.map((m) => m.material.name).join("、") } });
        }
        throw e;
      }
      const delivery = input.deliveryMethod ?? app.deliveryMethod;
      const address = input.deliveryAddress || app.deliveryAddress;
      if (deliveryChoiceProblem(delivery, address)) throw new AppError("DELIVERY_ADDRESS_REQUIRED", "post without address", { field: "deliveryAddress" });
      const issuedOn = toPlainDate(now);
      const year = Number(issuedOn.slice(0, 4));
      const number = formatCertificateNumber(app.item.certificatePrefix, year, await nextInSeries(tx, app.item.certificatePrefix, year));
      const typeCode = certificateTypeCode(app.item.basicCode);
      const identifier = formatCertificateIdentifier({ typeCode, issuerCode: BUREAU.creditCode, serial: newCertificateSerial(randomBytes(12)), version: 1 });
      const holder = holderOf(app.applicant);
      const stamped = await stampCertificate(
        tx,
        {
          applicationId: app.id,
          itemId: app.item.id,
          itemVersionId: app.itemVersion.id,
          name: app.itemVersion.name,
          typeCode,
          number,
          identifier,
          version: 1,
          ...holder,
          issuedOn,
          validFrom: issuedOn,
          validTo: certificateValidTo(issuedOn, app.itemVersion.certificateValidityYears),
          content: certificateContent(app),
          decisionRef: app.decisionDelegation ? `${app.number}（依据授权书 ${app.decisionDelegation.number}）` : `${app.number}（局长决定）`,
          delegationId: app.decisionDelegation?.id ?? null,
          // The applicant's choice, unless the clerk records another one they asked for at the window.
          delivery: { method: delivery, address, note: input.deliveryNote },
        },
        actor,
        now,
      );
      const { certificate, keyId, pdfSha256, recordSm3 } = stamped;
      const moved = await transition(tx, {
        application: app,
        event: "ISSUE",
        actor,
        facts: { missingCore: 0, missingSupplementary: 0, itemKind: app.itemVersion.kind, owedMaterials: 0 },
        meta: { certificate: number, identifier, seal: keyId, pdfSha256, recordSm3, delivery },
        message: { number: app.number ?? "", item: app.itemVersion.name, certificate: number, ...(delivery === "POST" ? { address } : {}) },
        messageKind: delivery === "ELECTRONIC" ? "ISSUE" : `ISSUE_${delivery}`,
      });
      return { certificate, alreadyDone: false as const };
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
  return { id: result.certificate.id, number: result.certificate.number, identifier: result.certificate.identifier, alreadyDone: result.alreadyDone };
}
