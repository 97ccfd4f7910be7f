// Ending a case's open suspension, so its clock runs again.
import "server-only";
import type { z } from "zod";
import { checkSuspensionEnd } from "@/lib/domain/clock/clock-ledger";
import { AppError } from "@/lib/errors";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { fromDateColumn, toDateColumn } from "@/lib/server/date-column";
import { ledgerChange } from "./ledger-change";
import { ZEndSuspensionInput } from "./schemas";

export async function endSuspension(opts: { actor: Actor | null; input: z.input<typeof ZEndSuspensionInput>; now?: Date }) {
  const actor = await requireWorkflowRole(opts.actor, ["RESUME"], "endSuspension");
  const input = ZEndSuspensionInput.parse(opts.input);
  return ledgerChange(actor, input.applicationId, "RESUME", "clock.resumed", async (tx, app, today) => {
    const open = app.clockEntries.find((e) => e.kind === "SUSPENSION" && e.endedOn === null);
    if (!open) throw new AppError("NOT_SUSPENDED");
    checkSuspensionEnd({ startedOn: fromDateColumn(open.startedOn), endedOn: null }, today);
    await tx.clockEntry.update({ where: { id: open.id }, data: { endedOn: toDateColumn(today), endedById: actor.id } });
    return { suspension: open.id, endedOn: today };
  }, opts.now ?? new Date());
}
