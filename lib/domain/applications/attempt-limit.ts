// Limits guessing in the public lookups (progress: the last four characters of an ID are only ten
// thousand possibilities; verification: identifiers and files). Failures count per client, and per
// client and subject — never per subject alone, or a flood of wrong guesses from many addresses
// would block the owner's own lookup.

export type AttemptLimit = { max: number; windowMs: number };

/** One client on one number (or identifier): a handful of mistakes an hour is plenty with the receipt in hand. */
export const PER_CLIENT_AND_SUBJECT: AttemptLimit = { max: 10, windowMs: 60 * 60 * 1000 };
/** One client across subjects: someone walking through many numbers. */
export const PER_CLIENT: AttemptLimit = { max: 30, windowMs: 10 * 60 * 1000 };

/**
 * Whether an address tells clients apart. Without one ("local": no address reached the portal) or
 * from this machine (loopback: every request looks alike when a proxy is not declared with
 * TRUST_PROXY), a budget per client would be one budget for everybody, which any guesser could spend.
 */
export function distinguishesClients(client: string): boolean {
  return client !== "" && client !== "local" && client !== "unknown" && !/^(127\.|::1$|::ffff:127\.)/.test(client);
}

/** The keys a failure counts against, with their limits. */
export function attemptKeys(subject: string, client: string): { key: string; limit: AttemptLimit }[] {
  return [
    { key: `cs:${client}:${subject}`, limit: PER_CLIENT_AND_SUBJECT },
    ...(distinguishesClients(client) ? [{ key: `c:${client}`, limit: PER_CLIENT }] : []),
  ];
}
