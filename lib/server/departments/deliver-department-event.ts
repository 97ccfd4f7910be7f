// The job that sends one department event to one webhook subscription: the event's envelope as
// JSON, signed with the subscription's secret (lib/domain/signing), 10 s at most, redirects not
// followed. Every attempt is logged; a 2xx delivers; anything else is written on the delivery and
// thrown, so the queue retries it with its back-off — the last attempt leaves the delivery FAILED
// for the administrator to replay.
import "server-only";
import { lookup } from "node:dns/promises";
import { attemptError, DELIVERY_TIMEOUT_MS, eventEnvelope, isDelivered, isPrivateAddress, isPrivateHost, stateAfterFailure } from "@/lib/domain/departments/department-events";
import { signedHeaders } from "@/lib/domain/signing/hmac-signature";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db";
import { decryptSigningSecret } from "./subscription-secret";

export type Attempt = { number: number; of: number };

/** Thrown after a failed attempt so the queue retries (its message is the job's last error). */
export class DeliveryFailed extends Error {}

/** Private and loopback hosts are refused in production unless the installation allows them; names are resolved first. */
async function hostRefused(url: URL): Promise<boolean> {
  const e = env();
  if (e.NODE_ENV !== "production" || e.WEBHOOK_ALLOW_PRIVATE_HOSTS === "1") return false;
  if (isPrivateHost(url.hostname)) return true;
  const addresses = await lookup(url.hostname.replace(/^\[|\]$/g, ""), { all: true });
  return addresses.some((a) => isPrivateAddress(a.address));
}

async function readSome(res: Response): Promise<string> {
  try {
    return (await res.text()).slice(0, 200);
  } catch {
    return "";
  }
}

export async function deliverDepartmentEvent(deliveryId: string, attempt: Attempt, now: () => Date = () => new Date()): Promise<"DELIVERED" | "SKIPPED"> {
  const delivery = await db().webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { subscription: true, event: { include: { department: { select: { code: true, name: true } } } } },
  });
  // Delivered already (a job run twice, at least once): nothing to do.
  if (!delivery || delivery.state === "DELIVERED") return "SKIPPED";
  if (!delivery.subscription.active) {
    await db().webhookDelivery.update({ where: { id: delivery.id }, data: { state: "FAILED", lastError: "subscription deactivated" } });
    return "SKIPPED";
  }
  const body = JSON.stringify(eventEnvelope(delivery.event));
  const started = Date.now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    const url = new URL(delivery.subscription.url);
    if (await hostRefused(url)) throw new Error("host refused: private or loopback address");
    const secret = decryptSigningSecret(delivery.subscription.secretCipher);
    const res = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "bureau-portal-webhooks/1",
        "x-bureau-event": delivery.event.type,
        "x-bureau-event-id": delivery.event.publicId,
        "x-bureau-delivery": delivery.id,
        ...signedHeaders(secret, body, now().getTime()),
      },
      body,
    });
    status = res.status;
    if (!isDelivered(res.status)) error = attemptError({ status: res.status, body: await readSome(res) });
    else await res.body?.cancel().catch(() => {});
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : "";
    error = attemptError({ error: e instanceof Error ? `${e.name === "TimeoutError" ? "timeout" : e.message}${cause}` : String(e) });
  }
  const durationMs = Date.now() - started;
  const at = now();
  const delivered = error === null;
  await db().$transaction([
    db().webhookAttempt.create({ data: { deliveryId: delivery.id, at, status, error, durationMs } }),
    db().webhookDelivery.update({
      where: { id: delivery.id },
      data: delivered
        ? { state: "DELIVERED", attempts: { increment: 1 }, lastStatus: status, lastError: null, deliveredAt: at }
        : { state: stateAfterFailure(attempt.number, attempt.of), attempts: { increment: 1 }, lastStatus: status, lastError: error },
    }),
  ]);
  if (!delivered) throw new DeliveryFailed(error ?? "failed");
  return "DELIVERED";
}
