// Failed public lookups, remembered per application number and per client address. Kept in this
// process's memory: enough for the one-node county deployment; a restart forgets them.
import "server-only";
import { PER_CLIENT, PER_NUMBER, withinLimit, type AttemptLimit } from "@/lib/domain/applications/attempt-limit";

const failures = new Map<string, number[]>();

function check(key: string, limit: AttemptLimit, now: number): boolean {
  const { recent, allowed } = withinLimit(failures.get(key) ?? [], now, limit);
  if (recent.length) failures.set(key, recent);
  else failures.delete(key);
  return allowed;
}

/**
 * Keys an attempt counts against: the number, and the client when its address is known (behind
 * a proxy that sets X-Forwarded-For). Without an address every visitor would share one budget,
 * and one guesser could lock the lookup for everyone.
 */
function keys(number: string, client: string): { key: string; limit: AttemptLimit }[] {
  const known = client !== "" && client !== "local" && client !== "unknown";
  return [{ key: `n:${number}`, limit: PER_NUMBER }, ...(known ? [{ key: `c:${client}`, limit: PER_CLIENT }] : [])];
}

/** May this client try this number now? */
export function lookupAllowed(number: string, client: string, now = Date.now()): boolean {
  return keys(number, client).every(({ key, limit }) => check(key, limit, now));
}

export function recordLookupFailure(number: string, client: string, now = Date.now()): void {
  for (const { key } of keys(number, client)) failures.set(key, [...(failures.get(key) ?? []), now]);
}
