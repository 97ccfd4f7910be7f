// What may be done with an issued certificate now, and by whom: end it (撤销/注销), replace it
// (补办/变更), record its delivery (送达). One table; screens render the actions it answers and the
// services ask it again before they write.
import type { Role } from "../access/roles";
import { can, type Permission } from "../access/permissions";
import { isFinal, type ApplicationState } from "../workflow/application-workflow";
import type { CertificateStatus } from "./certificate-status";

export const CERTIFICATE_ACTIONS = ["END", "REPLACE", "RECORD_PICKUP", "RECORD_MAILING"] as const;
export type CertificateAction = (typeof CERTIFICATE_ACTIONS)[number];

export const REPLACEMENT_KINDS = ["REISSUE", "AMEND"] as const;
export type ReplacementKind = (typeof REPLACEMENT_KINDS)[number];

export const DELIVERY_METHODS = ["ELECTRONIC", "PICKUP", "POST"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export type CertificateFacts = {
  status: CertificateStatus;
  /** A replacement was issued in its place: it is history now. */
  replaced: boolean;
  deliveryMethod: DeliveryMethod;
  /** Handed over (pick-up recorded, or electronic from the start). */
  delivered: boolean;
  /** Posted: a tracking number is recorded. */
  mailed: boolean;
};

export type CertificateRefusal = "FORBIDDEN" | "CERTIFICATE_NOT_VALID" | "CERTIFICATE_REPLACED" | "DELIVERY_NOT_PENDING";

export class CertificateActionError extends Error {
  constructor(
    readonly code: CertificateRefusal,
    message: string,
  ) {
    super(message);
    this.name = "CertificateActionError";
  }
}

const RULES: Record<CertificateAction, { permission: Permission; check: (f: CertificateFacts) => CertificateRefusal | null }> = {
  END: { permission: "certificate:revoke", check: (f) => current(f) },
  REPLACE: { permission: "certificate:replace", check: (f) => current(f) },
  RECORD_PICKUP: { permission: "certificate:deliver", check: (f) => current(f) ?? (f.deliveryMethod === "PICKUP" && !f.delivered ? null : "DELIVERY_NOT_PENDING") },
  RECORD_MAILING: { permission: "certificate:deliver", check: (f) => current(f) ?? (f.deliveryMethod === "POST" && !f.mailed ? null : "DELIVERY_NOT_PENDING") },
};

/** Only the current, valid certificate of a line is ended, replaced or handed over. */
function current(f: CertificateFacts): CertificateRefusal | null {
  if (f.replaced) return "CERTIFICATE_REPLACED";
  if (f.status !== "VALID") return "CERTIFICATE_NOT_VALID";
  return null;
}

/** Why `role` may not take `action` now, or null when it may. */
export function certificateRefusal(action: CertificateAction, role: Role, facts: CertificateFacts): CertificateRefusal | null {
  const rule = RULES[action];
  if (!can(role, rule.permission)) return "FORBIDDEN";
  return rule.check(facts);
}

export function assertCertificateAction(action: CertificateAction, role: Role, facts: CertificateFacts): void {
  const refusal = certificateRefusal(action, role, facts);
  if (refusal) throw new CertificateActionError(refusal, `${action} refused: ${refusal}`);
}

/** The actions `role` may take on the certificate now, in display order. */
export function certificateActions(role: Role, facts: CertificateFacts): CertificateAction[] {
  return CERTIFICATE_ACTIONS.filter((a) => certificateRefusal(a, role, facts) === null);
}

/** The applicant may change how they receive the certificate until it is issued (and not after a refusal). */
export function mayChooseDelivery(state: ApplicationState): boolean {
  return !isFinal(state);
}

/** A postal delivery needs an address to send it to. */
export function deliveryChoiceProblem(method: DeliveryMethod, address: string): "DELIVERY_ADDRESS_REQUIRED" | null {
  return method === "POST" && address.trim().length < 6 ? "DELIVERY_ADDRESS_REQUIRED" : null;
}
