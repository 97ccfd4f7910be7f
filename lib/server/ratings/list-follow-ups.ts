// The follow-ups (差评整改) a person sees: their section's and those of ratings naming them (the
// director and supervisors: the whole bureau's), open ones soonest due first, each with its mark on
// the bureau calendar and what this actor may do — answer it, appeal its rating, decide an appeal;
// answered ones and appeals awaiting a decision on request.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { dueMark } from "@/lib/domain/clock/clock-ledger";
import { isBadRating, mayAnswerFollowUp, ratingActor, ratingAppealActions } from "@/lib/domain/ratings/ratings";
import { env } from "@/lib/env";
import { requirePermission } from "@/lib/server/auth/actor";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/prisma/generated/client";

export const FOLLOW_UP_VIEWS = ["open", "answered", "appeals"] as const;
export const ZFollowUpsFilter = z.object({ view: z.enum(FOLLOW_UP_VIEWS).catch("open").default("open") });

export async function listFollowUps(opts: { actor: Actor | null; filter?: z.input<typeof ZFollowUpsFilter>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "ratings:read", "listFollowUps");
  const filter = ZFollowUpsFilter.parse(opts.filter ?? {});
  const me = ratingActor(actor);
  const scope: Prisma.RatingFollowUpWhereInput = me.wholeBureau
    ? {}
    : { OR: [{ rating: { staffId: actor.id } }, ...(me.followsUp ? [{ sectionId: actor.sectionId ?? "" }] : [])] };
  const view: Prisma.RatingFollowUpWhereInput =
    filter.view === "appeals" ? { rating: { appealedAt: { not: null }, appealDecidedAt: null } } : { answeredAt: filter.view === "answered" ? { not: null } : null };
  const [cal, rows] = await Promise.all([
    loadWorkingCalendar(),
    db().ratingFollowUp.findMany({
      where: { AND: [scope, view] },
      orderBy: filter.view === "answered" ? { answeredAt: "desc" } : { dueOn: "asc" },
      take: 100,
      include: {
        rating: {
          select: {
            id: true,
            level: true,
            comment: true,
            channel: true,
            createdAt: true,
            staffId: true,
            appealReason: true,
            appealedAt: true,
            appealDecidedAt: true,
            appealUpheld: true,
            application: { select: { id: true, number: true, itemVersion: { select: { name: true } } } },
          },
        },
      },
    }),
  ]);
  const today = toPlainDate(opts.now ?? new Date());
  return {
    rows: rows.map((f) => {
      const due = f.dueOn.toISOString().slice(0, 10);
      return {
        id: f.id,
        dueOn: due,
        mark: f.answeredAt ? ("ok" as const) : dueMark(cal, today, due, env().DUE_WARNING_DAYS),
        answer: f.answer,
        answeredAt: f.answeredAt,
        level: f.rating.level,
        comment: f.rating.comment,
        channel: f.rating.channel,
        ratedAt: f.rating.createdAt,
        applicationId: f.rating.application.id,
        number: f.rating.application.number,
        itemName: f.rating.application.itemVersion.name,
        mayAnswer: mayAnswerFollowUp({ open: f.answeredAt === null, sectionId: f.sectionId }, me),
        ratingId: f.rating.id,
        appealReason: f.rating.appealReason,
        appealUpheld: f.rating.appealUpheld,
        appealActions: ratingAppealActions({ bad: isBadRating(f.rating.level), appealed: f.rating.appealedAt !== null, decided: f.rating.appealDecidedAt !== null, staffId: f.rating.staffId }, me),
      };
    }),
    filter,
  };
}
