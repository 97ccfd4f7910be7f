// The outbox (docs/decisions/016): a notice to a person is written as Notification rows, one per
// channel, in the transaction of the change that causes it, each with its delivery job. If the change
// rolls back, nothing is sent; if sending fails, the worker retries, and the row shows the failure.
import "server-only";
import type { NotificationChannel } from "@/prisma/generated/client";
import type { Tx } from "@/lib/server/db";
import { TASKS, enqueue } from "@/lib/server/jobs/queue";

export type Notice = {
  userId: string;
  /** What it reports (the inbox kind, RESET_CODE, CARD_RED…). */
  kind: string;
  /** The Chinese text, as an SMS carries it; an e-mail carries it as its body. */
  text: string;
  /** The e-mail's subject (default: the first sentence of the text). */
  subject?: string;
  /** Channels to use instead of the person's preferred ones (a one-time code goes by SMS only). */
  channels?: NotificationChannel[];
};

/** Kinds whose text is a secret (a one-time code): it is blanked once delivered. */
export const SECRET_KINDS = /^ACCOUNT_CODE_/;

const DELIVERY_ATTEMPTS = 8;

function subjectOf(text: string): string {
  const first = text.replace(/^【[^】]*】/, "").split(/[。！？\n]/)[0] ?? "";
  return first.length > 40 ? `${first.slice(0, 40)}…` : first || "广安区行政审批局通知";
}

/** Queues the notice on each channel the person wants and has an address for; returns how many. */
export async function queueNotice(tx: Tx, notice: Notice): Promise<number> {
  const user = await tx.user.findUnique({ where: { id: notice.userId }, select: { phone: true, email: true, notifyChannels: true, active: true } });
  if (!user) return 0;
  const channels = notice.channels ?? user.notifyChannels;
  let queued = 0;
  for (const channel of channels) {
    const address = channel === "SMS" ? user.phone : user.email;
    if (!address) continue;
    await queueRow(tx, { userId: notice.userId, channel, address, kind: notice.kind, subject: notice.subject ?? subjectOf(notice.text), text: notice.text });
    queued++;
  }
  return queued;
}

/** An SMS to a number with no account behind it (a complainant who gave only a phone number). */
export async function queueSmsTo(tx: Tx, sms: { phone: string; kind: string; text: string }): Promise<void> {
  await queueRow(tx, { userId: null, channel: "SMS", address: sms.phone, kind: sms.kind, subject: subjectOf(sms.text), text: sms.text });
}

/** One outbox row and its delivery job, in the caller's transaction. */
async function queueRow(tx: Tx, data: { userId: string | null; channel: NotificationChannel; address: string; kind: string; subject: string; text: string }): Promise<void> {
  const row = await tx.notification.create({ data, select: { id: true } });
  await enqueue(tx, TASKS.deliverNotification, { id: row.id }, { maxAttempts: DELIVERY_ATTEMPTS });
}
