// "I have paid": the payer (or the window for them) asks the bureau to check with the fiscal
// platform now rather than wait for its callback. The worker asks; a burst of clicks asks once.
import "server-only";
import { z } from "zod";
import { AGENT_SCOPE, mayViewApplication } from "@/lib/domain/applications/access";
import type { Actor } from "@/lib/domain/access/actor";
import { paymentFacts } from "@/lib/domain/fees/fees";
import { AppError } from "@/lib/errors";
import { hiddenFrom } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { TASKS, enqueue } from "@/lib/server/jobs/queue";

export const ZAskPaymentStatus = z.object({ applicationId: z.string().trim().min(1).max(60) });

export async function askPaymentStatus(opts: { actor: Actor | null; input: z.input<typeof ZAskPaymentStatus> }) {
  if (!opts.actor) throw new AppError("UNAUTHENTICATED");
  const actor = opts.actor;
  const { applicationId } = ZAskPaymentStatus.parse(opts.input);
  const app = await db().application.findUnique({ where: { id: applicationId }, include: { paymentNotice: { select: { id: true, state: true } }, ...AGENT_SCOPE } });
  if (!app) throw new AppError("NOT_FOUND");
  if (!mayViewApplication(actor, app)) throw await hiddenFrom(actor, { entityType: "Application", entityId: app.id }, "askPaymentStatus");
  if (!app.paymentNotice) throw new AppError("NOT_FOUND");
  if (!paymentFacts(app.paymentNotice.state).payable) return { asked: false };
  await enqueue(db(), TASKS.queryPayment, { id: app.paymentNotice.id }, { jobKey: `payment:query:${app.paymentNotice.id}`, maxAttempts: 3 });
  return { asked: true };
}
