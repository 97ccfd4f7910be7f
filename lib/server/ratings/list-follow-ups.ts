// The follow-ups (差评整改) a person sees: their section's open ones (the director and supervisors:
// the whole bureau's), soonest due first, each with its mark on the bureau calendar and whether this
// actor may answer it; answered ones on request, for the record.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { dueMark } from "@/lib/domain/clock/clock-ledger";
import { mayAnswerFollowUp, ratingActor } from "@/lib/domain/ratings/ratings";
import { env } from "@/lib/env";
import { requirePermission } from "@/lib/server/auth/actor";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { db } from "@/lib/server/db";

export const ZFollowUpsFilter = z.object({ answered: z.enum(["1"]).optional().catch(undefined) });

export async function listFollowUps(opts: { actor: Actor | null; filter?: z.input<typeof ZFollowUpsFilter>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "ratings:follow-up", "listFollowUps");
  const filter = ZFollowUpsFilter.parse(opts.filter ?? {});
  const me = ratingActor(actor);
  const whole = me.wholeBureau;
  const [cal, rows] = await Promise.all([
    loadWorkingCalendar(),
    db().ratingFollowUp.findMany({
      where: { answeredAt: filter.answered ? { not: null } : null, ...(whole ? {} : { sectionId: actor.sectionId ?? "" }) },
      orderBy: filter.answered ? { answeredAt: "desc" } : { dueOn: "asc" },
      take: 100,
      include: { rating: { select: { level: true, comment: true, channel: true, createdAt: true, application: { select: { id: true, number: true, itemVersion: { select: { name: true } } } } } } },
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
      };
    }),
    filter,
  };
}
