// 好差评 (国办发〔2019〕51号; GB/T 39734-2020): an applicant rates each service once — an online
// filing once it is decided (一事一评), each window visit once (一次一评: the intake, and each
// certificate's pick-up) — on five levels, with the
// national guide's aspects for the channel, and a comment. A bad rating opens a follow-up (差评整改)
// due within a number of working days. Rating is voluntary and never blocks anything.
import { addWorkingDays, type PlainDate, type WorkingCalendar } from "@/lib/domain/calendar/working-days";
import { stateFacts } from "@/lib/domain/workflow/state-facts";
import type { ApplicationState } from "@/lib/domain/workflow/application-workflow";
import { can } from "@/lib/domain/access/permissions";
import type { Role } from "@/lib/domain/access/roles";

export const RATING_LEVELS = ["VERY_SATISFIED", "SATISFIED", "BASIC", "UNSATISFIED", "VERY_UNSATISFIED"] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** Where the service was given: an online filing (its decision or issuance), or a visit to the window. */
export type RatedService = "ONLINE" | "WINDOW";
/** How the rating came: the portal, a phone (the receipt's QR code), the window's tablet, an SMS link. */
export const RATING_CHANNELS = ["WEB", "PHONE", "WINDOW_DEVICE", "SMS"] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/** The aspects the national guide asks about, per kind of service ("overall" is the rating's level). */
export const RATING_ASPECTS: Record<RatedService, readonly string[]> = {
  ONLINE: ["efficiency", "guideAccuracy", "convenience", "easeOfUse"],
  WINDOW: ["efficiency", "serviceLevel", "attitude"],
};

/** 不满意 and 非常不满意 are bad ratings: each opens a follow-up. */
export function isBadRating(level: RatingLevel): boolean {
  return level === "UNSATISFIED" || level === "VERY_UNSATISFIED";
}

/** Working days a section has to verify, rectify or explain, and reply to a bad rating (default). */
export const FOLLOW_UP_WORKING_DAYS = 5;

export function followUpDue(cal: WorkingCalendar, ratedOn: PlainDate, days = FOLLOW_UP_WORKING_DAYS): PlainDate {
  return addWorkingDays(cal, ratedOn, days);
}

/** An online filing can be rated once the bureau has answered it: refused at intake, decided, or issued. */
export function onlineServiceRateable(state: ApplicationState): boolean {
  const facts = stateFacts(state);
  return facts.refusedAtIntake || facts.decision !== null;
}

/** The key that makes a rating unique: one per online filing, one per window visit. */
export function serviceKey(service: RatedService, applicationId: string, visitId?: string): string {
  if (service === "WINDOW" && !visitId) throw new RangeError("a window visit needs its id");
  return service === "ONLINE" ? `${applicationId}:ONLINE` : `${applicationId}:VISIT:${visitId}`;
}

/** The window visit of an intake (the receipt's QR code and its SMS stand for it). */
export const INTAKE_VISIT = "INTAKE";

/** The window visit of a certificate's pick-up (领证): one per certificate handed over. */
export function pickupVisit(certificateId: string): string {
  return `PICKUP-${certificateId}`;
}

export type WindowVisit = { kind: "INTAKE" } | { kind: "PICKUP"; certificateId: string };

/** Which visit a rating link names (none named: the intake); null when it names none that can be. */
export function parseVisit(visit: string | undefined): WindowVisit | null {
  if (visit === undefined || visit === "" || visit === INTAKE_VISIT) return { kind: "INTAKE" };
  const m = /^PICKUP-([a-z0-9]{1,60})$/.exec(visit);
  return m ? { kind: "PICKUP", certificateId: m[1] } : null;
}

/** A visit to the window lasts this long: the tablet offers it for rating, and a hand-over within it belongs to it. */
export const VISIT_MINUTES = 30;

/**
 * Whether a hand-over at the window is a visit of its own, to be rated by itself — not when the
 * clerk who accepted the filing at the window hands the certificate over in the same sitting (an
 * instant item decided and issued while the applicant waits: one visit, rated once).
 */
export function pickupIsOwnVisit(intake: { channel: string; acceptedById: string | null; acceptedAt: Date | null }, handover: { by: string; at: Date }): boolean {
  const sameSitting = intake.channel === "WINDOW" && intake.acceptedById === handover.by && intake.acceptedAt !== null && handover.at.getTime() - intake.acceptedAt.getTime() < VISIT_MINUTES * 60_000;
  return !sameSitting;
}

/**
 * A bundle's certificates (一件事) go over in one hand-over, which is one visit (一次一评): it is
 * rated once, as the pick-up of the certificate with the lowest number among those handed over
 * together — the same one whoever asks (the invitation, the tablet, a link). None for no certificates.
 */
export function bundleVisitCertificate<T extends { number: string }>(handedOver: readonly T[]): T | undefined {
  let first: T | undefined;
  for (const c of handedOver) if (first === undefined || c.number < first.number) first = c;
  return first;
}

/** A visit's id, as the rating key and the link carry it. */
export function visitId(visit: WindowVisit): string {
  return visit.kind === "INTAKE" ? INTAKE_VISIT : pickupVisit(visit.certificateId);
}

/** Keeps only the aspects of this service with a known level; the rest are dropped. */
export function aspectsOf(service: RatedService, given: Record<string, unknown>): Record<string, RatingLevel> {
  const out: Record<string, RatingLevel> = {};
  for (const aspect of RATING_ASPECTS[service]) {
    const level = given[aspect];
    if (typeof level === "string" && (RATING_LEVELS as readonly string[]).includes(level)) out[aspect] = level as RatingLevel;
  }
  return out;
}

export type FollowUpFacts = { open: boolean; sectionId: string | null };
export type AppealFacts = { bad: boolean; appealed: boolean; decided: boolean; staffId: string | null };
export type RatingActor = { id: string; sectionId: string | null; followsUp: boolean; wholeBureau: boolean; appeals: boolean; decidesAppeals: boolean };

/**
 * Who answers a follow-up: the responsible section's staff who may follow up, or the director (the
 * whole bureau); only while it is open.
 */
export function mayAnswerFollowUp(f: FollowUpFacts, actor: RatingActor): boolean {
  return f.open && actor.followsUp && (actor.wholeBureau || (f.sectionId !== null && f.sectionId === actor.sectionId));
}

/**
 * A bad rating may be appealed once as mistaken or malicious — by the member of staff it names, or by
 * one who answers for the whole bureau; a supervisor decides an appeal once.
 */
export function ratingAppealActions(r: AppealFacts, actor: RatingActor): ("APPEAL" | "DECIDE_APPEAL")[] {
  const actions: ("APPEAL" | "DECIDE_APPEAL")[] = [];
  if (r.bad && !r.appealed && actor.appeals && (r.staffId === actor.id || actor.wholeBureau)) actions.push("APPEAL");
  if (r.appealed && !r.decided && actor.decidesAppeals) actions.push("DECIDE_APPEAL");
  return actions;
}

/** The actor as the rating rules see them, from their role's permissions. */
export function ratingActor(actor: { id: string; role: Role; sectionId: string | null }): RatingActor {
  return {
    id: actor.id,
    sectionId: actor.sectionId,
    followsUp: can(actor.role, "ratings:follow-up"),
    wholeBureau: can(actor.role, "ratings:whole-bureau"),
    appeals: can(actor.role, "ratings:appeal"),
    decidesAppeals: can(actor.role, "ratings:decide-appeal"),
  };
}
