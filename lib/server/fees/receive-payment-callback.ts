// The fiscal platform's payment callback: verified (HMAC over timestamp and exact body, fresh within
// five minutes) before anything is read from it. A forged or stale call changes nothing and is
// audited with the client it came from; a good one confirms the payment (idempotently).
import "server-only";
import { signatureProblem } from "@/lib/domain/signing/hmac-signature";
import { env } from "@/lib/env";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { db } from "@/lib/server/db";
import { confirmPayment, ZPaymentConfirmation } from "./confirm-payment";

export const MAX_CALLBACK_BYTES = 16 * 1024;

export async function receivePaymentCallback(req: { body: string; timestamp: string | null; signature: string | null; client: string; now?: Date }): Promise<{ status: number; body: Record<string, unknown> }> {
  const secret = env().FISCAL_PLATFORM_SECRET;
  if (!secret) return { status: 503, body: { error: "NOT_CONFIGURED" } };
  const problem = signatureProblem(secret, req.timestamp, req.signature, req.body, (req.now ?? new Date()).getTime());
  if (problem) {
    await recordAuditEvent(db(), { actor: null, action: "payment.callback.refused", entityType: "PaymentCallback", entityId: req.client, meta: { problem, client: req.client, bytes: req.body.length } });
    return { status: 401, body: { error: "BAD_SIGNATURE", problem } };
  }
  let json: unknown;
  try {
    json = JSON.parse(req.body);
  } catch {
    return { status: 400, body: { error: "BAD_BODY" } };
  }
  const parsed = ZPaymentConfirmation.safeParse(json);
  if (!parsed.success) return { status: 400, body: { error: "BAD_BODY" } };
  const outcome = await confirmPayment(parsed.data, "CALLBACK");
  // The platform retries what it does not see answered 2xx; a confirmation that does not fit is not
  // a transient failure, so it is answered 409 (and left to the reconciliation and the administrator).
  const ok = outcome === "CONFIRMED" || outcome === "ALREADY_CONFIRMED";
  return { status: ok ? 200 : 409, body: { outcome } };
}
