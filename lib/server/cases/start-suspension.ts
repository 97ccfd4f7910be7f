// Suspending a case's clock (中止) for one of the lawful reasons; for those of art. 45 the applicant
// gets the special-procedure notice (特别程序告知书) under the seal: why, from when, for how long.
import "server-only";
import type { z } from "zod";
import { checkSuspensionStart, needsSpecialProcedureNotice, SUSPENSION_REASON_TEXT } from "@/lib/domain/clock/clock-ledger";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { postMessage, type MessageParams } from "@/lib/server/applications/transition";
import { toDateColumn } from "@/lib/server/date-column";
import { sealDocument } from "@/lib/server/seals/seal-document";
import { ledgerOf } from "./case-clock";
import { ledgerChange } from "./ledger-change";
import { ZSuspendInput } from "./schemas";

export const SPECIAL_PROCEDURE = "SPECIAL_PROCEDURE";

export async function startSuspension(opts: { actor: Actor | null; input: z.input<typeof ZSuspendInput>; now?: Date }) {
  const actor = await requireWorkflowRole(opts.actor, ["SUSPEND"], "startSuspension");
  const input = ZSuspendInput.parse(opts.input);
  const now = opts.now ?? new Date();
  const result = await ledgerChange(actor, input.applicationId, "SUSPEND", "clock.suspended", async (tx, app, today) => {
    checkSuspensionStart(ledgerOf(app.clockEntries).suspensions, today);
    const entry = await tx.clockEntry.create({
      data: { applicationId: app.id, kind: "SUSPENSION", reason: input.reason, note: input.note, expectedDays: input.expectedDays ?? null, startedOn: toDateColumn(today), orderedById: actor.id },
    });
    if (needsSpecialProcedureNotice(input.reason)) {
      const reason = SUSPENSION_REASON_TEXT[input.reason];
      const notice = await sealDocument(tx, {
        kind: "SPECIAL_PROCEDURE",
        key: `SPECIAL_PROCEDURE:${entry.id}`,
        applicationId: app.id,
        actor,
        now,
        record: { application: app.number, item: app.itemVersion.name, reason, note: input.note, startedOn: today, expectedDays: input.expectedDays ?? null },
      });
      const params: MessageParams = { number: app.number ?? "", item: app.itemVersion.name, reason, startedOn: today, days: input.expectedDays ? String(input.expectedDays) : "—", notice: notice?.number ?? "" };
      await postMessage(tx, { userId: app.applicantId, applicationId: app.id, kind: SPECIAL_PROCEDURE, params });
    }
    return { reason: input.reason, note: input.note, startedOn: today, expectedDays: input.expectedDays ?? null };
  }, now);
  return result;
}
