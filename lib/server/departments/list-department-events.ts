// A department's events in the order they happened, after a cursor: what the pull API (/api/v1)
// returns, each in the same envelope the webhook sends. No permission check here: the caller has
// already established which department is asking.
import "server-only";
import { eventEnvelope, type DepartmentEventEnvelope } from "@/lib/domain/departments/department-events";
import { db } from "@/lib/server/db";

export const MAX_EVENTS_PER_PAGE = 500;

export async function listDepartmentEvents(opts: { departmentId: string; after?: bigint; limit: number }): Promise<{ events: DepartmentEventEnvelope[]; next: bigint | null }> {
  const limit = Math.min(Math.max(1, Math.floor(opts.limit)), MAX_EVENTS_PER_PAGE);
  const rows = await db().departmentEvent.findMany({
    where: { departmentId: opts.departmentId, ...(opts.after !== undefined ? { id: { gt: opts.after } } : {}) },
    orderBy: { id: "asc" },
    take: limit,
    include: { department: { select: { code: true, name: true } } },
  });
  // The cursor to ask from next time: the last event's id (unchanged when nothing new).
  return { events: rows.map(eventEnvelope), next: rows.length > 0 ? rows[rows.length - 1].id : (opts.after ?? null) };
}
