// The fiscal platform's signed payment callback (票款分离). Thin: read the exact bytes, hand them on.
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/lib/domain/signing/hmac-signature";
import { clientAddress } from "@/lib/server/client-address";
import { MAX_CALLBACK_BYTES, receivePaymentCallback } from "@/lib/server/fees/receive-payment-callback";

export async function POST(req: Request) {
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > MAX_CALLBACK_BYTES) return Response.json({ error: "TOO_LARGE" }, { status: 413 });
  let body: string;
  try {
    body = await req.text();
  } catch {
    return Response.json({ error: "BAD_BODY" }, { status: 400 });
  }
  if (body.length > MAX_CALLBACK_BYTES) return Response.json({ error: "TOO_LARGE" }, { status: 413 });
  let r: Awaited<ReturnType<typeof receivePaymentCallback>>;
  try {
    r = await receivePaymentCallback({ body, timestamp: req.headers.get(TIMESTAMP_HEADER), signature: req.headers.get(SIGNATURE_HEADER), client: await clientAddress() });
  } catch (e) {
    // Nothing was confirmed (the transaction rolled back): the platform calls again later.
    console.error("payment callback failed", e);
    return Response.json({ error: "UNAVAILABLE" }, { status: 503, headers: { "Retry-After": "30" } });
  }
  return Response.json(r.body, { status: r.status, headers: { "Cache-Control": "no-store" } });
}
