// Suspending a case's clock (中止) for one of the lawful reasons.
import "server-only";
import type { z } from "zod";
import { checkSuspensionStart } from "@/lib/domain/clock/clock-ledger";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { toDateColumn } from "@/lib/server/date-column";
import { ledgerOf } from "./case-clock";
import { ledgerChange } from "./ledger-change";
import { ZSuspendInput } from "./schemas";

export async function startSuspension(opts: { actor: Actor | null; input: z.input<typeof ZSuspendInput>; now?: Date }) {
  const actor = await requireWorkflowRole(opts.actor, ["SUSPEND"], "startSuspension");
  const input = ZSuspendInput.parse(opts.input);
  return ledgerChange(actor, input.applicationId, "SUSPEND", "clock.suspended", async (tx, app, today) => {
    checkSuspensionStart(ledgerOf(app.clockEntries).suspensions, today);
    await tx.clockEntry.create({ data: { applicationId: app.id, kind: "SUSPENSION", reason: input.reason, note: input.note, startedOn: toDateColumn(today), orderedById: actor.id } });
    return { reason: input.reason, note: input.note, startedOn: today };
  }, opts.now ?? new Date());
}
