// Puts an official document under the bureau's seal, inside the caller's transaction: its number
// (文号), a verification identifier, its record signed with the seal's SM2 key, and the stamp record.
// Without an active seal that has a signing identity nothing is stamped (null): documents are then
// issued unsealed rather than under a seal that cannot be vouched for.
import "server-only";
import { randomBytes } from "node:crypto";
import { canonicalize } from "json-canonicalize";
import { sm2, sm3 } from "sm-crypto-v2";
import { BUREAU } from "@/lib/bureau";
import type { Actor } from "@/lib/domain/access/actor";
import { BUREAU_TIME_ZONE } from "@/lib/domain/calendar/time-zone";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { formatDocumentNumber } from "@/lib/domain/certificates/certificate-number";
import { newCertificateSerial } from "@/lib/domain/certificates/identifier";
import type { Tx } from "@/lib/server/db";
import { nextInSeries } from "./document-sequence";
import { loadSealKeys } from "./seal-keys";

export const DOCUMENT_KINDS = ["RECEIPT", "CORRECTION_NOTICE", "SPECIAL_PROCEDURE", "DECISION"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The prefix of each kind's numbers, e.g. 广安审批受〔2026〕12号 for a receipt. */
const PREFIX: Record<DocumentKind, string> = { RECEIPT: "广安审批受", CORRECTION_NOTICE: "广安审批补", SPECIAL_PROCEDURE: "广安审批特", DECISION: "广安审批许" };
export const DOCUMENT_TITLES: Record<DocumentKind, string> = { RECEIPT: "受理通知书", CORRECTION_NOTICE: "一次性告知书", SPECIAL_PROCEDURE: "特别程序告知书", DECISION: "行政许可决定书" };

export type SealedRef = { id: string; number: string; identifier: string };

export async function sealDocument(
  tx: Tx,
  d: { kind: DocumentKind; key: string; applicationId: string; record: Record<string, unknown>; actor: Actor; delegationId?: string | null; now: Date },
): Promise<SealedRef | null> {
  const existing = await tx.sealedDocument.findUnique({ where: { key: d.key }, select: { id: true, number: true, identifier: true } });
  if (existing) return existing;
  const seal = await tx.seal.findFirst({ where: { status: "ACTIVE", keyId: { not: null } } });
  if (!seal) return null;
  const keys = loadSealKeys(seal);
  const year = Number(toPlainDate(d.now, BUREAU_TIME_ZONE).slice(0, 4));
  const prefix = PREFIX[d.kind];
  const number = formatDocumentNumber(prefix, year, await nextInSeries(tx, prefix, year));
  const identifier = `D${newCertificateSerial(randomBytes(12))}`;
  const canonicalRecord = canonicalize({ ...d.record, kind: d.kind, title: DOCUMENT_TITLES[d.kind], number, identifier, issuer: BUREAU.officialName, issuerCode: BUREAU.creditCode, issuedAt: d.now.toISOString(), seal: { keyId: keys.keyId, sm2Fingerprint: seal.sm2Fingerprint } });
  const recordSm3 = sm3(canonicalRecord);
  const sm2Signature = sm2.doSignature(canonicalRecord, keys.sm2PrivateKey, { hash: true, der: true });
  const doc = await tx.sealedDocument.create({
    data: { kind: d.kind, key: d.key, applicationId: d.applicationId, number, identifier, canonicalRecord, recordSm3, sm2Signature, sealId: seal.id, createdAt: d.now },
    select: { id: true, number: true, identifier: true },
  });
  await tx.stampRecord.create({
    data: { sealId: seal.id, actorId: d.actor.id, certificateNo: number, documentKind: d.kind, documentId: doc.id, applicationId: d.applicationId, delegationId: d.delegationId ?? null, recordSm3, rsaKeyId: seal.rsaFingerprint, sm2KeyId: seal.sm2Fingerprint, stampedAt: d.now },
  });
  return doc;
}
