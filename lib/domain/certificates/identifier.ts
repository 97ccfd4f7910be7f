// E-certificate identifier (电子证照标识) of GB/T 36904-2018, with its ISO/IEC 7064 MOD 37,36 check character (GB/T 17710).
import { isValidCreditCode } from "../identity/credit-code";

/** Root code the standard puts in front of every e-certificate identifier. */
export const CERTIFICATE_IDENTIFIER_ROOT = "1.2.156.3005.2";

/** Characters of a freshly made serial; 36^16 ≈ 2^82.7, so 10+ random bytes fill it without repeats. */
export const CERTIFICATE_SERIAL_LENGTH = 16;

/** 80 bits: enough that nobody can enumerate identifiers to find other people's certificates. */
export const MIN_SERIAL_RANDOM_BYTES = 10;

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const MODULUS = 36; // M of "MOD M+1, M": the hybrid system over the 36 alphanumerics
const ALNUM = /^[0-9A-Z]+$/;
const TYPE_CODE = /^[0-9A-Z]{1,20}$/;
// Serials from other issuing systems may be shorter or longer than ours; 40 keeps parsing bounded.
const SERIAL = /^[0-9A-Z]{1,40}$/;
const VERSION_MAX = 999;

const IDENTIFIER = new RegExp(
  `^${CERTIFICATE_IDENTIFIER_ROOT.replaceAll(".", "\\.")}\\.([0-9A-Z]{1,20})\\.([0-9A-Z]{18})\\.([0-9A-Z]{1,40})\\.(\\d{3})\\.([0-9A-Z])$`,
);

export type CertificateIdentifierErrorCode =
  | "CERTIFICATE_TYPE_CODE_INVALID"
  | "CERTIFICATE_ISSUER_CODE_INVALID"
  | "CERTIFICATE_SERIAL_INVALID"
  | "CERTIFICATE_VERSION_INVALID"
  | "CERTIFICATE_RANDOMNESS_TOO_SHORT";

/** Thrown when an identifier cannot be made from the given parts; the code names the part. */
export class CertificateIdentifierError extends Error {
  constructor(
    readonly code: CertificateIdentifierErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "CertificateIdentifierError";
  }
}

export type CertificateIdentifierParts = {
  /** 证照类型代码: 1–20 characters of 0-9 and A-Z. */
  typeCode: string;
  /** 证照颁发机构代码: the issuing body's unified social credit code (GB 32100), upper case. */
  issuerCode: string;
  /** 顺序号: upper-case alphanumerics; ours come from `newCertificateSerial`. */
  serial: string;
  /** 版本号: 1–999, written with three digits. */
  version: number;
};

export type ParsedCertificateIdentifier = CertificateIdentifierParts & { checkChar: string };

// ---------------------------------------------------------------------------------------------
// ISO/IEC 7064 MOD 37,36 (hybrid system, M = 36). With P₀ = M, every character a gives the
// intermediate sum S = ||P + a||_M (the remainder mod M, except that 0 counts as M) and the next
// product P = (2·S) mod (M+1). A string with its check character is valid when the last S is 1.
// So the check character a after the data's final P satisfies P + a ≡ 1 (mod 36), i.e.
// a = (37 − P) mod 36 (37 ≡ 1); P lies in 1..36 because 37 is prime and S is never 0 mod 37.
//
// What the system catches: every single substitution (a different a gives a different S, and each
// later step is a bijection of the state), but not every adjacent transposition. Swapping a and b
// goes unnoticed exactly when their intermediate sums from the same P are 18 and 19: 2·18 ≡ −1 and
// 2·19 ≡ 1 (mod 37) cancel the difference of 1 between a and b — e.g. "IJ…" and "JI…" share a check
// character. That is 1 in 630 swaps of distinct characters; the standard fixes the algorithm, so
// we keep it rather than an incompatible variant (other platforms verify our identifiers).

function sumOf(p: number, ch: string): number {
  const value = ALPHABET.indexOf(ch);
  if (value < 0 || ch.length !== 1) throw new RangeError(`not a MOD 37,36 character: ${JSON.stringify(ch)}`);
  const s = (p + value) % MODULUS;
  return s === 0 ? MODULUS : s;
}

function productAfter(s: string): number {
  let p = MODULUS;
  for (const ch of s) p = (sumOf(p, ch) * 2) % (MODULUS + 1);
  return p;
}

/**
 * The ISO/IEC 7064 MOD 37,36 check character (0-9, A-Z) for `s`, which must consist of 0-9 and
 * upper-case A-Z only (throws a RangeError otherwise; case is significant in the standard's alphabet).
 */
export function iso7064Mod3736CheckChar(s: string): string {
  return ALPHABET[(MODULUS + 1 - productAfter(s)) % MODULUS];
}

/** Whether `s` ends with the correct MOD 37,36 check character over the characters before it. */
export function isValidIso7064Mod3736(s: string): boolean {
  if (typeof s !== "string" || s.length < 1 || !ALNUM.test(s)) return false;
  return sumOf(productAfter(s.slice(0, -1)), s[s.length - 1]) === 1;
}

// ---------------------------------------------------------------------------------------------
// The identifier.

/**
 * The string the check character covers: type code, issuer code, serial and version without dots,
 * as GB/T 36904 prescribes. (Dropping the dots makes the boundaries invisible to the check, which is
 * harmless: the dots are checked by the strict shape, and only two parts vary in length.)
 */
function checkedPayload(p: CertificateIdentifierParts): string {
  return `${p.typeCode}${p.issuerCode}${p.serial}${formatVersion(p.version)}`;
}

function formatVersion(version: number): string {
  return String(version).padStart(3, "0");
}

function assertParts(p: CertificateIdentifierParts): void {
  if (typeof p.typeCode !== "string" || !TYPE_CODE.test(p.typeCode)) {
    throw new CertificateIdentifierError("CERTIFICATE_TYPE_CODE_INVALID", `Type code must be 1–20 characters of 0-9 and A-Z: ${JSON.stringify(p.typeCode)}`);
  }
  // isValidCreditCode folds case and trims; the identifier must carry the canonical form itself.
  if (typeof p.issuerCode !== "string" || !/^[0-9A-Z]{18}$/.test(p.issuerCode) || !isValidCreditCode(p.issuerCode)) {
    throw new CertificateIdentifierError("CERTIFICATE_ISSUER_CODE_INVALID", `Issuer code is not a valid unified social credit code: ${JSON.stringify(p.issuerCode)}`);
  }
  if (typeof p.serial !== "string" || !SERIAL.test(p.serial)) {
    throw new CertificateIdentifierError("CERTIFICATE_SERIAL_INVALID", `Serial must be 1–40 characters of 0-9 and A-Z: ${JSON.stringify(p.serial)}`);
  }
  if (!Number.isInteger(p.version) || p.version < 1 || p.version > VERSION_MAX) {
    throw new CertificateIdentifierError("CERTIFICATE_VERSION_INVALID", `Version must be an integer from 1 to ${VERSION_MAX}: ${p.version}`);
  }
}

/**
 * `1.2.156.3005.2.<type>.<issuer>.<serial>.<NNN>.<check>`. Throws `CertificateIdentifierError`
 * when a part is malformed; nothing is normalised, so what is stored is exactly what was checked.
 */
export function formatCertificateIdentifier(parts: CertificateIdentifierParts): string {
  assertParts(parts);
  const { typeCode, issuerCode, serial, version } = parts;
  const check = iso7064Mod3736CheckChar(checkedPayload(parts));
  return `${CERTIFICATE_IDENTIFIER_ROOT}.${typeCode}.${issuerCode}.${serial}.${formatVersion(version)}.${check}`;
}

/**
 * The parts of an identifier, or null unless it is exactly canonical: the root, an 18-character
 * issuer code passing GB 32100, a version 001–999 and the right check character. No trimming or
 * case folding happens here; run user input through `normalizeCertificateIdentifier` first.
 */
export function parseCertificateIdentifier(s: string): ParsedCertificateIdentifier | null {
  if (typeof s !== "string" || s.length > 120) return null;
  const m = IDENTIFIER.exec(s);
  if (!m) return null;
  const [, typeCode, issuerCode, serial, versionText, checkChar] = m;
  const version = Number(versionText);
  if (version < 1 || !isValidCreditCode(issuerCode)) return null;
  const parts = { typeCode, issuerCode, serial, version };
  if (iso7064Mod3736CheckChar(checkedPayload(parts)) !== checkChar) return null;
  return { ...parts, checkChar };
}

/** The identifier of a replacement (补办/变更): the same type, issuer and serial, one version more. */
export function successorIdentifier(identifier: string): string {
  const parts = parseCertificateIdentifier(identifier);
  if (!parts) throw new CertificateIdentifierError("CERTIFICATE_SERIAL_INVALID", `Not a certificate identifier: ${identifier}`);
  return formatCertificateIdentifier({ typeCode: parts.typeCode, issuerCode: parts.issuerCode, serial: parts.serial, version: parts.version + 1 });
}

export function isCertificateIdentifier(s: string): boolean {
  return parseCertificateIdentifier(s) !== null;
}

/**
 * What a person typed or a scanner read, in canonical form: full-width characters folded (NFKC),
 * the ideographic full stop 。 read as a dot (Chinese input methods type it for "."), whitespace
 * dropped, letters upper-cased. The result still has to pass `parseCertificateIdentifier`.
 */
export function normalizeCertificateIdentifier(input: string): string {
  return input.normalize("NFKC").replace(/[。]/g, ".").replace(/\s+/g, "").toUpperCase();
}

/**
 * A fresh serial from caller-supplied random bytes (server code passes `crypto.randomBytes(16)`):
 * the bytes read as one big-endian number, reduced mod 36^16 and written as 16 upper-case base-36
 * characters. With 10 bytes every serial is distinct and 80 bits strong (though the first character
 * is then at most "5"); 16 bytes spread over all 16 characters with a bias below 2^-44.
 */
export function newCertificateSerial(randomBytes: Uint8Array): string {
  if (!(randomBytes instanceof Uint8Array) || randomBytes.length < MIN_SERIAL_RANDOM_BYTES) {
    throw new CertificateIdentifierError(
      "CERTIFICATE_RANDOMNESS_TOO_SHORT",
      `A certificate serial needs at least ${MIN_SERIAL_RANDOM_BYTES} random bytes, got ${randomBytes?.length ?? 0}`,
    );
  }
  let n = 0n;
  for (const byte of randomBytes) n = (n << 8n) | BigInt(byte);
  const space = BigInt(MODULUS) ** BigInt(CERTIFICATE_SERIAL_LENGTH);
  return (n % space).toString(36).toUpperCase().padStart(CERTIFICATE_SERIAL_LENGTH, "0");
}
