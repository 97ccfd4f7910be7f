// 扫码验真, public: what anyone may learn of a certificate from its identifier (status, holder partly
// masked, item, number, issue date, the seal and key that stamped it), and whether an uploaded PDF
// is byte for byte one the bureau issued, with its record signature checked. Unknown identifiers
// and files reveal nothing; guessing is rate-limited (per identifier, and per client address).
import "server-only";
import { createHash } from "node:crypto";
import { sm2 } from "sm-crypto-v2";
import { maskIdentityNumber, maskName, verificationVerdict, type VerificationVerdict } from "@/lib/domain/certificates/certificate-status";
import { normalizeCertificateIdentifier } from "@/lib/domain/certificates/identifier";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { AppError } from "@/lib/errors";
import { lookupAllowed, recordLookupFailure } from "@/lib/server/applications/lookup-guard";
import { fromDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";

const PUBLIC_SELECT = {
  id: true,
  identifier: true,
  number: true,
  name: true,
  holderName: true,
  holderId: true,
  issuerName: true,
  issuedOn: true,
  validFrom: true,
  validTo: true,
  status: true,
  statusChangedAt: true,
  statusReason: true,
  canonicalRecord: true,
  sm2Signature: true,
  replacedBy: { select: { identifier: true, number: true } },
  replaces: { select: { identifier: true, number: true } },
  seal: { select: { name: true, status: true, keyId: true, rsaFingerprint: true, sm2Fingerprint: true, sm2PublicKey: true, demo: true } },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof findBy>>>;
const findBy = (where: { identifier: string } | { pdfSha256: string }) => db().certificate.findUnique({ where, select: PUBLIC_SELECT });

export type PublicVerification = {
  verdict: VerificationVerdict;
  identifier: string;
  number: string;
  name: string;
  holder: string;
  holderId: string;
  issuer: string;
  issuedOn: string;
  validFrom: string;
  validTo: string | null;
  statusChangedAt: string | null;
  statusReason: string | null;
  replacedBy: string | null;
  replaces: string | null;
  seal: { name: string; archived: boolean; keyId: string | null; rsaFingerprint: string | null; sm2Fingerprint: string | null; demo: boolean };
  /** The SM2 signature over the stored record verifies with the seal's public key. */
  recordSignatureValid: boolean;
};

function view(c: Row, now: Date): PublicVerification {
  const today = toPlainDate(now);
  return {
    verdict: verificationVerdict({ status: c.status, validFrom: fromDateColumn(c.validFrom), validTo: fromDateColumn(c.validTo), replacedByIdentifier: c.replacedBy?.identifier ?? null, today }),
    identifier: c.identifier,
    number: c.number,
    name: c.name,
    holder: maskName(c.holderName),
    holderId: maskIdentityNumber(c.holderId),
    issuer: c.issuerName,
    issuedOn: fromDateColumn(c.issuedOn),
    validFrom: fromDateColumn(c.validFrom),
    validTo: fromDateColumn(c.validTo),
    statusChangedAt: c.statusChangedAt?.toISOString() ?? null,
    statusReason: c.statusReason,
    replacedBy: c.replacedBy?.identifier ?? null,
    replaces: c.replaces?.identifier ?? null,
    seal: { name: c.seal.name, archived: c.seal.status === "ARCHIVED", keyId: c.seal.keyId, rsaFingerprint: c.seal.rsaFingerprint, sm2Fingerprint: c.seal.sm2Fingerprint, demo: c.seal.demo },
    recordSignatureValid: !!c.seal.sm2PublicKey && sm2.doVerifySignature(c.canonicalRecord, c.sm2Signature, c.seal.sm2PublicKey, { hash: true, der: true }),
  };
}

/** By identifier (the QR code's target). Null for anything the bureau did not issue. */
export async function verifyCertificate(input: { identifier: string }, client = "unknown", now = new Date()): Promise<PublicVerification | null> {
  const identifier = normalizeCertificateIdentifier(input.identifier).slice(0, 200);
  if (!(await lookupAllowed(`verify:${identifier}`, client))) throw new AppError("TOO_MANY_ATTEMPTS");
  const c = identifier ? await findBy({ identifier }) : null;
  if (!c) {
    await recordLookupFailure(`verify:${identifier}`, client);
    return null;
  }
  return view(c, now);
}

/** An uploaded PDF: is it byte for byte a certificate the bureau issued? Anything else: not ours, or altered. */
export async function verifyCertificatePdf(
  bytes: Uint8Array,
  client = "unknown",
  now = new Date(),
): Promise<{ issued: false } | { issued: true; certificate: PublicVerification } | { issued: true; document: PublicDocumentVerification }> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (!(await lookupAllowed(`verify-pdf:${sha256}`, client))) throw new AppError("TOO_MANY_ATTEMPTS");
  const c = await findBy({ pdfSha256: sha256 });
  if (c) return { issued: true, certificate: view(c, now) };
  // A receipt, notice or decision letter downloaded as issued (its PDF is fixed on first download).
  const d = await findDocument({ pdfSha256: sha256 });
  if (d) return { issued: true, document: documentView(d) };
  await recordLookupFailure(`verify-pdf:${sha256}`, client);
  return { issued: false };
}

export type PublicDocumentVerification = { kind: string; number: string; identifier: string; application: string; issuedAt: string; seal: { name: string; keyId: string | null; sm2Fingerprint: string | null; archived: boolean }; recordSignatureValid: boolean };

/** A document under the seal (receipt, notice, decision letter) by its verification identifier. */
export async function verifyDocument(input: { identifier: string }, client = "unknown"): Promise<PublicDocumentVerification | null> {
  const identifier = input.identifier.trim().toUpperCase().slice(0, 60);
  if (!(await lookupAllowed(`verify:${identifier}`, client))) throw new AppError("TOO_MANY_ATTEMPTS");
  const d = await findDocument({ identifier });
  if (!d) {
    await recordLookupFailure(`verify:${identifier}`, client);
    return null;
  }
  return documentView(d);
}

const DOCUMENT_SELECT = {
  kind: true,
  number: true,
  identifier: true,
  createdAt: true,
  canonicalRecord: true,
  sm2Signature: true,
  application: { select: { number: true } },
  seal: { select: { name: true, keyId: true, sm2Fingerprint: true, sm2PublicKey: true, status: true } },
} as const;

function documentView(d: NonNullable<Awaited<ReturnType<typeof findDocument>>>): PublicDocumentVerification {
  return {
    kind: d.kind,
    number: d.number,
    identifier: d.identifier,
    application: d.application.number ?? "",
    issuedAt: d.createdAt.toISOString(),
    seal: { name: d.seal.name, keyId: d.seal.keyId, sm2Fingerprint: d.seal.sm2Fingerprint, archived: d.seal.status === "ARCHIVED" },
    recordSignatureValid: !!d.seal.sm2PublicKey && sm2.doVerifySignature(d.canonicalRecord, d.sm2Signature, d.seal.sm2PublicKey, { hash: true, der: true }),
  };
}

const findDocument = (where: { identifier: string } | { pdfSha256: string }) => db().sealedDocument.findUnique({ where, select: DOCUMENT_SELECT });
