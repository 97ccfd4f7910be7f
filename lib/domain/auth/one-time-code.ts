// One-time codes sent to an account's phone (password reset, claiming an account created for its
// owner): how long they live, how many tries and how many codes an hour, and why one is refused.

export const CODE_POLICY = { digits: 6, ttlMinutes: 10, maxAttempts: 5, perHour: 5 } as const;

export type CodePurpose = "RESET" | "CLAIM";

export type CodeState = { expiresAt: Date; attempts: number; usedAt: Date | null };

/** Why a code can no longer be used (a wrong guess is counted by the caller), or null. */
export function codeProblem(c: CodeState, now: Date): "USED" | "EXPIRED" | "TOO_MANY_ATTEMPTS" | null {
  if (c.usedAt) return "USED";
  if (c.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  if (c.attempts >= CODE_POLICY.maxAttempts) return "TOO_MANY_ATTEMPTS";
  return null;
}

export function codeExpiry(now: Date): Date {
  return new Date(now.getTime() + CODE_POLICY.ttlMinutes * 60_000);
}

/** Whether another code may be sent, given how many were sent in the last hour. */
export function maySendAnotherCode(sentInLastHour: number): boolean {
  return sentInLastHour < CODE_POLICY.perHour;
}

/** What a person typed as a code: digits only (spaces and full-width digits folded), or null. */
export function normaliseCode(raw: string): string | null {
  const digits = raw.normalize("NFKC").replace(/\s/g, "");
  return new RegExp(`^\\d{${CODE_POLICY.digits}}$`).test(digits) ? digits : null;
}
