// One department's webhooks for the administrator: its subscriptions, its latest events with each
// delivery's state, attempts and last error, and every delivery's attempt log.
import "server-only";
import type { Actor } from "@/lib/domain/access/actor";
import { DEPARTMENT_EVENT_TYPES, mayReplay } from "@/lib/domain/departments/department-events";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

export const RECENT_EVENTS = 50;

export async function getDepartmentWebhooks(opts: { actor: Actor | null; departmentId: string }) {
  await requirePermission(opts.actor, "departments:administer", "getDepartmentWebhooks");
  const department = await db().department.findUnique({ where: { id: opts.departmentId }, select: { id: true, code: true, name: true } });
  if (!department) throw new AppError("NOT_FOUND", "department");
  const [subscriptions, events] = await Promise.all([
    db().webhookSubscription.findMany({
      where: { departmentId: department.id },
      orderBy: [{ active: "desc" }, { createdAt: "desc" }],
      select: { id: true, url: true, events: true, active: true, createdAt: true, revokedAt: true },
    }),
    db().departmentEvent.findMany({
      where: { departmentId: department.id },
      orderBy: { id: "desc" },
      take: RECENT_EVENTS,
      select: {
        id: true,
        publicId: true,
        type: true,
        occurredAt: true,
        payload: true,
        deliveries: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            state: true,
            attempts: true,
            lastStatus: true,
            lastError: true,
            deliveredAt: true,
            subscription: { select: { id: true, url: true, active: true } },
            log: { orderBy: { at: "desc" }, take: 20, select: { id: true, at: true, status: true, error: true, durationMs: true } },
          },
        },
      },
    }),
  ]);
  return {
    department,
    eventTypes: DEPARTMENT_EVENT_TYPES,
    subscriptions,
    events: events.map((e) => {
      const data = (e.payload ?? {}) as { application?: { number?: string | null; item?: { name?: string } } };
      return {
        id: e.id.toString(),
        publicId: e.publicId,
        type: e.type,
        occurredAt: e.occurredAt,
        applicationNumber: data.application?.number ?? null,
        itemName: data.application?.item?.name ?? "",
        deliveries: e.deliveries.map((d) => ({
          ...d,
          log: d.log.map((a) => ({ ...a, id: a.id.toString() })),
          mayReplay: mayReplay({ state: d.state, subscriptionActive: d.subscription.active }),
        })),
      };
    }),
  };
}
