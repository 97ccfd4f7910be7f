// The data of a decided case's decision letter, for whoever may view the application.
import "server-only";
import { AGENT_SCOPE, mayViewApplication } from "@/lib/domain/applications/access";
import { stateFacts } from "@/lib/domain/workflow/state-facts";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { hiddenFrom } from "@/lib/server/auth/actor";

/** 准予 / 不予许可决定书 data: for the applicant and case staff, once decided. */
export async function getDecisionLetter(opts: { actor: Actor | null; applicationId: string }) {
  if (!opts.actor) throw new AppError("UNAUTHENTICATED");
  const app = await db().application.findUnique({
    where: { id: opts.applicationId },
    include: {
      applicant: { select: { name: true, residentId: true, creditCode: true } },
      item: { select: { sectionId: true } },
      ...AGENT_SCOPE,
      itemVersion: { select: { name: true, legalBasis: true } },
      decisionDelegation: { select: { number: true } },
      documents: { where: { kind: "DECISION" }, select: { number: true, identifier: true } },
    },
  });
  if (app && !mayViewApplication(opts.actor, app)) throw await hiddenFrom(opts.actor, { entityType: "Application", entityId: app.id }, "getDecisionLetter");
  if (!app || !app.decidedAt || !stateFacts(app.state).decision) throw new AppError("NOT_FOUND");
  return {
    id: app.id,
    number: app.number ?? "",
    approved: stateFacts(app.state).decision === "APPROVED",
    applicantName: app.applicant.name,
    itemName: app.itemVersion.name,
    legalBasis: app.itemVersion.legalBasis,
    subject: app.subject,
    decidedAt: app.decidedAt,
    reason: app.decisionReason ?? "",
    basis: app.decisionBasis ?? "",
    delegation: app.decisionDelegation?.number ?? null,
    /** Its 文号 and verification identifier, when it went out under the seal. */
    sealed: app.documents[0] ?? null,
  };
}
