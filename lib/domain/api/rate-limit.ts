// The open API's rate limits: calls per key per minute (a department's key may have its own, set by
// the administrator), and per client address for calls without a key. Counted in fixed one-minute windows (one counter row per key and window, shared by every node).
import { distinguishesClients } from "../applications/attempt-limit";

export type RateLimit = { max: number; windowMs: number };

/** A key: a department's system polling events and decisions, or an applicant's own tool. */
export const PER_KEY: RateLimit = { max: 120, windowMs: 60_000 };
/** Anonymous calls (the catalogue, guides, certificate verification) from one address. */
export const PER_CLIENT: RateLimit = { max: 60, windowMs: 60_000 };

/** What an administrator may set a department key's own limit to (calls per minute); unset: PER_KEY. */
export const KEY_RATE_RANGE = { min: 10, max: 6000 } as const;

export type RateSubject = { keyId: string; perMinute?: number | null } | { client: string };

/**
 * The counter a call is counted on, and its limit. A call without a key from an address that does
 * not tell clients apart ("local", loopback: no proxy declared with TRUST_PROXY) is not counted per
 * client — one budget for everybody would let any one caller shut the public routes for all (the
 * same rule as the public lookups' limits, attempt-limit.ts).
 */
export function rateLimitOf(subject: RateSubject): { key: string; limit: RateLimit } | null {
  if ("keyId" in subject) return { key: `k:${subject.keyId}`, limit: subject.perMinute ? { max: subject.perMinute, windowMs: PER_KEY.windowMs } : PER_KEY };
  return distinguishesClients(subject.client) ? { key: `c:${subject.client.slice(0, 64)}`, limit: PER_CLIENT } : null;
}

/** The start of the window `now` falls in. */
export function windowStart(now: Date, limit: RateLimit): Date {
  return new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs);
}

/** The verdict on the n-th call of a window: allowed, or refused with the whole seconds until the window ends (≥ 1). */
export function rateVerdict(count: number, limit: RateLimit, start: Date, now: Date): { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number } {
  if (count <= limit.max) return { allowed: true, remaining: limit.max - count };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((start.getTime() + limit.windowMs - now.getTime()) / 1000)) };
}
