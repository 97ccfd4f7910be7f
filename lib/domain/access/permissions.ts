// Capabilities that are not workflow events, each named once with the roles that hold it. Services,
// the proxy, navigation and actions ask for a permission by name; the workflow's own actions take
// their roles from the transition table (rolesFor in lib/domain/workflow).
import type { Role } from "./roles";

/** Staff who work on or oversee cases; the administrator runs the system, not cases. */
const CASE_STAFF: readonly Role[] = ["CLERK", "REVIEWER", "CHIEF", "DIRECTOR", "SUPERVISOR"];

export const PERMISSIONS = {
  /** Enter the back office (/office). */
  "office:enter": ["CLERK", "REVIEWER", "CHIEF", "DIRECTOR", "SUPERVISOR", "ADMIN"],
  /** Open a case file and its documents (within the case's scope, see lib/domain/applications/access). */
  "case:view": CASE_STAFF,
  /** The section's (or, for the director, every) queue of open cases. */
  "case:queue": ["REVIEWER", "CHIEF", "DIRECTOR"],
  /** The escalated cases waiting for the director. */
  "case:escalated-queue": ["DIRECTOR"],
  /** The one-window intake queue, walk-in applicants, intake decisions. */
  "intake:work": ["CLERK"],
  /** File an application: for oneself, or for a walk-in at the window. */
  "application:file": ["APPLICANT", "CLERK"],
  /** An applicant's own applications, inbox and profile. */
  "applicant:self": ["APPLICANT"],
  /** Grant and revoke delegations (一纸授权). */
  "delegation:grant": ["DIRECTOR"],
  /** Read the delegation register. */
  "delegation:read": ["DIRECTOR", "SUPERVISOR", "CHIEF", "CLERK", "REVIEWER"],
  /** Read the audit trail and verify its chain. */
  "audit:read": ["SUPERVISOR", "DIRECTOR"],
  /** Read the seals. */
  "seal:read": ["DIRECTOR", "SUPERVISOR", "ADMIN"],
  /** Read and export the stamp log (用印记录). */
  "stamp-log:read": ["DIRECTOR", "SUPERVISOR"],
  /** Rotate the active seal (the director holds it). */
  "seal:rotate": ["DIRECTOR"],
  /** Revoke or cancel a certificate, or issue its replacement. */
  "certificate:revoke": ["CHIEF", "DIRECTOR"],
  /** Issue a replacement (补办/变更) in place of a valid certificate. */
  "certificate:replace": ["CHIEF", "DIRECTOR"],
  /** Record a certificate's delivery at the window: who collected it, or the post's tracking number. */
  "certificate:deliver": ["CLERK"],
  /** The window's queue of approved cases waiting for their certificate (art. 44). */
  "issuing:work": ["CLERK"],
  /** 票款分离: the payment notices, the daily reconciliation and its mismatches; reconcile a day again. */
  "payments:administer": ["ADMIN"],
  /** Issue an expired payment notice again (a new code and due day) when the payer comes back to the window. */
  "payments:reissue": ["CLERK"],
  /** Edit, publish and import the catalogue. */
  "catalogue:administer": ["ADMIN"],
  /** The items of one's own section. */
  "catalogue:section-items": ["REVIEWER", "CHIEF"],
  /** Load or correct a year of the holiday calendar. */
  "calendar:administer": ["ADMIN"],
  /** Read the calendar's years. */
  "calendar:read": ["ADMIN", "DIRECTOR", "CLERK"],
  /** Create and list staff accounts. */
  "staff:administer": ["ADMIN"],
  /** Find any account; unlock, disable, enable it or reset its password (audited). */
  "accounts:administer": ["ADMIN"],
  /** The cards (预警) page: one's own cards, or every card for those who supervise. */
  "cards:read": CASE_STAFF,
  /** Every open card (预警), and supervision notices (督办) on them. */
  "cards:supervise": ["SUPERVISOR", "DIRECTOR"],
  /** The cards one must act on, and answering a supervision notice. */
  "cards:answer": ["CLERK", "REVIEWER", "CHIEF", "DIRECTOR"],
  /** The bad ratings page (差评整改): one's section's follow-ups, ratings naming oneself, appeals to decide. */
  "ratings:read": ["CLERK", "REVIEWER", "CHIEF", "DIRECTOR", "SUPERVISOR"],
  /** Answer a bad rating's follow-up (差评整改) for one's section; the director for any. */
  "ratings:follow-up": ["REVIEWER", "CHIEF", "DIRECTOR"],
  /** Appeal a bad rating as mistaken or malicious (one's own, or any for the director). */
  "ratings:appeal": ["CLERK", "REVIEWER", "CHIEF", "DIRECTOR"],
  /** Ratings of the whole bureau, not only one's section or one's own (follow-ups, appeals). */
  "ratings:whole-bureau": ["DIRECTOR", "SUPERVISOR"],
  /** Decide an appeal against a rating. */
  "ratings:decide-appeal": ["SUPERVISOR"],
  /** The complaints (投诉) page: one's section's, or every complaint for those of the whole bureau. */
  "complaints:read": ["REVIEWER", "CHIEF", "DIRECTOR", "SUPERVISOR"],
  /** Assign a complaint to a section, answer the complainant, press (督办) a slow stage. */
  "complaints:manage": ["SUPERVISOR"],
  /** Handle a complaint assigned to one's section (the director: any). */
  "complaints:handle": ["REVIEWER", "CHIEF", "DIRECTOR"],
  /** Complaints of the whole bureau, not only one's section's. */
  "complaints:whole-bureau": ["DIRECTOR", "SUPERVISOR"],
  /** Record the post-check (核查) of a commitment (告知承诺) for one's section — a false one revokes the certificate. */
  "commitments:check": ["CHIEF", "DIRECTOR"],
  /** Post-checks of the whole bureau, not only one's section's. */
  "commitments:whole-bureau": ["DIRECTOR"],
  /** Township centres (就近办): define them, the items each accepts, and which clerks work there. */
  "centres:administer": ["ADMIN"],
  /** The expert pool (评审专家库): add and deactivate experts, record their declared conflicts (回避). */
  "experts:administer": ["ADMIN"],
  /** One's own notice channels and e-mail address. */
  "notifications:self": ["APPLICANT", "CLERK", "REVIEWER", "CHIEF", "DIRECTOR", "SUPERVISOR", "ADMIN"],
  /** The supervision figures (监察统计): filings, decisions, on-time shares, cards, by section, item and staff member. */
  "statistics:view": ["DIRECTOR", "SUPERVISOR"],
  /** 审管分离: departments' webhook subscriptions (create, deactivate), their events and deliveries, replaying a delivery. */
  "departments:administer": ["ADMIN"],
  /** The job queue: pending, running and failed jobs, and retrying a failed one. */
  "jobs:administer": ["ADMIN"],
  /** Open API keys of the departments (/api/v1): issue with scopes, list, revoke; any key may be revoked. */
  "api-keys:administer": ["ADMIN"],
  /** An applicant's own status tokens for the open API: create and revoke. */
  "api-keys:self": ["APPLICANT"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The roles holding a permission (for queries that list people, e.g. who may be delegated to). */
export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}
