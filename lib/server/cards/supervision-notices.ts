// 督办: a supervisor issues a supervision notice on an open card; the person the card names answers
// it, and the answer closes the card. Both steps are guarded by the state they found (an open card
// without a pending notice; a notice not yet answered), audited, and the other side is notified.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { cardActions, cardActor } from "@/lib/domain/supervision/cards";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db, type Tx } from "@/lib/server/db";
import { queueNotice } from "@/lib/server/notifications/outbox";

export const ZIssueNoticeInput = z.object({
  cardId: z.string().min(1).max(60),
  text: z.string().trim().min(2, "card.noticeText").max(1000, "card.noticeText"),
});
export const ZAnswerNoticeInput = z.object({
  noticeId: z.string().min(1).max(60),
  answer: z.string().trim().min(2, "card.answer").max(2000, "card.answer"),
});

async function lockCard(tx: Tx, cardId: string) {
  await tx.$queryRaw`SELECT id FROM "Card" WHERE id = ${cardId} FOR UPDATE`;
  const card = await tx.card.findUnique({
    where: { id: cardId },
    include: { notices: { where: { answeredAt: null } }, application: { select: { id: true, number: true, itemVersion: { select: { name: true } } } } },
  });
  if (!card) throw new AppError("NOT_FOUND", "card");
  return card;
}

function actionsOf(actor: Actor, card: { closedAt: Date | null; responsibleId: string | null; notices: unknown[] }) {
  return cardActions(
    { open: card.closedAt === null, responsibleId: card.responsibleId, noticePending: card.notices.length > 0 },
    cardActor(actor),
  );
}

export async function issueSupervisionNotice(opts: { actor: Actor | null; input: z.input<typeof ZIssueNoticeInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "cards:supervise", "issueSupervisionNotice");
  const input = ZIssueNoticeInput.parse(opts.input);
  const now = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    const card = await lockCard(tx, input.cardId);
    if (!actionsOf(actor, card).includes("ISSUE_NOTICE")) throw new AppError("ALREADY_HANDLED", "card closed or notice pending");
    const notice = await tx.supervisionNotice.create({ data: { cardId: card.id, issuedById: actor.id, text: input.text, issuedAt: now } });
    await recordAuditEvent(tx, { actor, action: "card.noticeIssued", entityType: "Application", entityId: card.applicationId, meta: { card: card.id, kind: card.kind, colour: card.colour, text: input.text } });
    if (card.responsibleId) {
      await queueNotice(tx, {
        userId: card.responsibleId,
        kind: "CARD_NOTICE",
        text: `【广安区行政审批局】督办通知：办件 ${card.application.number ?? ""}（${card.application.itemVersion.name}）${input.text}。请在“预警与督办”中答复。`,
      });
    }
    return { id: notice.id };
  });
}

export async function answerSupervisionNotice(opts: { actor: Actor | null; input: z.input<typeof ZAnswerNoticeInput>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "cards:answer", "answerSupervisionNotice");
  const input = ZAnswerNoticeInput.parse(opts.input);
  const now = opts.now ?? new Date();
  return db().$transaction(async (tx) => {
    const found = await tx.supervisionNotice.findUnique({ where: { id: input.noticeId }, select: { cardId: true } });
    if (!found) throw new AppError("NOT_FOUND", "notice");
    const card = await lockCard(tx, found.cardId);
    const notice = card.notices.find((n) => n.id === input.noticeId);
    if (!notice) throw new AppError("ALREADY_HANDLED", "notice answered");
    if (!actionsOf(actor, card).includes("ANSWER_NOTICE")) throw new AppError("FORBIDDEN", "not the card's responsible person");
    await tx.supervisionNotice.update({ where: { id: notice.id }, data: { answeredById: actor.id, answer: input.answer, answeredAt: now } });
    await tx.card.update({ where: { id: card.id }, data: { closedAt: now } });
    await recordAuditEvent(tx, { actor, action: "card.noticeAnswered", entityType: "Application", entityId: card.applicationId, meta: { card: card.id, kind: card.kind, colour: card.colour, answer: input.answer } });
    await queueNotice(tx, {
      userId: notice.issuedById,
      kind: "CARD_ANSWER",
      text: `【广安区行政审批局】督办答复：办件 ${card.application.number ?? ""}（${card.application.itemVersion.name}）已答复：${input.answer}`,
    });
    return { cardId: card.id };
  });
}
