// 差评整改 and appeals: the responsible section verifies a bad rating with the applicant, rectifies or
// explains, and replies, which closes the follow-up; staff may appeal a bad rating as mistaken or
// malicious, and a supervisor decides — an upheld appeal takes the rating out of the figures but
// keeps it on record. Each step guarded by the state it found, and audited.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { isBadRating, mayAnswerFollowUp, ratingActor, ratingAppealActions } from "@/lib/domain/ratings/ratings";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { fromDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";

export const ZAnswerFollowUpInput = z.object({
  followUpId: z.string().min(1).max(60),
  verified: z.enum(["on"], "rating.verified"),
  answer: z.string().trim().min(2, "rating.answer").max(2000, "rating.answer"),
});
export const ZAppealRatingInput = z.object({ ratingId: z.string().min(1).max(60), reason: z.string().trim().min(2, "rating.appealReason").max(1000, "rating.appealReason") });
export const ZDecideAppealInput = z.object({ ratingId: z.string().min(1).max(60), uphold: z.enum(["yes", "no"], "rating.uphold") });

export async function answerFollowUp(opts: { actor: Actor | null; input: z.input<typeof ZAnswerFollowUpInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "ratings:follow-up", "answerFollowUp");
  const input = ZAnswerFollowUpInput.parse(opts.input);
  const now = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    const f = await tx.ratingFollowUp.findUnique({ where: { id: input.followUpId }, include: { rating: { select: { applicationId: true } } } });
    if (!f) throw new AppError("NOT_FOUND", "follow-up");
    if (!mayAnswerFollowUp({ open: f.answeredAt === null, sectionId: f.sectionId }, ratingActor(actor))) {
      throw new AppError(f.answeredAt ? "ALREADY_HANDLED" : "FORBIDDEN", "follow-up");
    }
    const { count } = await tx.ratingFollowUp.updateMany({ where: { id: f.id, answeredAt: null }, data: { verifiedAt: now, answer: input.answer, answeredById: actor.id, answeredAt: now } });
    if (count !== 1) throw new AppError("ALREADY_HANDLED", "follow-up");
    // Its yellow or red card closes with the answer.
    const cards = await tx.card.updateManyAndReturn({ where: { kind: "RATING_FOLLOW_UP", subject: f.id, closedAt: null }, data: { closedAt: now }, select: { kind: true, colour: true } });
    for (const c of cards) await recordAuditEvent(tx, { actor, action: "card.closed", entityType: "Application", entityId: f.rating.applicationId, meta: { kind: c.kind, colour: c.colour, subject: f.id, reason: "answered" } });
    await recordAuditEvent(tx, { actor, action: "rating.followUpAnswered", entityType: "Application", entityId: f.rating.applicationId, meta: { followUp: f.id, answer: input.answer, late: toPlainDate(now) > fromDateColumn(f.dueOn) } });
    return { id: f.id };
  });
}

export async function appealRating(opts: { actor: Actor | null; input: z.input<typeof ZAppealRatingInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "ratings:appeal", "appealRating");
  const input = ZAppealRatingInput.parse(opts.input);
  const now = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    const r = await tx.rating.findUnique({ where: { id: input.ratingId } });
    if (!r) throw new AppError("NOT_FOUND", "rating");
    const actions = ratingAppealActions({ bad: isBadRating(r.level), appealed: r.appealedAt !== null, decided: r.appealDecidedAt !== null, staffId: r.staffId }, ratingActor(actor));
    if (!actions.includes("APPEAL")) throw new AppError(r.appealedAt ? "ALREADY_HANDLED" : "FORBIDDEN", "appeal");
    const { count } = await tx.rating.updateMany({ where: { id: r.id, appealedAt: null }, data: { appealReason: input.reason, appealedById: actor.id, appealedAt: now } });
    if (count !== 1) throw new AppError("ALREADY_HANDLED", "appeal");
    await recordAuditEvent(tx, { actor, action: "rating.appealed", entityType: "Application", entityId: r.applicationId, meta: { rating: r.id, reason: input.reason } });
    return { id: r.id };
  });
}

export async function decideRatingAppeal(opts: { actor: Actor | null; input: z.input<typeof ZDecideAppealInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "ratings:decide-appeal", "decideRatingAppeal");
  const input = ZDecideAppealInput.parse(opts.input);
  const now = opts.now ?? new Date();
  const uphold = input.uphold === "yes";
  return db().$transaction(async (tx) => {
    const r = await tx.rating.findUnique({ where: { id: input.ratingId } });
    if (!r) throw new AppError("NOT_FOUND", "rating");
    const actions = ratingAppealActions({ bad: isBadRating(r.level), appealed: r.appealedAt !== null, decided: r.appealDecidedAt !== null, staffId: r.staffId }, ratingActor(actor));
    if (!actions.includes("DECIDE_APPEAL")) throw new AppError("ALREADY_HANDLED", "appeal");
    const { count } = await tx.rating.updateMany({
      where: { id: r.id, appealDecidedAt: null },
      data: { appealDecidedById: actor.id, appealUpheld: uphold, appealDecidedAt: now, ...(uphold ? { excludedAt: now } : {}) },
    });
    if (count !== 1) throw new AppError("ALREADY_HANDLED", "appeal");
    await recordAuditEvent(tx, { actor, action: uphold ? "rating.appealUpheld" : "rating.appealDismissed", entityType: "Application", entityId: r.applicationId, meta: { rating: r.id } });
    return { id: r.id, excluded: uphold };
  });
}
