// 审管分离: what the bureau tells a supervising department (the item's former department, `Department`)
// after it approves: the kinds of event, the one payload shape built from a case's facts (sent by
// webhook and read by the pull API alike), the retry policy of a delivery, and what an administrator
// may replay. Pure: the services load the facts and write the rows.
import { maskIdentityNumber } from "@/lib/domain/certificates/certificate-status";

/** Every kind of event, as the department sees it in `type` (stable strings: partners switch on them). */
export const DEPARTMENT_EVENT_TYPES = [
  /** 准予行政许可: the case was approved (the decision letter's number when it was sealed). */
  "decision.approved",
  /** 不予行政许可: the case was denied, with the reason and legal basis. */
  "decision.denied",
  /** 发证: a certificate was issued under the bureau's seal. */
  "certificate.issued",
  /** 补办/变更: a certificate was re-issued or amended (the same number, the next version, which the old one points to). */
  "certificate.replaced",
  /** 撤销: a certificate was revoked (e.g. a false commitment), with the reason and legal basis. */
  "certificate.revoked",
  /** 注销: a certificate was cancelled, with the reason and legal basis. */
  "certificate.cancelled",
  /** 核查: a commitment (告知承诺) was checked after the decision: it held, or it was false. */
  "commitment.checked",
] as const;
export type DepartmentEventType = (typeof DEPARTMENT_EVENT_TYPES)[number];

export function isDepartmentEventType(v: string): v is DepartmentEventType {
  return (DEPARTMENT_EVENT_TYPES as readonly string[]).includes(v);
}

/** Version of the payload's shape; a change that removes or renames a field makes a new one. */
export const PAYLOAD_VERSION = 1;

/** The case as every event names it: no full resident ID ever leaves the bureau. */
export type CaseFacts = {
  number: string | null;
  item: { implementationCode: string; name: string };
  applicant: { name: string; residentId: string | null; creditCode: string | null };
  submittedAt: Date | null;
  acceptedAt: Date | null;
};

export type DecisionFacts = { approved: boolean; letterNumber: string | null; decidedAt: Date; reason: string | null; basis: string | null };
export type CertificateFacts = { number: string; identifier: string; name: string; issuedOn: string; validFrom: string; validTo: string | null };
export type CertificateEndFacts = { status: "REVOKED" | "CANCELLED"; at: Date; reason: string; basis: string };
export type ReplacementFacts = { replaces: string; kind: "REISSUE" | "AMEND"; reason: string; at: Date };
export type CommitmentFacts = { material: string; result: "HOLDS" | "FALSE"; note: string; checkedAt: Date };

export type EventSource =
  | { kind: "DECISION"; case: CaseFacts; decision: DecisionFacts }
  | { kind: "ISSUANCE"; case: CaseFacts; certificate: CertificateFacts; decision: { letterNumber: string | null; decidedAt: Date | null } }
  | { kind: "CERTIFICATE_END"; case: CaseFacts; certificate: CertificateFacts; end: CertificateEndFacts }
  | { kind: "REPLACEMENT"; case: CaseFacts; certificate: CertificateFacts; replacement: ReplacementFacts }
  | { kind: "COMMITMENT_CHECK"; case: CaseFacts; commitment: CommitmentFacts };

/** JSON a department receives as `data` (dates as ISO 8601 strings). */
export type DepartmentEventPayload = {
  version: number;
  application: {
    number: string | null;
    item: { implementationCode: string; name: string };
    /** An enterprise's credit code is public (企业信用信息公示) and sent whole; a person's resident ID only masked. */
    applicant: { name: string; idType: "CREDIT_CODE" | "RESIDENT_ID" | "NONE"; id: string };
    submittedAt: string | null;
    acceptedAt: string | null;
  };
  decision?: { outcome: "APPROVED" | "DENIED"; letterNumber: string | null; decidedAt: string | null; reason?: string; basis?: string };
  certificate?: CertificateFacts & { status?: "REVOKED" | "CANCELLED"; changedAt?: string; reason?: string; basis?: string; replaces?: string; replacementKind?: "REISSUE" | "AMEND" };
  commitment?: { material: string; result: "HOLDS" | "FALSE"; note: string; checkedAt: string };
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function applicantOf(a: CaseFacts["applicant"]): DepartmentEventPayload["application"]["applicant"] {
  if (a.creditCode) return { name: a.name, idType: "CREDIT_CODE", id: a.creditCode };
  if (a.residentId) return { name: a.name, idType: "RESIDENT_ID", id: maskIdentityNumber(a.residentId) };
  return { name: a.name, idType: "NONE", id: "" };
}

function applicationOf(c: CaseFacts): DepartmentEventPayload["application"] {
  return { number: c.number, item: { implementationCode: c.item.implementationCode, name: c.item.name }, applicant: applicantOf(c.applicant), submittedAt: iso(c.submittedAt), acceptedAt: iso(c.acceptedAt) };
}

/** The event's type and payload for what happened. Reasons and bases travel only with a denial or an ended certificate. */
export function departmentEventOf(s: EventSource): { type: DepartmentEventType; payload: DepartmentEventPayload } {
  const application = applicationOf(s.case);
  switch (s.kind) {
    case "DECISION": {
      const d = s.decision;
      const decision = d.approved
        ? { outcome: "APPROVED" as const, letterNumber: d.letterNumber, decidedAt: iso(d.decidedAt) }
        : { outcome: "DENIED" as const, letterNumber: d.letterNumber, decidedAt: iso(d.decidedAt), reason: d.reason ?? "", basis: d.basis ?? "" };
      return { type: d.approved ? "decision.approved" : "decision.denied", payload: { version: PAYLOAD_VERSION, application, decision } };
    }
    case "ISSUANCE":
      return {
        type: "certificate.issued",
        payload: { version: PAYLOAD_VERSION, application, decision: { outcome: "APPROVED", letterNumber: s.decision.letterNumber, decidedAt: iso(s.decision.decidedAt) }, certificate: { ...s.certificate } },
      };
    case "CERTIFICATE_END":
      return {
        type: s.end.status === "REVOKED" ? "certificate.revoked" : "certificate.cancelled",
        payload: { version: PAYLOAD_VERSION, application, certificate: { ...s.certificate, status: s.end.status, changedAt: s.end.at.toISOString(), reason: s.end.reason, basis: s.end.basis } },
      };
    case "REPLACEMENT":
      return {
        type: "certificate.replaced",
        payload: {
          version: PAYLOAD_VERSION,
          application,
          certificate: { ...s.certificate, replaces: s.replacement.replaces, replacementKind: s.replacement.kind, reason: s.replacement.reason, changedAt: s.replacement.at.toISOString() },
        },
      };
    case "COMMITMENT_CHECK":
      return {
        type: "commitment.checked",
        payload: { version: PAYLOAD_VERSION, application, commitment: { material: s.commitment.material, result: s.commitment.result, note: s.commitment.note, checkedAt: s.commitment.checkedAt.toISOString() } },
      };
  }
}

/** What is sent (the webhook's body) and what the pull API returns for one event: the same envelope. */
export type DepartmentEventEnvelope = {
  /** The event's public id: a receiver that sees it twice (delivery is at least once) ignores the second. */
  id: string;
  /** The pull cursor (decimal string: it may exceed 2^53). */
  sequence: string;
  type: string;
  occurredAt: string;
  department: { code: string; name: string };
  data: unknown;
};

export function eventEnvelope(e: { id: bigint; publicId: string; type: string; occurredAt: Date; payload: unknown; department: { code: string; name: string } }): DepartmentEventEnvelope {
  return { id: e.publicId, sequence: e.id.toString(), type: e.type, occurredAt: e.occurredAt.toISOString(), department: { code: e.department.code, name: e.department.name }, data: e.payload };
}

/** A subscription receives an event when it is active and lists its type (an empty list: every type). */
export function subscriptionWants(s: { active: boolean; events: readonly string[] }, type: string): boolean {
  return s.active && (s.events.length === 0 || s.events.includes(type));
}

// The retry policy. The queue's back-off is exp(attempt) seconds (2.7 s, 7 s, 20 s … ~2.3 h before
// the 9th): ten attempts span about six hours, enough for a department's server to come back from a
// night's maintenance; after that the delivery is FAILED and waits for the administrator.
export const MAX_DELIVERY_ATTEMPTS = 10;
/** Seconds one attempt may take before it counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** A 2xx answer delivers; anything else (3xx included: redirects are not followed) is retried. */
export function isDelivered(status: number): boolean {
  return status >= 200 && status < 300;
}

/** The last attempt that failed leaves the delivery FAILED; earlier ones leave it PENDING for the next try. */
export function stateAfterFailure(attempt: number, maxAttempts: number): "PENDING" | "FAILED" {
  return attempt >= maxAttempts ? "FAILED" : "PENDING";
}

export type DeliveryState = "PENDING" | "DELIVERED" | "FAILED";

/**
 * The administrator replays a delivery that has ended — FAILED (after its last attempt) or
 * DELIVERED (the department lost it) — to an active subscription. A PENDING one is still being tried.
 */
export function mayReplay(d: { state: DeliveryState; subscriptionActive: boolean }): boolean {
  return d.state !== "PENDING" && d.subscriptionActive;
}

// Where a subscription may point. Only http(s); in production, never the bureau's own machine or
// private networks (a URL an administrator typed must not reach the database server) unless the
// installation allows it (departments inside the government intranet).
export type WebhookUrlProblem = "INVALID" | "SCHEME" | "CREDENTIALS" | "PRIVATE_HOST";

export function webhookUrlProblem(raw: string, opts: { allowPrivate: boolean }): WebhookUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return "INVALID";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "SCHEME";
  if (url.username || url.password) return "CREDENTIALS";
  if (!opts.allowPrivate && isPrivateHost(url.hostname)) return "PRIVATE_HOST";
  return null;
}

/** A host name that names this machine or a private, link-local or unspecified address. */
export function isPrivateHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (h === "localhost" || h.endsWith(".localhost") || h === "") return true;
  return isPrivateAddress(h);
}

/** An IPv4 or IPv6 literal in a loopback, private, link-local, CGNAT or unspecified range; false for a name. */
export function isPrivateAddress(address: string): boolean {
  const a = address.toLowerCase();
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
  if (v4) {
    const [p, q] = [Number(v4[1]), Number(v4[2])];
    return p === 0 || p === 10 || p === 127 || (p === 100 && q >= 64 && q <= 127) || (p === 169 && q === 254) || (p === 172 && q >= 16 && q <= 31) || (p === 192 && q === 168);
  }
  if (!a.includes(":")) return false;
  if (a === "::" || a === "::1") return true;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped) return isPrivateAddress(mapped[1]);
  // The WHATWG URL parser writes an IPv4-mapped address in hex (::ffff:7f00:1).
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
  if (hex) {
    const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
    return isPrivateAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  // fc00::/7 unique local, fe80::/10 link-local.
  return /^f[cd][0-9a-f]{0,2}:/.test(a) || /^fe[89ab][0-9a-f]?:/.test(a);
}

/** A short, single-line account of a failed attempt for the log (never the whole answer). */
export function attemptError(e: { status?: number; body?: string; error?: string }): string {
  const text = (e.error ?? (e.status !== undefined ? `HTTP ${e.status}${e.body ? `: ${e.body}` : ""}` : "no answer")).replace(/\s+/g, " ").trim();
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}
