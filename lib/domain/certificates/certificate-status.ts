// Certificate status of GB/T 36903 and what the public verification page says about a certificate, with its holder masked.
import { InvalidPlainDateError, isPlainDate, type PlainDate } from "../calendar/working-days";

export const CERTIFICATE_STATUSES = ["VALID", "SUSPENDED", "REVOKED", "CANCELLED", "EXPIRED", "WITHDRAWN"] as const;

export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** The standard's own terms, for printed matter that must use them verbatim. */
export const CERTIFICATE_STATUS_TERMS: Readonly<Record<CertificateStatus, string>> = {
  VALID: "有效",
  SUSPENDED: "暂扣",
  REVOKED: "撤销",
  CANCELLED: "注销",
  EXPIRED: "失效",
  WITHDRAWN: "吊销",
};

export function isCertificateStatus(value: unknown): value is CertificateStatus {
  return typeof value === "string" && (CERTIFICATE_STATUSES as readonly string[]).includes(value);
}

export type VerificationVerdict = "valid" | "revoked" | "cancelled" | "suspended" | "withdrawn" | "replaced" | "expired" | "not_yet_valid";

export type VerificationFacts = {
  status: CertificateStatus;
  validFrom: PlainDate;
  /** Last day of validity (inclusive); null for a certificate valid without limit (长期有效). */
  validTo: PlainDate | null;
  /** Identifier of the certificate issued in its place (换证/变更), if any. */
  replacedByIdentifier?: string | null;
  /** The bureau's date (Beijing time) of the verification. */
  today: PlainDate;
};

/**
 * What a verifier is told, first match wins:
 * 1. revoked / withdrawn — the licence was annulled or taken away; that outweighs everything, even a
 *    replacement, because a verifier must learn that the holder's right itself is gone;
 * 2. replaced — a newer certificate is what counts, whatever this one's own status still says
 *    (the old record often keeps VALID until someone cancels it);
 * 3. cancelled;
 * 4. expired — by status, or `today` after `validTo`; a suspension does not outlive the term;
 * 5. suspended;
 * 6. not_yet_valid — `today` before `validFrom`;
 * 7. valid.
 * Dates are `YYYY-MM-DD` and compare as strings; both ends of the validity period are inclusive.
 */
export function verificationVerdict(facts: VerificationFacts): VerificationVerdict {
  const { status, validFrom, validTo, replacedByIdentifier, today } = facts;
  if (!isCertificateStatus(status)) throw new RangeError(`Unknown certificate status: ${JSON.stringify(status)}`);
  for (const date of [validFrom, today]) if (!isPlainDate(date)) throw new InvalidPlainDateError(date);
  if (validTo !== null && !isPlainDate(validTo)) throw new InvalidPlainDateError(validTo);

  if (status === "REVOKED") return "revoked";
  if (status === "WITHDRAWN") return "withdrawn";
  if (replacedByIdentifier) return "replaced";
  if (status === "CANCELLED") return "cancelled";
  if (status === "EXPIRED" || (validTo !== null && today > validTo)) return "expired";
  if (status === "SUSPENDED") return "suspended";
  if (today < validFrom) return "not_yet_valid";
  return "valid";
}

// ---------------------------------------------------------------------------------------------
// Masking for the public page: enough to recognise one's own certificate, too little to learn
// someone else's name or number from a scanned code. Lengths count code points, so a rare
// character outside the BMP (e.g. 𠀀) is one character and is never cut in half.

/**
 * 张三 → 张*, 张小民 → 张*民, 欧阳小明 → 欧**明, and from five characters on the first two and last
 * two stay (广安市某某食品有限公司 → 广安******公司). Latin names follow the same rule by character.
 * One star per hidden character, so the shape of the name stays recognisable.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  const n = chars.length;
  if (n === 0) return "";
  if (n === 1) return "*";
  if (n === 2) return `${chars[0]}*`;
  if (n <= 4) return `${chars[0]}${"*".repeat(n - 2)}${chars[n - 1]}`;
  return `${chars.slice(0, 2).join("")}${"*".repeat(n - 4)}${chars.slice(-2).join("")}`;
}

/**
 * Resident IDs and credit codes (18 characters; also the old 15-digit IDs) keep the first four
 * and last four characters. Shorter numbers (passports, permits) keep only the first and last, since
 * eight visible characters of a nine-character passport number would give it away.
 */
export function maskIdentityNumber(id: string): string {
  const chars = [...id.trim()];
  const n = chars.length;
  if (n === 0) return "";
  if (n === 1) return "*";
  if (n === 2) return `${chars[0]}*`;
  const keep = n >= 15 ? 4 : 1;
  return `${chars.slice(0, keep).join("")}${"*".repeat(n - 2 * keep)}${chars.slice(-keep).join("")}`;
}
