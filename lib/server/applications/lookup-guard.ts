// Failed public lookups, counted in PostgreSQL (LookupFailure) so the limits hold across restarts
// and are shared by every instance. The keys and limits are the domain's (attempt-limit.ts).
import "server-only";
import { attemptKeys } from "@/lib/domain/applications/attempt-limit";
import { db } from "@/lib/server/db";

/** May this client try this subject now? */
export async function lookupAllowed(subject: string, client: string, now = new Date()): Promise<boolean> {
  const counts = await Promise.all(
    attemptKeys(subject, client).map(async ({ key, limit }) => ({
      limit,
      n: await db().lookupFailure.count({ where: { key, at: { gt: new Date(now.getTime() - limit.windowMs) } } }),
    })),
  );
  return counts.every(({ n, limit }) => n < limit.max);
}

export async function recordLookupFailure(subject: string, client: string, now = new Date()): Promise<void> {
  const keys = attemptKeys(subject, client).map((k) => k.key);
  await db().lookupFailure.createMany({ data: keys.map((key) => ({ key, at: now })) });
  // Old failures no longer count: forget those of these keys older than a day.
  await db().lookupFailure.deleteMany({ where: { key: { in: keys }, at: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
}
