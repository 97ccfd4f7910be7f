// 审管分离: records what a supervising department is told, inside the transaction of the change that
// caused it — the event (its id is the department's pull cursor), one delivery per active
// subscription of that department that wants its type, and the job that sends each. A change that
// rolls back leaves no event and no job. Lock-free on purpose: plain inserts and a plain read of the
// subscriptions, so it can join issuance and decisions (which lock CertificateCounter rows) without
// adding a lock order of its own.
import "server-only";
import { MAX_DELIVERY_ATTEMPTS, subscriptionWants, type DepartmentEventPayload, type DepartmentEventType } from "@/lib/domain/departments/department-events";
import type { Tx } from "@/lib/server/db";
import { enqueue, TASKS } from "@/lib/server/jobs/queue";
import type { Prisma } from "@/prisma/generated/client";

export type RecordDepartmentEventInput = {
  type: DepartmentEventType;
  departmentId: string;
  applicationId?: string | null;
  certificateId?: string | null;
  payload: DepartmentEventPayload;
  occurredAt: Date;
};

/** The job of one delivery; replay uses the same key, so a waiting job is replaced, never doubled. */
export async function deliverLater(tx: Tx, deliveryId: string): Promise<void> {
  await enqueue(tx, TASKS.deliverDepartmentEvent, { id: deliveryId }, { jobKey: `department-delivery:${deliveryId}`, maxAttempts: MAX_DELIVERY_ATTEMPTS });
}

export async function recordDepartmentEvent(tx: Tx, e: RecordDepartmentEventInput): Promise<{ id: bigint; publicId: string; deliveries: number }> {
  const event = await tx.departmentEvent.create({
    data: {
      type: e.type,
      departmentId: e.departmentId,
      applicationId: e.applicationId ?? null,
      certificateId: e.certificateId ?? null,
      payload: e.payload as unknown as Prisma.InputJsonValue,
      occurredAt: e.occurredAt,
    },
    select: { id: true, publicId: true },
  });
  const subscriptions = await tx.webhookSubscription.findMany({ where: { departmentId: e.departmentId, active: true }, select: { id: true, active: true, events: true } });
  let deliveries = 0;
  for (const s of subscriptions.filter((s) => subscriptionWants(s, e.type))) {
    const delivery = await tx.webhookDelivery.create({ data: { eventId: event.id, subscriptionId: s.id }, select: { id: true } });
    await deliverLater(tx, delivery.id);
    deliveries++;
  }
  return { ...event, deliveries };
}
