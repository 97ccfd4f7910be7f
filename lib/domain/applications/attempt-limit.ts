// Limits guessing in the public progress lookup: the last four characters of an ID are only ten
// thousand possibilities, so failed attempts are counted per application number and per client.

export type AttemptLimit = { max: number; windowMs: number };

/** Per number: a handful of mistakes an hour is plenty for a person with the receipt in hand. */
export const PER_NUMBER: AttemptLimit = { max: 10, windowMs: 60 * 60 * 1000 };
/** Per client address: someone walking through many numbers. */
export const PER_CLIENT: AttemptLimit = { max: 30, windowMs: 10 * 60 * 1000 };

/** The failures still inside the window (oldest dropped), and whether one more attempt is allowed. */
export function withinLimit(failures: readonly number[], now: number, limit: AttemptLimit): { recent: number[]; allowed: boolean } {
  const recent = failures.filter((t) => now - t < limit.windowMs);
  return { recent, allowed: recent.length < limit.max };
}
