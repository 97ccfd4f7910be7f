// The one way an application changes state: ask the domain's transition table, then write the new
// state guarded by the old one, its audit event, the applicant's inbox message with its outbox
// notices, the jobs that record the case's cards and look at its bundle's completion, all in the caller's transaction. Two people
// acting at once: the second finds the state moved and gets ALREADY_HANDLED.
import "server-only";
import { inboxText } from "@/lib/i18n/inbox-text";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { nextState, type ApplicationEvent, type ApplicationState, type IntakeFacts } from "@/lib/domain/workflow/application-workflow";
import { AppError } from "@/lib/errors";
import { ITEM_END_STATES } from "@/lib/domain/bundles/bundles";
import { completeBundleLater } from "@/lib/server/bundles/complete-bundle";
import { asAppError } from "@/lib/server/domain-errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Actor } from "@/lib/domain/access/actor";
import type { Tx } from "@/lib/server/db";
import { TASKS, enqueue } from "@/lib/server/jobs/queue";
import { queueNotice } from "@/lib/server/notifications/outbox";
import { recordIssuanceEvent } from "@/lib/server/departments/record-case-events";
import type { Prisma } from "@/prisma/generated/client";

export type MessageParams = Record<string, string>;

export type TransitionInput = {
  application: { id: string; state: ApplicationState; applicantId: string; bundleFilingId: string | null };
  event: ApplicationEvent;
  actor: Actor;
  facts: IntakeFacts;
  /** Other columns written with the new state. */
  data?: Prisma.ApplicationUncheckedUpdateManyInput;
  /** Recorded in the audit event (e.g. the checklist, the notice). */
  meta?: Prisma.InputJsonValue;
  /** Parameters of the applicant's message (number, item, dates …). */
  message: MessageParams;
  /** The message's template when it is not the event's own (e.g. ISSUE_POST). */
  messageKind?: string;
};

/** Moves the application; returns the new state. */
export async function transition(tx: Tx, t: TransitionInput): Promise<{ state: ApplicationState }> {
  let to: ApplicationState;
  try {
    to = nextState(t.application.state, t.event, t.actor.role, t.facts);
  } catch (e) {
    throw asAppError(e);
  }
  const { count } = await tx.application.updateMany({
    where: { id: t.application.id, state: t.application.state },
    data: { ...t.data, state: to },
  });
  if (count !== 1) throw new AppError("ALREADY_HANDLED");
  await recordAuditEvent(tx, {
    actor: t.actor,
    action: `application.${t.event}`,
    entityType: "Application",
    entityId: t.application.id,
    before: { state: t.application.state },
    after: { state: to, ...(t.data ? (JSON.parse(JSON.stringify(t.data)) as object) : {}) },
    meta: t.meta,
  });
  await postMessage(tx, { userId: t.application.applicantId, applicationId: t.application.id, kind: t.messageKind ?? t.event, params: t.message });
  await refreshCardsLater(tx, t.application.id);
  // 审管分离: the item's department is told of the issuance (decisions: lib/server/cases/case-moves.ts, after the letter is sealed).
  if (t.event === "ISSUE") await recordIssuanceEvent(tx, t.application.id, new Date());
  // 一件事: the last item of a bundle to end brings its one delivery.
  if (ITEM_END_STATES.includes(to)) await completeBundleLater(tx, t.application.bundleFilingId);
  return { state: to };
}

/** After a change of a case's state or clock: its cards are recorded (raised or closed) by the worker. */
export async function refreshCardsLater(tx: Tx, applicationId: string): Promise<void> {
  await enqueue(tx, TASKS.refreshCards, { applicationId }, { jobKey: `cards:${applicationId}`, maxAttempts: 5 });
}

/** The applicant's inbox copy and its notices on the person's channels, in the caller's transaction. */
export async function postMessage(tx: Tx, m: { userId: string; applicationId: string | null; kind: string; params: MessageParams }): Promise<void> {
  await tx.message.create({ data: { userId: m.userId, applicationId: m.applicationId, kind: m.kind, params: m.params } });
  await queueNotice(tx, { userId: m.userId, kind: m.kind, text: messageText(m.kind, m.params) });
}

/** The Chinese text of an inbox message, as SMS would carry it. */
export function messageText(kind: string, params: MessageParams): string {
  return inboxText(zhCN.inbox, kind, params);
}
