// A reviewer's or chief's review opinion on a case; the first one moves it to "reviewed".
import "server-only";
import type { z } from "zod";
import { firstAllowed } from "@/lib/domain/workflow/available-actions";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db, type Tx } from "@/lib/server/db";
import { caseFactsOf, move } from "./case-moves";
import { loadCase } from "./load-case";
import { ZReviewInput } from "./schemas";

export async function recordReview(opts: { actor: Actor | null; input: z.input<typeof ZReviewInput> }) {
  const actor = await requireWorkflowRole(opts.actor, ["RECORD_REVIEW", "ADD_OPINION"], "recordReview");
  const input = ZReviewInput.parse(opts.input);
  const app = await loadCase(db(), actor, input.applicationId);
  const write = async (tx: Tx) => {
    await tx.reviewOpinion.create({ data: { applicationId: app.id, authorId: actor.id, recommendation: input.recommendation, opinion: input.opinion } });
  };
  // The first opinion moves the case to "reviewed"; later ones join the file. The table says which
  // (and, through the transition, why neither when the case is past review).
  const event = firstAllowed(["RECORD_REVIEW", "ADD_OPINION"] as const, app.state, actor.role, caseFactsOf(app)) ?? "RECORD_REVIEW";
  if (event === "RECORD_REVIEW") return move(actor, app, "RECORD_REVIEW", { meta: { recommendation: input.recommendation, opinion: input.opinion }, also: write });
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${app.id} AND state = ${app.state}::"ApplicationState" FOR UPDATE`;
    await write(tx);
    await recordAuditEvent(tx, { actor, action: "application.reviewOpinion", entityType: "Application", entityId: app.id, meta: { recommendation: input.recommendation, opinion: input.opinion } });
  });
  return { id: app.id, state: app.state };
}
