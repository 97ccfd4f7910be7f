// Recording a site survey (现场勘查) on a case's ledger.
import "server-only";
import type { z } from "zod";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { toDateColumn } from "@/lib/server/date-column";
import { ledgerChange } from "./ledger-change";
import { ZSurveyInput } from "./schemas";

/** 现场勘查: on the record, but the clock keeps running. */
export async function recordSurvey(opts: { actor: Actor | null; input: z.input<typeof ZSurveyInput>; now?: Date }) {
  const actor = await requireWorkflowRole(opts.actor, ["SURVEY"], "recordSurvey");
  const input = ZSurveyInput.parse(opts.input);
  return ledgerChange(actor, input.applicationId, "SURVEY", "clock.survey", async (tx, app, today) => {
    await tx.clockEntry.create({ data: { applicationId: app.id, kind: "SURVEY", note: input.note, startedOn: toDateColumn(today), endedOn: toDateColumn(today), orderedById: actor.id } });
    return { survey: input.note, on: today };
  }, opts.now ?? new Date());
}
