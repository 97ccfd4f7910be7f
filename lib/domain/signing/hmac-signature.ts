// One signature rule for every message a partner sends the bureau or the bureau sends a partner:
// HMAC-SHA256 over `<unix seconds>.<exact body bytes>`, hex, sent with the timestamp beside it.
// The fiscal platform signs its payment callbacks this way and the bureau signs the events it
// delivers to departments this way; both sides refuse a signature older than five minutes.
import { createHmac, timingSafeEqual } from "node:crypto";
import { callbackFresh, signedPayload } from "../fees/fees";

/** Header names, the same for both directions. */
export const TIMESTAMP_HEADER = "x-bureau-timestamp";
export const SIGNATURE_HEADER = "x-bureau-signature";
/** The signature header carries a version, so the scheme can change without ambiguity. */
const VERSION = "v1=";

export function signBody(secret: string, timestampSeconds: number, body: string): string {
  return VERSION + createHmac("sha256", secret).update(signedPayload(timestampSeconds, body), "utf8").digest("hex");
}

export type SignatureProblem = "MISSING" | "STALE" | "MISMATCH";

/** Null when `signature` is the sender's over this timestamp and body and the timestamp is fresh. */
export function signatureProblem(secret: string, timestampHeader: string | null, signature: string | null, body: string, nowMs: number): SignatureProblem | null {
  if (!timestampHeader || !signature || !/^\d{1,12}$/.test(timestampHeader)) return "MISSING";
  const ts = Number(timestampHeader);
  if (!callbackFresh(ts, nowMs)) return "STALE";
  const expected = Buffer.from(signBody(secret, ts, body), "utf8");
  const given = Buffer.from(signature, "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given) ? null : "MISMATCH";
}

/** The headers of a signed request, for senders. */
export function signedHeaders(secret: string, body: string, nowMs: number): Record<string, string> {
  const ts = Math.floor(nowMs / 1000);
  return { [TIMESTAMP_HEADER]: String(ts), [SIGNATURE_HEADER]: signBody(secret, ts, body) };
}
