// 对账差错处理: the administrator closes one mismatch of a day's reconciliation — what was done
// (a day-boundary difference, a refund to the payer, a record corrected, or another explanation) and
// a note saying so. Recorded once, by the day, code and kind, so running the day again keeps it;
// audited; never changed afterwards (the table is append-only).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { isPlainDate, type PlainDate } from "@/lib/domain/calendar/working-days";
import { MISMATCH_KINDS, MISMATCH_RESOLUTIONS, resolutionsFor, type Mismatch } from "@/lib/domain/fees/fees";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { toDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";

export const ZResolveMismatchInput = z.object({
  day: z.string().refine(isPlainDate, "payments.day"),
  code: z.string().trim().min(1).max(40),
  kind: z.enum(MISMATCH_KINDS),
  resolution: z.enum(MISMATCH_RESOLUTIONS, "payments.resolution"),
  note: z.string().trim().min(4, "payments.note").max(500, "payments.note"),
});

export async function resolveMismatch(opts: { actor: Actor | null; input: z.input<typeof ZResolveMismatchInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "payments:administer", "resolveMismatch");
  const input = ZResolveMismatchInput.parse(opts.input);
  const day = toDateColumn(input.day as PlainDate);
  const run = await db().reconciliationRun.findUnique({ where: { day }, select: { id: true, mismatches: true } });
  // Only a mismatch the day's (latest) run raised can be closed.
  if (!run || !(run.mismatches as Mismatch[]).some((m) => m.code === input.code && m.kind === input.kind)) throw new AppError("NOT_FOUND", "mismatch");
  if (!resolutionsFor(input.kind).includes(input.resolution)) throw new AppError("VALIDATION", "payments.resolution", { fieldErrors: { resolution: "payments.resolutionMisfit" } });
  try {
    return await db().$transaction(async (tx) => {
      const closed = await tx.mismatchResolution.create({
        data: { day, code: input.code, kind: input.kind, resolution: input.resolution, note: input.note, resolvedById: actor.id, resolvedAt: opts.now ?? new Date() },
        select: { id: true },
      });
      await recordAuditEvent(tx, {
        actor,
        action: "payments.mismatch.resolved",
        entityType: "ReconciliationRun",
        entityId: run.id,
        after: { day: input.day, code: input.code, kind: input.kind, resolution: input.resolution, note: input.note },
      });
      return { id: closed.id };
    });
  } catch (e) {
    // Closed meanwhile by another administrator (or a double click): the first one stands.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("MISMATCH_CLOSED");
    throw e;
  }
}
