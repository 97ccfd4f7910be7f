// 送达方式: the applicant says how the certificate should reach them — electronic (the default),
// pick-up at the window, or post to an address — at filing, and may change it until it is issued.
import "server-only";
import { applicantIdOf } from "@/lib/domain/access/actor";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { deliveryChoiceProblem, mayChooseDelivery } from "@/lib/domain/certificates/certificate-actions";
import { APPLICATION_STATES } from "@/lib/domain/workflow/application-workflow";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { ZChooseDeliveryInput } from "./schemas";

/** The states in which the choice may still change (asked of the domain, used as the update's guard). */
const OPEN_STATES = APPLICATION_STATES.filter(mayChooseDelivery);

export async function chooseDelivery(opts: { actor: Actor | null; input: z.input<typeof ZChooseDeliveryInput> }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "chooseDelivery");
  const input = ZChooseDeliveryInput.parse(opts.input);
  if (deliveryChoiceProblem(input.deliveryMethod, input.deliveryAddress)) throw new AppError("DELIVERY_ADDRESS_REQUIRED", "post without address", { field: "deliveryAddress" });
  const address = input.deliveryMethod === "POST" ? input.deliveryAddress : "";
  return db().$transaction(async (tx) => {
    const app = await tx.application.findFirst({ where: { id: input.applicationId, applicantId: applicantIdOf(actor) }, select: { id: true, state: true, deliveryMethod: true, deliveryAddress: true } });
    if (!app) throw new AppError("NOT_FOUND");
    // Issued (or refused) meanwhile: the choice came too late, and says so rather than vanishing.
    const { count } = await tx.application.updateMany({
      where: { id: app.id, state: { in: [...OPEN_STATES] } },
      data: { deliveryMethod: input.deliveryMethod, deliveryAddress: address },
    });
    if (count !== 1) throw new AppError("ALREADY_HANDLED");
    await recordAuditEvent(tx, {
      actor,
      action: "application.deliveryChosen",
      entityType: "Application",
      entityId: app.id,
      before: { deliveryMethod: app.deliveryMethod, deliveryAddress: app.deliveryAddress },
      after: { deliveryMethod: input.deliveryMethod, deliveryAddress: address },
    });
    return { id: app.id, deliveryMethod: input.deliveryMethod };
  });
}
