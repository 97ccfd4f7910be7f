// 补办 / 变更: a chief or the director issues a certificate in place of a valid one — lost or
// damaged (补办: same content), or with the holder's name or the address changed (变更). The new
// one keeps the number and validity, takes the next version of the identifier, is stamped under
// the active seal like any certificate, and links to the old one, which verifies as "replaced"
// from the next request on. Both certificates and the case are audited; the holder is told.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { assertCertificateAction, REPLACEMENT_KINDS } from "@/lib/domain/certificates/certificate-actions";
import { successorIdentifier } from "@/lib/domain/certificates/identifier";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { postMessage } from "@/lib/server/applications/transition";
import { requirePermission } from "@/lib/server/auth/actor";
import { fromDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { asAppError } from "@/lib/server/domain-errors";
import { lockCertificate } from "./load-certificate-facts";
import { recordReplacementEvent } from "@/lib/server/departments/record-case-events";
import { stampCertificate, type CertificateContent } from "./stamp-certificate";

export const ZReplaceCertificateInput = z.object({
  certificateId: z.string().trim().min(1),
  kind: z.enum(REPLACEMENT_KINDS, "certificate.replacementKind"),
  reason: z.string().trim().min(2, "certificate.reason").max(1000, "certificate.reason"),
  /** 变更 only: the holder's new name (e.g. after an enterprise renamed itself); empty keeps it. */
  holderName: z.string().trim().max(200, "certificate.holderName").default(""),
  /** 变更 only: the new address on the certificate; empty keeps it. */
  address: z.string().trim().max(200, "application.address").default(""),
});

export async function replaceCertificate(opts: { actor: Actor | null; input: z.input<typeof ZReplaceCertificateInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "certificate:replace", "replaceCertificate");
  const input = ZReplaceCertificateInput.parse(opts.input);
  const now = opts.now ?? new Date();
  const amend = input.kind === "AMEND";
  if (amend && !input.holderName && !input.address) throw new AppError("VALIDATION", "nothing to change", { field: "holderName", fieldErrors: { holderName: "certificate.amendNothing" } });
  const result = await db().$transaction(
    async (tx) => {
      const { certificate: old, facts } = await lockCertificate(tx, input.certificateId);
      try {
        assertCertificateAction("REPLACE", actor.role, facts);
      } catch (e) {
        throw asAppError(e);
      }
      const content = (old.content as CertificateContent).map((c) => (amend && input.address && c.label === "地址" ? { ...c, value: input.address } : c));
      if (amend && input.address && !content.some((c) => c.label === "地址")) content.splice(1, 0, { label: "地址", value: input.address });
      const holderName = amend && input.holderName ? input.holderName : old.holderName;
      const stamped = await stampCertificate(
        tx,
        {
          applicationId: old.applicationId,
          itemId: old.itemId,
          itemVersionId: old.itemVersionId,
          name: old.name,
          typeCode: old.typeCode,
          number: old.number,
          identifier: successorIdentifier(old.identifier),
          version: old.version + 1,
          holderName,
          holderIdType: old.holderIdType === "CREDIT_CODE" ? "CREDIT_CODE" : "RESIDENT_ID",
          holderId: old.holderId,
          issuedOn: toPlainDate(now),
          validFrom: fromDateColumn(old.validFrom),
          validTo: fromDateColumn(old.validTo),
          content,
          decisionRef: old.decisionRef,
          delegationId: null,
          replaces: { id: old.id, identifier: old.identifier, kind: input.kind, reason: input.reason },
          // A replacement reaches the holder the way the first one did.
          delivery: { method: old.deliveryMethod, address: old.deliveryAddress, note: "" },
        },
        actor,
        now,
      );
      const meta = { number: old.number, kind: input.kind, reason: input.reason, replaces: old.identifier, replacement: stamped.certificate.identifier, ...(amend ? { holderName, address: input.address || undefined } : {}) };
      await recordAuditEvent(tx, { actor, action: "certificate.replaced", entityType: "Certificate", entityId: old.id, before: { current: true }, after: { replacedBy: stamped.certificate.id }, meta });
      await recordAuditEvent(tx, { actor, action: `certificate.${input.kind}`, entityType: "Certificate", entityId: stamped.certificate.id, after: { version: old.version + 1 }, meta });
      await recordAuditEvent(tx, { actor, action: `certificate.${input.kind}`, entityType: "Application", entityId: old.applicationId, before: { certificate: old.identifier }, after: { certificate: stamped.certificate.identifier }, meta });
      // 审管分离: the item's department learns of the new version.
      await recordReplacementEvent(tx, stamped.certificate.id, { replaces: old.identifier, kind: input.kind, reason: input.reason }, now);
      await postMessage(tx, {
        userId: old.application.applicantId,
        applicationId: old.applicationId,
        kind: `CERTIFICATE_${input.kind}`,
        params: { number: old.application.number ?? "", item: old.application.itemVersion.name, certificate: old.number, reason: input.reason },
      });
      return stamped.certificate;
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
  return { id: result.id, number: result.number, identifier: result.identifier };
}
