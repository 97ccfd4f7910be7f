// The audit of the open API: one ApiCall row for every call, answered or refused, and the key's last use.
import "server-only";
import { db } from "@/lib/server/db";

export type ApiCallRecord = { keyId: string | null; method: string; route: string; path: string; status: number; client: string };

export async function recordApiCall(call: ApiCallRecord, at = new Date()): Promise<void> {
  await db().apiCall.create({ data: { ...call, path: call.path.slice(0, 500), at } });
  if (call.keyId && call.status < 400) await db().apiKey.update({ where: { id: call.keyId }, data: { lastUsedAt: at } });
}

/** Writes the row once the answer is known; a failure to write it is logged, and the answer still goes. */
export async function recordApiCallOrLog(call: ApiCallRecord, at = new Date()): Promise<void> {
  try {
    await recordApiCall(call, at);
  } catch (e) {
    console.error("[api] could not record the call", e);
  }
}
