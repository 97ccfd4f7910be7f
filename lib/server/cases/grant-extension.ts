// Granting an extension (延期) of a case's time limit.
import "server-only";
import type { z } from "zod";
import { checkExtension } from "@/lib/domain/clock/clock-ledger";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { toDateColumn } from "@/lib/server/date-column";
import { ledgerOf } from "./case-clock";
import { ledgerChange } from "./ledger-change";
import { ZExtensionInput } from "./schemas";

/** 延期: only a chief or the director approves it, with a written reason, within the legal limit. */
export async function grantExtension(opts: { actor: Actor | null; input: z.input<typeof ZExtensionInput>; now?: Date }) {
  const actor = await requireWorkflowRole(opts.actor, ["EXTEND"], "grantExtension");
  const input = ZExtensionInput.parse(opts.input);
  return ledgerChange(actor, input.applicationId, "EXTEND", "clock.extended", async (tx, app, today) => {
    checkExtension(ledgerOf(app.clockEntries).extensions, input.days);
    await tx.clockEntry.create({ data: { applicationId: app.id, kind: "EXTENSION", days: input.days, note: input.note, startedOn: toDateColumn(today), orderedById: actor.id } });
    return { days: input.days, note: input.note };
  }, opts.now ?? new Date());
}
