// Approving or denying a case under the director's own or a delegated authority in force.
import "server-only";
import { sealDocument } from "@/lib/server/seals/seal-document";
import type { z } from "zod";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { decisionAuthority } from "@/lib/domain/delegation/delegation";
import { chargeFees, feeLinesOf } from "@/lib/domain/fees/fees";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { loadDelegationFacts } from "@/lib/server/delegations/load-delegation-facts";
import { issuePaymentNoticeIn } from "@/lib/server/fees/issue-payment-notice";
import { move } from "./case-moves";
import { loadCase } from "./load-case";
import { ZDecideInput } from "./schemas";

/**
 * Approves or denies. Nobody decides without authority at that moment: the director's own, or a
 * delegation in force that covers the item; the decision records which.
 */
export async function decideCase(opts: { actor: Actor | null; input: z.input<typeof ZDecideInput>; now?: Date }) {
  const actor = await requireWorkflowRole(opts.actor, ["APPROVE", "DENY"], "decideCase");
  const input = ZDecideInput.parse(opts.input);
  const now = opts.now ?? new Date();
  const app = await loadCase(db(), actor, input.applicationId);
  const authority = decisionAuthority(await loadDelegationFacts(), actor, { itemId: app.item.id, sectionId: app.item.sectionId, itemKind: app.itemVersion.kind }, now, toPlainDate(now));
  if (!authority.ok) {
    await recordAuditEvent(db(), {
      actor,
      action: "decision.refused",
      entityType: "Application",
      entityId: app.id,
      meta: { reason: authority.reason, delegation: authority.delegation?.number ?? null },
    });
    throw new AppError("DELEGATION_REFUSED", authority.reason, {
      details: { reason: authority.reason, delegation: authority.delegation ? `（${authority.delegation.number}）` : "" },
    });
  }
  // 票款分离: a grant charges the item's fee lines — those charged by quantity at what the decider gives.
  const fees = input.decision === "APPROVE" ? chargeFees(feeLinesOf(app.itemVersion.feeLines), input.quantities) : null;
  if (fees && !fees.ok) {
    throw new AppError("VALIDATION", "decision.quantity", { fieldErrors: Object.fromEntries(fees.problems.map((p) => [`quantities.${p.index}`, p.code === "quantity" ? "decision.quantity" : "decision.feeTooHigh"])) });
  }
  const delegation = authority.basis === "DELEGATION" ? authority.delegation : null;
  return move(actor, app, input.decision, {
    facts: { hasReasonAndBasis: input.reason.length > 0 && input.basis.length > 0 },
    data: {
      decidedAt: now,
      decidedById: actor.id,
      decisionDelegationId: delegation?.id ?? null,
      decisionReason: input.reason || null,
      decisionBasis: input.basis || null,
    },
    meta: { delegation: delegation?.number ?? "局长决定", reason: input.reason, basis: input.basis },
    message: { reason: input.reason },
    // The decision letter (行政许可决定书) goes out under the seal with its 文号; a grant of an item
    // with fees brings its payment notice (缴款通知书) in the same transaction.
    also: async (tx) => {
      if (fees?.ok) await issuePaymentNoticeIn(tx, { actor, application: app, item: app.itemVersion.name, lines: fees.lines, now });
      await sealDocument(tx, {
        kind: "DECISION",
        key: `DECISION:${app.id}`,
        applicationId: app.id,
        actor,
        now,
        delegationId: delegation?.id ?? null,
        record: { application: app.number, item: app.itemVersion.name, decision: input.decision, reason: input.reason, basis: input.basis, delegation: delegation?.number ?? "局长决定", decidedAt: now.toISOString() },
      });
    },
  });
}
