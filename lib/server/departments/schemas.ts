// Inputs of the departments' webhook administration (审管分离).
import { z } from "zod";
import { DEPARTMENT_EVENT_TYPES } from "@/lib/domain/departments/department-events";

export const ZCreateSubscriptionInput = z.object({
  departmentId: z.string().trim().min(1).max(60),
  url: z.string().trim().min(1, "departments.url").max(500, "departments.url"),
  /** Form: one checkbox per type named `event.<type>`; none ticked: every type. */
  events: z.array(z.enum(DEPARTMENT_EVENT_TYPES)).max(DEPARTMENT_EVENT_TYPES.length).default([]),
});
export type TCreateSubscriptionInput = z.infer<typeof ZCreateSubscriptionInput>;

export const ZDeactivateSubscriptionInput = z.object({ subscriptionId: z.string().trim().min(1).max(60) });

export const ZReplayDeliveryInput = z.object({ deliveryId: z.string().trim().min(1).max(60) });

/** A form's ticked event types (`event.decision.approved=on` …) as the input's list. */
export function eventsFromForm(fd: FormData): Record<string, unknown> {
  const events = DEPARTMENT_EVENT_TYPES.filter((t) => fd.get(`event.${t}`) === "on");
  return { departmentId: fd.get("departmentId"), url: fd.get("url"), events };
}
