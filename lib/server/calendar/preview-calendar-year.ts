// What publishing a year would do, shown to the administrator before they confirm: how many open
// cases move, and by how much. Nothing is written.
import "server-only";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { planCalendarYear, summarisePlan } from "./plan-calendar-year";
import type { TCalendarYearInput } from "./schemas";

export async function previewCalendarYear(opts: { actor: Actor | null; input: TCalendarYearInput; now?: Date }) {
  await requirePermission(opts.actor, "calendar:administer", "previewCalendarYear");
  const plan = await db().$transaction((tx) => planCalendarYear(tx, opts.input, opts.now ?? new Date()), { isolationLevel: "RepeatableRead" });
  return summarisePlan(plan);
}
