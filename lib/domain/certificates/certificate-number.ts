// Human-readable numbers: a certificate's 证书编号 (广安审批食经〔2026〕第00012号) and a document's 发文字号 (广安审批许〔2026〕12号).

/** Longest prefix an administrator may set, in characters (code points), so numbers fit the printed field. */
export const NUMBER_PREFIX_MAX_LENGTH = 20;

const CERTIFICATE_SEQUENCE_DIGITS = 5;

export type NumberPrefixProblem = "empty" | "too_long" | "bracket" | "whitespace";

export type CertificateNumberErrorCode = "NUMBER_PREFIX_INVALID" | "NUMBER_YEAR_INVALID" | "NUMBER_SEQUENCE_INVALID";

export class CertificateNumberError extends Error {
  constructor(
    readonly code: CertificateNumberErrorCode,
    message: string,
    /** Set for NUMBER_PREFIX_INVALID, so the administrator's form can say what is wrong. */
    readonly problem?: NumberPrefixProblem,
  ) {
    super(message);
    this.name = "CertificateNumberError";
  }
}

// 〔〕 enclose the year (GB/T 9704-2012 7.2.4); the look-alikes people type for them ([] 【】 〖〗 ［］)
// would make a reader see a year where there is none, so a prefix may hold none of them.
const BRACKETS = /[〔〕[\]【】〖〗［］]/u;
// Whitespace (full-width space included) and invisible characters (controls, zero-width joiners,
// direction marks) would make two numbers that print alike compare unequal.
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Z}]/u;

/** What is wrong with a number prefix, or null when it may be used. */
export function numberPrefixProblem(prefix: string): NumberPrefixProblem | null {
  if (typeof prefix !== "string" || prefix.length === 0) return "empty";
  if (INVISIBLE.test(prefix)) return "whitespace";
  if (BRACKETS.test(prefix)) return "bracket";
  if ([...prefix].length > NUMBER_PREFIX_MAX_LENGTH) return "too_long";
  return null;
}

function assertInputs(prefix: string, year: number, sequence: number): void {
  const problem = numberPrefixProblem(prefix);
  if (problem) throw new CertificateNumberError("NUMBER_PREFIX_INVALID", `Number prefix is unusable (${problem}): ${JSON.stringify(prefix)}`, problem);
  // The year is written in full (GB/T 9704: 年份应标全称), so it must have four digits.
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new CertificateNumberError("NUMBER_YEAR_INVALID", `Year must have four digits: ${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new CertificateNumberError("NUMBER_SEQUENCE_INVALID", `Sequence must be a positive integer: ${sequence}`);
}

/**
 * 证书编号: prefix, year in 〔〕, then 第, the sequence zero-padded to five digits (more digits once
 * it passes 99999, never truncated), and 号. Padding keeps the numbers of one year sorting as text.
 */
export function formatCertificateNumber(prefix: string, year: number, sequence: number): string {
  assertInputs(prefix, year, sequence);
  return `${prefix}〔${year}〕第${String(sequence).padStart(CERTIFICATE_SEQUENCE_DIGITS, "0")}号`;
}

/**
 * 发文字号 of an official document: prefix, year in 〔〕, sequence and 号. GB/T 9704-2012 7.2.4 says
 * the sequence takes no 第 and no padding ("不加'第'字,不编虚位"), so 12 stays 12.
 */
export function formatDocumentNumber(prefix: string, year: number, sequence: number): string {
  assertInputs(prefix, year, sequence);
  return `${prefix}〔${year}〕${sequence}号`;
}
