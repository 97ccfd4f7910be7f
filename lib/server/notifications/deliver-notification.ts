// The worker's delivery of one outbox row: SMS through the SMS provider (lib/server/applications/
// notifier.ts), e-mail through SMTP. A failure is written on the row and thrown, so the queue
// retries it with back-off; the last attempt leaves the row FAILED with its error. Delivery is at
// least once: a worker killed between sending and recording sends again.
import "server-only";
import { notifier } from "@/lib/server/applications/notifier";
import { db } from "@/lib/server/db";
import { sendMail } from "./mailer";
import { SECRET_KINDS } from "./outbox";

export type Attempt = { number: number; of: number };

/** Returns false when there was nothing to do (already sent, or the row is gone). */
export async function deliverNotification(id: string, attempt: Attempt): Promise<boolean> {
  const n = await db().notification.findUnique({ where: { id } });
  if (!n || n.status === "SENT") return false;
  try {
    if (n.channel === "EMAIL") await sendMail({ to: n.address, subject: n.subject, text: n.text });
    else await notifier().send({ userId: n.userId ?? "", phone: n.address, kind: n.kind, text: n.text });
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    await db().notification.update({
      where: { id },
      data: { attempts: attempt.number, lastError: error.slice(0, 1000), status: attempt.number >= attempt.of ? "FAILED" : "PENDING" },
    });
    throw e;
  }
  await db().notification.update({
    where: { id },
    // A one-time code is not kept once it has left.
    data: { status: "SENT", sentAt: new Date(), attempts: attempt.number, lastError: null, ...(SECRET_KINDS.test(n.kind) ? { text: "（验证码已发送，内容不留存）" } : {}) },
  });
  return true;
}
