// The open API's rate limits, counted in PostgreSQL (ApiRateWindow) so every node shares them and a
// restart forgets nothing: one atomic increment per call on its key's current one-minute window.
import "server-only";
import { rateLimitOf, rateVerdict, windowStart, type RateSubject } from "@/lib/domain/api/rate-limit";
import { db } from "@/lib/server/db";

export type RateResult = { allowed: true; remaining: number; limit: number } | { allowed: false; retryAfterSeconds: number; limit: number } | { allowed: true; uncounted: true };

export async function countApiCall(subject: RateSubject, now = new Date()): Promise<RateResult> {
  const counted = rateLimitOf(subject);
  if (!counted) return { allowed: true, uncounted: true };
  const { key, limit } = counted;
  const start = windowStart(now, limit).toISOString();
  // The window column is a UTC timestamp without zone, as Prisma writes them.
  const [row] = await db().$queryRaw<{ count: number }[]>`
    INSERT INTO "ApiRateWindow" ("key", "windowStart", "count") VALUES (${key}, (${start}::timestamptz AT TIME ZONE 'UTC'), 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
    RETURNING "count"`;
  const count = Number(row.count);
  // The first call of a window clears this key's past windows: the table holds about one row per active key.
  if (count === 1) await db().$executeRaw`DELETE FROM "ApiRateWindow" WHERE "key" = ${key} AND "windowStart" < (${start}::timestamptz AT TIME ZONE 'UTC')`;
  return { ...rateVerdict(count, limit, new Date(start), now), limit: limit.max };
}
