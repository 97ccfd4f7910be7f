// The administrator's view of the bank channel: recent payment notices and the daily reconciliation
// runs with their mismatches (newest first) and how each was closed.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { resolutionsFor, type Mismatch, type MismatchResolution } from "@/lib/domain/fees/fees";
import { requirePermission } from "@/lib/server/auth/actor";
import { fromDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";

export const PAYMENT_STATE_FILTER = ["ALL", "ISSUED", "PAID", "EXPIRED", "CANCELLED"] as const;
export const ZListPayments = z.object({ state: z.enum(PAYMENT_STATE_FILTER).optional().catch(undefined) });

export async function listPayments(opts: { actor: Actor | null; input?: { state?: string } }) {
  await requirePermission(opts.actor, "payments:administer", "listPayments");
  const state = ZListPayments.parse(opts.input ?? {}).state ?? "ALL";
  const [notices, runs, counts] = await Promise.all([
    db().paymentNotice.findMany({
      where: state === "ALL" ? {} : { state },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, code: true, amountFen: true, state: true, dueDate: true, createdAt: true, registeredAt: true, paidAt: true, bankRef: true, confirmedBy: true, application: { select: { id: true, number: true, itemVersion: { select: { name: true } } } } },
    }),
    db().reconciliationRun.findMany({ orderBy: { day: "desc" }, take: 30 }),
    db().paymentNotice.groupBy({ by: ["state"], _count: { _all: true }, _sum: { amountFen: true } }),
  ]);
  // How each mismatch of these days was closed (对账差错处理), if it was.
  const closed = await db().mismatchResolution.findMany({
    where: { day: { in: runs.map((r) => r.day) } },
    select: { day: true, code: true, kind: true, resolution: true, note: true, resolvedAt: true, resolvedBy: { select: { name: true } } },
  });
  const closedOf = new Map(closed.map((c) => [`${fromDateColumn(c.day)}|${c.code}|${c.kind}`, { resolution: c.resolution as MismatchResolution, note: c.note, at: c.resolvedAt, by: c.resolvedBy.name }]));
  return {
    state,
    counts: counts.map((c) => ({ state: c.state, count: c._count._all, amountFen: c._sum.amountFen ?? 0 })),
    notices: notices.map((n) => ({ ...n, dueDate: fromDateColumn(n.dueDate) })),
    runs: runs.map((r) => {
      const day = fromDateColumn(r.day);
      const mismatches = (r.mismatches as Mismatch[]).map((m) => ({ ...m, closed: closedOf.get(`${day}|${m.code}|${m.kind}`) ?? null, ways: resolutionsFor(m.kind) }));
      return { id: r.id, day, bankRows: r.bankRows, bureauRows: r.bureauRows, mismatches, open: mismatches.filter((m) => !m.closed).length, at: r.updatedAt };
    }),
  };
}
