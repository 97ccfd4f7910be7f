// The pull of a department's events (the webhooks' twin), through the other engineer's listDepartmentEvents.
import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { listDepartmentEvents } from "@/lib/server/departments/list-department-events";
import type { ApiPrincipal } from "./authenticate-api-key";
import type { ZEventPage, ZEventsQuery } from "./contract";

/** The largest sequence PostgreSQL's bigint holds: anything above is no event of ours. */
const MAX_SEQUENCE = 9_223_372_036_854_775_807n;

export async function listEventsForApi(principal: ApiPrincipal, query: z.output<typeof ZEventsQuery>): Promise<z.input<typeof ZEventPage>> {
  if (principal.owner.kind !== "department") throw new AppError("FORBIDDEN");
  const after = query.after === undefined ? undefined : BigInt(query.after);
  if (after !== undefined && after > MAX_SEQUENCE) throw new AppError("VALIDATION", "after");
  const limit = query.limit ?? 100;
  const page = await listDepartmentEvents({ departmentId: principal.owner.departmentId, after, limit });
  return {
    events: page.events.map((e) => ({ ...e, data: (e.data ?? {}) as Record<string, unknown> })),
    next: page.next === null ? null : page.next.toString(),
    more: page.events.length === limit,
  };
}
