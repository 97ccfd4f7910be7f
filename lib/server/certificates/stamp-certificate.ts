// 用印 of one certificate inside the caller's transaction: the PDF rendered with the seal over the
// issuer and signed with the seal's key (a PDF signature readers list), the record (GB/T 36903
// metadata with the PDF's hash) signed SM2 over SM3, the certificate row and its stamp record.
// Used for a first issue and for a replacement (补办/变更) alike.
import "server-only";
import { createHash } from "node:crypto";
import { canonicalize } from "json-canonicalize";
import { sm2, sm3 } from "sm-crypto-v2";
import { BUREAU } from "@/lib/bureau";
import type { Actor } from "@/lib/domain/access/actor";
import type { PlainDate } from "@/lib/domain/calendar/working-days";
import { assertSealMayStamp } from "@/lib/domain/seals/seal-rules";
import { AppError } from "@/lib/errors";
import { toDateColumn } from "@/lib/server/date-column";
import type { Tx } from "@/lib/server/db";
import { publicUrl } from "@/lib/server/public-url";
import { loadSealKeys } from "@/lib/server/seals/seal-keys";
import { signPdf } from "@/lib/server/seals/sign-pdf";
import { renderCertificatePdf } from "./certificate-pdf";
import { storeIssuedPdf } from "@/lib/server/seals/issued-pdf-store";

export type CertificateContent = { label: string; value: string }[];

export type CertificateDraft = {
  applicationId: string;
  itemId: string;
  itemVersionId: string;
  name: string;
  typeCode: string;
  number: string;
  identifier: string;
  version: number;
  holderName: string;
  holderIdType: "CREDIT_CODE" | "RESIDENT_ID";
  holderId: string;
  issuedOn: PlainDate;
  validFrom: PlainDate;
  validTo: PlainDate | null;
  content: CertificateContent;
  decisionRef: string;
  delegationId: string | null;
  /** The certificate this one replaces, with why (补办/变更); absent on a first issue. */
  replaces?: { id: string; identifier: string; kind: "REISSUE" | "AMEND"; reason: string };
  delivery: { method: "ELECTRONIC" | "PICKUP" | "POST"; address: string; note: string };
};

export async function stampCertificate(tx: Tx, d: CertificateDraft, actor: Actor, now: Date) {
  const seal = await tx.seal.findFirst({ where: { status: "ACTIVE" } });
  if (!seal) throw new AppError("SEAL_NOT_ACTIVE");
  assertSealMayStamp({ status: seal.status, validFrom: seal.validFrom ?? undefined, validTo: seal.validTo ?? undefined }, now);
  const keys = loadSealKeys(seal);
  const holderIdLabel = d.holderIdType === "CREDIT_CODE" ? "统一社会信用代码" : "公民身份号码";
  const rendered = await renderCertificatePdf({
    bureauName: BUREAU.officialName,
    sealName: BUREAU.officialName,
    title: d.name,
    number: d.number,
    identifier: d.identifier,
    holderName: d.holderName,
    holderIdLabel,
    holderId: d.holderId,
    itemName: d.name,
    content: d.content,
    validFrom: d.validFrom,
    validTo: d.validTo,
    issuedOn: d.issuedOn,
    decisionRef: d.decisionRef,
    verifyUrl: await publicUrl(`/verify/${encodeURIComponent(d.identifier)}`),
    demo: seal.demo,
    replacement: d.replaces ? (d.replaces.kind === "REISSUE" ? "补发" : "变更") : undefined,
  });
  const signed = await signPdf(rendered.pdf, keys, { reason: "行政许可证照颁发（一枚印章管审批）", name: seal.name, location: BUREAU.officialName, widgetRect: rendered.sealRect });
  const pdfSha256 = createHash("sha256").update(signed).digest("hex");
  const record = {
    name: d.name,
    typeCode: d.typeCode,
    number: d.number,
    identifier: d.identifier,
    version: d.version,
    holder: d.holderName,
    holderIdType: d.holderIdType,
    holderId: d.holderId,
    issuer: BUREAU.officialName,
    issuerCode: BUREAU.creditCode,
    issuedOn: d.issuedOn,
    validFrom: d.validFrom,
    validTo: d.validTo,
    content: d.content,
    decisionRef: d.decisionRef,
    replaces: d.replaces ? { identifier: d.replaces.identifier, kind: d.replaces.kind } : null,
    pdfSha256,
    seal: { keyId: keys.keyId, rsaFingerprint: seal.rsaFingerprint, sm2Fingerprint: seal.sm2Fingerprint },
  };
  const canonicalRecord = canonicalize(record);
  const recordSm3 = sm3(canonicalRecord);
  const sm2Signature = sm2.doSignature(canonicalRecord, keys.sm2PrivateKey, { hash: true, der: true });
  storeIssuedPdf(pdfSha256, signed);

  const certificate = await tx.certificate.create({
    data: {
      identifier: d.identifier,
      number: d.number,
      applicationId: d.applicationId,
      originalOf: d.replaces ? null : d.applicationId,
      version: d.version,
      replacesId: d.replaces?.id ?? null,
      replacementKind: d.replaces?.kind ?? null,
      replacementReason: d.replaces?.reason ?? null,
      itemId: d.itemId,
      itemVersionId: d.itemVersionId,
      name: d.name,
      typeCode: d.typeCode,
      holderName: d.holderName,
      holderIdType: d.holderIdType,
      holderId: d.holderId,
      issuerName: BUREAU.officialName,
      issuerCode: BUREAU.creditCode,
      issuedOn: toDateColumn(d.issuedOn),
      validFrom: toDateColumn(d.validFrom),
      validTo: d.validTo ? toDateColumn(d.validTo) : null,
      content: d.content,
      decisionRef: d.decisionRef,
      sealId: seal.id,
      pdfSha256,
      canonicalRecord,
      recordSm3,
      sm2Signature,
      deliveryMethod: d.delivery.method,
      deliveryAddress: d.delivery.method === "POST" ? d.delivery.address : "",
      deliveryNote: d.delivery.note,
      deliveredAt: d.delivery.method === "ELECTRONIC" ? now : null,
    },
    select: { id: true, number: true, identifier: true },
  });
  await tx.stampRecord.create({
    data: {
      sealId: seal.id,
      actorId: actor.id,
      certificateNo: d.number,
      documentKind: "CERTIFICATE",
      certificateId: certificate.id,
      applicationId: d.applicationId,
      delegationId: d.delegationId,
      pdfSha256,
      recordSm3,
      rsaKeyId: seal.rsaFingerprint,
      sm2KeyId: seal.sm2Fingerprint,
      stampedAt: now,
    },
  });
  return { certificate, keyId: keys.keyId, pdfSha256, recordSm3 };
}
