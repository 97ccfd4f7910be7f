// 好差评: recording one rating of one service, by each of its three ways in — the applicant on the
// portal (an online filing, once answered), a phone opening the QR link on the window's receipt, and
// the window's tablet facing the applicant right after the visit. One rating per service (a unique
// key; a second is refused), tied to the member of staff who served and their window. A bad rating
// opens its follow-up, due in working days, in the same transaction. Never blocks anything else.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { applicantIdOf } from "@/lib/domain/access/actor";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { aspectsOf, bundleVisitCertificate, followUpDue, INTAKE_VISIT, isBadRating, onlineServiceRateable, parseVisit, pickupVisit, RATING_LEVELS, serviceKey, visitId, VISIT_MINUTES, pickupIsOwnVisit, type RatedService, type RatingChannel, type WindowVisit } from "@/lib/domain/ratings/ratings";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { fromDateColumn, toDateColumn } from "@/lib/server/date-column";
import { db, type Tx } from "@/lib/server/db";
import { groupedFields } from "@/lib/server/form-fields";
import { publicUrl } from "@/lib/server/public-url";
import { linkKey, linkKeyMatches } from "@/lib/server/link-key";
import { refreshCardsLater } from "@/lib/server/applications/transition";
import { queueNotice } from "@/lib/server/notifications/outbox";
import { CARD_PEOPLE_ROLES, cardPeople } from "@/lib/domain/supervision/cards";
import { Prisma } from "@/prisma/generated/client";

export const ZRatingInput = z.object({
  level: z.enum(RATING_LEVELS, "rating.level"),
  comment: z.string().trim().max(500, "rating.comment").default(""),
  anonymous: z.enum(["on"]).optional(),
  /** The guide's aspects: { efficiency: "SATISFIED", … } (unknown ones are dropped). */
  aspects: z.record(z.string(), z.string()).default({}),
});
export type RatingInput = z.input<typeof ZRatingInput>;

const SERVED = {
  id: true,
  number: true,
  state: true,
  channel: true,
  applicantId: true,
  acceptedById: true,
  acceptedAt: true,
  decidedById: true,
  itemVersionId: true,
  item: { select: { sectionId: true } },
  itemVersion: { select: { name: true } },
} as const;

type Served = Prisma.ApplicationGetPayload<{ select: typeof SERVED }>;

/** How a rating link reached the applicant: the receipt's QR code (PHONE) or an SMS after the visit. */
type LinkChannel = Extract<RatingChannel, "PHONE" | "SMS">;
const linkSubject = (applicationId: string, via: LinkChannel, visit: string) => `rating:${applicationId}:${visit}${via === "SMS" ? ":sms" : ""}`;

/** The key a rating link carries: only the bureau can make it, and it opens only this visit's rating. */
export function ratingToken(applicationId: string, via: LinkChannel = "PHONE", visit: string = INTAKE_VISIT): string {
  return linkKey(linkSubject(applicationId, via, visit));
}

/** The rating page of a visit (the intake's link names no visit, as receipts printed before did). */
export function ratingPath(applicationId: string, via: LinkChannel = "PHONE", visit: string = INTAKE_VISIT): string {
  return `/rate/${applicationId}?t=${ratingToken(applicationId, via, visit)}${visit === INTAKE_VISIT ? "" : `&v=${visit}`}`;
}

/** Which link the key belongs to (so the rating records how it came), or null for a wrong key. */
function linkChannelOf(applicationId: string, token: string, visit: string): LinkChannel | null {
  for (const via of ["PHONE", "SMS"] as const) if (linkKeyMatches(linkSubject(applicationId, via, visit), token)) return via;
  return null;
}

/**
 * After a visit to the window, the applicant gets the rating link by SMS too (in the acceptance's
 * transaction): whoever did not scan the receipt's code can still rate the visit, once.
 */
export async function inviteWindowRating(tx: Tx, app: { id: string; number: string | null; channel: string; applicantId: string }): Promise<void> {
  if (app.channel !== "WINDOW") return;
  const link = await publicUrl(ratingPath(app.id, "SMS"));
  await queueNotice(tx, { userId: app.applicantId, kind: "RATING_INVITE", channels: ["SMS"], text: `【广安区行政审批局】感谢您到窗口办理（办件编号 ${app.number ?? ""}）。欢迎对本次服务作出评价（好差评）：${link}` });
}

/**
 * 领证 is a visit of its own (一次一评): after a certificate is handed over at the window, in the same
 * transaction, the applicant gets the link to rate that visit — whichever way they filed.
 */
export async function invitePickupRating(tx: Tx, c: { id: string; number: string; application: { id: string; applicantId: string } }, bundle?: { name: string; certificates: number }): Promise<void> {
  const link = await publicUrl(ratingPath(c.application.id, "SMS", pickupVisit(c.id)));
  const what = bundle ? `“${bundle.name}”的证照（共 ${bundle.certificates} 件）` : `证照（${c.number}）`;
  await queueNotice(tx, { userId: c.application.applicantId, kind: "RATING_INVITE", channels: ["SMS"], text: `【广安区行政审批局】您已在窗口领取${what}。欢迎对本次领证服务作出评价（好差评）：${link}` });
}

async function record(o: { app: Served; service: RatedService; visit?: string; channel: RatingChannel; staffId: string | null; raterId: string | null; input: z.infer<typeof ZRatingInput>; now: Date }) {
  const { app, input, now } = o;
  const staff = o.staffId ? await db().user.findUnique({ where: { id: o.staffId }, select: { serviceWindow: true } }) : null;
  const cal = isBadRating(input.level) ? await loadWorkingCalendar() : null;
  try {
    return await db().$transaction(async (tx) => {
      const rating = await tx.rating.create({
        data: {
          serviceKey: serviceKey(o.service, app.id, o.visit),
          service: o.service,
          applicationId: app.id,
          itemVersionId: app.itemVersionId,
          channel: o.channel,
          staffId: o.staffId,
          window: o.service === "WINDOW" ? (staff?.serviceWindow ?? "") : "",
          raterId: o.raterId,
          level: input.level,
          aspects: aspectsOf(o.service, input.aspects),
          comment: input.comment,
          createdAt: now,
        },
      });
      const followUp = cal
        ? await tx.ratingFollowUp.create({ data: { ratingId: rating.id, sectionId: app.item.sectionId, dueOn: toDateColumn(followUpDue(cal, toPlainDate(now), env().RATING_FOLLOW_UP_DAYS)), createdAt: now } })
        : null;
      if (followUp) {
        // The section's chief hears of it at once; its yellow and red cards follow its due date.
        const chief = app.item.sectionId ? cardPeople(await tx.user.findMany({ where: { active: true, sectionId: app.item.sectionId, role: { in: [...CARD_PEOPLE_ROLES] } }, select: { id: true, role: true, sectionId: true }, orderBy: { createdAt: "asc" } })).chiefOf.get(app.item.sectionId) : undefined;
        const text = `【广安区行政审批局】办件 ${app.number ?? ""}（${app.itemVersion.name}）收到差评，请于 ${fromDateColumn(followUp.dueOn)} 前核实、整改或解释并答复。`;
        if (chief) await queueNotice(tx, { userId: chief, kind: "RATING_FOLLOW_UP", text });
        await refreshCardsLater(tx, app.id);
      }
      await recordAuditEvent(tx, {
        actor: null,
        action: "rating.recorded",
        entityType: "Application",
        entityId: app.id,
        meta: { rating: rating.id, service: o.service, channel: o.channel, level: input.level, staffId: o.staffId, anonymous: o.raterId === null, followUp: followUp?.id ?? null },
      });
      return { id: rating.id, followUp: followUp ? { id: followUp.id, dueOn: fromDateColumn(followUp.dueOn) } : null };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("ALREADY_HANDLED", "already rated");
    throw e;
  }
}

/** The applicant rates their online filing once the bureau has answered it. */
export async function rateOnlineService(opts: { actor: Actor | null; applicationId: string; input: RatingInput; now?: Date }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "rateOnlineService");
  const input = ZRatingInput.parse(opts.input);
  const app = await db().application.findFirst({ where: { id: opts.applicationId, applicantId: applicantIdOf(actor) }, select: SERVED });
  if (!app) throw new AppError("NOT_FOUND", "application");
  if (!onlineServiceRateable(app.state)) throw new AppError("NOT_RATEABLE", "not answered yet");
  return record({ app, service: "ONLINE", channel: "WEB", staffId: app.decidedById ?? app.acceptedById, raterId: input.anonymous ? null : actor.id, input, now: opts.now ?? new Date() });
}

/** A visit to the window, rated from the receipt's QR link or the SMS link on a phone (no sign-in; anonymous). */
export async function rateWindowVisitByLink(opts: { applicationId: string; token: string; visit?: string; input: RatingInput; now?: Date }) {
  const input = ZRatingInput.parse(opts.input);
  const found = await windowVisitByLink(opts.applicationId, opts.token, opts.visit);
  if (!found) throw new AppError("NOT_FOUND", "rating link");
  return record({ app: found.app, service: "WINDOW", visit: visitId(found.visit), channel: found.via, staffId: found.staffId, raterId: null, input, now: opts.now ?? new Date() });
}

/** The window's tablet, facing the applicant: the clerk's just-finished visit (an intake, or a pick-up). */
export async function rateWindowVisitOnDevice(opts: { actor: Actor | null; applicationId: string; visit?: string; input: RatingInput; now?: Date }) {
  const actor = await requirePermission(opts.actor, "intake:work", "rateWindowVisitOnDevice");
  const input = ZRatingInput.parse(opts.input);
  const visit = parseVisit(opts.visit);
  const found = visit && (await windowVisitOf(opts.applicationId, visit));
  if (!visit || !found || found.staffId !== actor.id) throw new AppError("NOT_FOUND", "visit of another clerk");
  return record({ app: found.app, service: "WINDOW", visit: visitId(visit), channel: "WINDOW_DEVICE", staffId: actor.id, raterId: input.anonymous ? null : found.app.applicantId, input, now: opts.now ?? new Date() });
}

/** What a rating page shows of the service: its number and item, which visit, and whether it was rated already. */
export async function ratingTarget(opts: { applicationId: string; token: string; visit?: string }) {
  const found = await windowVisitByLink(opts.applicationId, opts.token, opts.visit);
  if (!found) throw new AppError("NOT_FOUND", "rating link");
  const rated = await db().rating.count({ where: { serviceKey: serviceKey("WINDOW", found.app.id, visitId(found.visit)) } });
  return { ...shownVisit(found.app, found.visit, found.certificateNumber, found.bundle), rated: rated > 0 };
}

/** How a visit is named on the rating page and the tablet: a bundle's hand-over by the bundle's number and name. */
function shownVisit(app: { number: string | null; itemVersion: { name: string } }, visit: WindowVisit, certificateNumber: string | null, bundle: BundleHandover | null) {
  if (bundle) return { visit: "BUNDLE_PICKUP" as const, number: bundle.number, itemName: bundle.name, certificateNumber: null };
  return { visit: visit.kind, number: app.number, itemName: app.itemVersion.name, certificateNumber };
}

type BundleHandover = { number: string | null; name: string };

/**
 * The tablet's service: this clerk's latest visit of the last half hour not yet rated — an intake at
 * the window, or a certificate they handed over (a pick-up in the intake's own sitting is that visit).
 */
export async function lastWindowService(opts: { actor: Actor | null; now?: Date }) {
  const actor = await requirePermission(opts.actor, "intake:work", "lastWindowService");
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - VISIT_MINUTES * 60_000);
  const [intake, handovers] = await Promise.all([
    db().application.findFirst({
      where: { acceptedById: actor.id, channel: "WINDOW", acceptedAt: { gte: since }, ratings: { none: { serviceKey: { endsWith: `:VISIT:${INTAKE_VISIT}` } } } },
      orderBy: { acceptedAt: "desc" },
      select: { id: true, number: true, acceptedAt: true, itemVersion: { select: { name: true } }, applicant: { select: { name: true } } },
    }),
    db().certificate.findMany({
      where: { deliveredById: actor.id, deliveredAt: { gte: since } },
      // A bundle's hand-over gives all its certificates one time: in this order they come together,
      // lowest number first, so each hand-over that shows here shows its visit certificate.
      orderBy: [{ deliveredAt: "desc" }, { number: "asc" }],
      take: 10,
      select: {
        id: true,
        number: true,
        deliveredAt: true,
        application: { select: { id: true, number: true, channel: true, acceptedById: true, acceptedAt: true, itemVersion: { select: { name: true } }, applicant: { select: { name: true } }, bundleFiling: BUNDLE_HANDOVER } },
      },
    }),
  ]);
  // One visit per hand-over: a bundle's certificates are not offered one by one.
  const together = (c: (typeof handovers)[number]) => handovers.filter((o) => o.deliveredAt!.getTime() === c.deliveredAt!.getTime() && o.application.bundleFiling?.id === c.application.bundleFiling?.id);
  const visits = handovers.filter((c) => !c.application.bundleFiling || bundleVisitCertificate(together(c)) === c);
  const keyOf = (c: (typeof handovers)[number]) => serviceKey("WINDOW", c.application.id, pickupVisit(c.id));
  const rated = new Set((await db().rating.findMany({ where: { serviceKey: { in: visits.map(keyOf) } }, select: { serviceKey: true } })).map((r) => r.serviceKey));
  const pickup = visits.find((c) => !rated.has(keyOf(c)) && pickupIsOwnVisit(c.application, { by: actor.id, at: c.deliveredAt! }));
  if (pickup && (!intake || pickup.deliveredAt! > intake.acceptedAt!)) {
    const a = pickup.application;
    const shown = shownVisit(a, { kind: "PICKUP", certificateId: pickup.id }, pickup.number, a.bundleFiling && bundleHandover(a.bundleFiling));
    return { id: a.id, visit: pickupVisit(pickup.id), kind: shown.visit, number: shown.number, itemName: shown.itemName, applicantName: a.applicant.name, certificateNumber: shown.certificateNumber };
  }
  return intake && { id: intake.id, visit: INTAKE_VISIT, kind: "INTAKE" as const, number: intake.number, itemName: intake.itemVersion.name, applicantName: intake.applicant.name, certificateNumber: null };
}

const BUNDLE_HANDOVER = { select: { id: true, number: true, bundle: { select: { name: true } } } } as const;
const bundleHandover = (b: { number: string | null; bundle: { name: string } }): BundleHandover => ({ number: b.number, name: b.bundle.name });

/** The visit a link names, if its key is right for it: the application, who served, and how the link came. */
async function windowVisitByLink(applicationId: string, token: string, visitParam: string | undefined) {
  const visit = parseVisit(visitParam);
  if (!visit) return null;
  const found = await windowVisitOf(applicationId, visit);
  const via = found && linkChannelOf(found.app.id, token, visitId(visit));
  return found && via ? { ...found, visit, via } : null;
}

/**
 * A visit to the window and who served it: an intake at the window (the clerk who accepted it), or
 * the pick-up of one of the application's certificates (the clerk who handed it over).
 */
async function windowVisitOf(applicationId: string, visit: WindowVisit): Promise<{ app: Served; staffId: string; certificateNumber: string | null; bundle: BundleHandover | null } | null> {
  const app = await db().application.findUnique({ where: { id: applicationId }, select: SERVED });
  if (!app) return null;
  if (visit.kind === "INTAKE") return app.channel === "WINDOW" && app.acceptedById ? { app, staffId: app.acceptedById, certificateNumber: null, bundle: null } : null;
  const c = await db().certificate.findFirst({
    where: { id: visit.certificateId, applicationId: app.id, deliveredAt: { not: null } },
    select: { id: true, number: true, deliveredById: true, deliveredAt: true, application: { select: { bundleFiling: BUNDLE_HANDOVER } } },
  });
  if (!c?.deliveredById) return null;
  const filing = c.application.bundleFiling;
  if (!filing) return { app, staffId: c.deliveredById, certificateNumber: c.number, bundle: null };
  // A bundle's one hand-over is one visit, named by its visit certificate only (never one per certificate).
  const together = await db().certificate.findMany({ where: { application: { bundleFilingId: filing.id }, deliveredAt: c.deliveredAt }, select: { id: true, number: true } });
  return bundleVisitCertificate(together)?.id === c.id ? { app, staffId: c.deliveredById, certificateNumber: null, bundle: bundleHandover(filing) } : null;
}

/** A rating form's flat fields ("aspect.efficiency" …) as the service's input. */
export function ratingInputOf(formData: FormData): RatingInput & Record<string, unknown> {
  const { fields, group } = groupedFields(formData, "aspect.");
  // An aspect left unchosen ("") is not given.
  const aspects = Object.fromEntries(Object.entries(group).filter(([, level]) => level));
  return { ...fields, aspects } as RatingInput & Record<string, unknown>;
}

/**
 * The applicant's own online filing: whether it can be rated now, and whether it was. Only the
 * applicant rates; anyone else (an agent following it, 帮办代办) is offered nothing.
 */
export async function onlineRatingState(opts: { actor: Actor | null; applicationId: string }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "onlineRatingState");
  const app = await db().application.findFirst({
    where: { id: opts.applicationId, applicantId: applicantIdOf(actor) },
    select: { state: true, ratings: { where: { serviceKey: serviceKey("ONLINE", opts.applicationId) }, select: { id: true } } },
  });
  if (!app) return { rateable: false, rated: false };
  const rated = app.ratings.length > 0;
  return { rateable: onlineServiceRateable(app.state) && !rated, rated };
}

/** The receipt's rating link for a visit to the window (none for a filing made online). */
export function windowRatingPath(app: { id: string; channel: string; acceptedAt: Date | null }): string | null {
  return app.channel === "WINDOW" && app.acceptedAt ? ratingPath(app.id) : null;
}
