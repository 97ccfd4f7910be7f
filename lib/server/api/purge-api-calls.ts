// The open API's call log is kept API_CALL_RETENTION_DAYS (at least six months: 《网络安全法》第二十一条
// asks for network logs of no less than six months), then deleted in batches each night, so the table
// does not grow without end. The hash-chained audit trail is not touched.
import "server-only";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db";

const BATCH = 10_000;

export async function purgeApiCalls(now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - env().API_CALL_RETENTION_DAYS * 24 * 3600_000);
  let total = 0;
  for (;;) {
    const deleted = await db().$executeRaw`DELETE FROM "ApiCall" WHERE id IN (SELECT id FROM "ApiCall" WHERE at < ${cutoff} ORDER BY at LIMIT ${BATCH})`;
    total += deleted;
    if (deleted < BATCH) return total;
  }
}
