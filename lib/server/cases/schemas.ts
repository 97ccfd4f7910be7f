// Input schemas of the back-office case actions, shared by server actions and services.
import "server-only";
import { z } from "zod";
import { groupedFields } from "@/lib/server/form-fields";
import { SUSPENSION_REASONS } from "@/lib/domain/clock/clock-ledger";

const text = (key: string, max = 2000) => z.string().trim().min(2, key).max(max, key);

export const ZReviewInput = z.object({
  applicationId: z.string().trim().min(1),
  recommendation: z.enum(["APPROVE", "DENY"], "review.recommendation"),
  opinion: text("review.opinion"),
});
export const ZDecideInput = z.object({
  applicationId: z.string().trim().min(1),
  decision: z.enum(["APPROVE", "DENY"], "decision.decision"),
  reason: z.string().trim().max(2000).default(""),
  basis: z.string().trim().max(2000).default(""),
  /** 计量收费: a grant's quantity for each fee line charged by quantity, keyed by the line's position. */
  quantities: z.record(z.string().regex(/^\d{1,2}$/), z.string().trim().max(20, "decision.quantity")).default({}),
});

/** The decision form's flat fields ("quantities.1" …) as the input. */
export function decideFormToInput(fd: FormData): unknown {
  const { fields, group } = groupedFields(fd, "quantities.");
  return { ...fields, quantities: group };
}
export const ZEscalateInput = z.object({ applicationId: z.string().trim().min(1), note: text("decision.note", 1000) });
export const ZForwardInput = z.object({ applicationId: z.string().trim().min(1), to: text("decision.forwardTo", 200) });
export const ZHigherReplyInput = z.object({ applicationId: z.string().trim().min(1), reply: text("decision.reply") });
export const ZSuspendInput = z.object({
  applicationId: z.string().trim().min(1),
  reason: z.enum(SUSPENSION_REASONS, "clock.reason"),
  note: text("clock.note", 1000),
  /** How many working days it is expected to take: the special-procedure notice says so. */
  expectedDays: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int("clock.expectedDays").min(1, "clock.expectedDays").max(250, "clock.expectedDays").optional()),
});
export const ZEndSuspensionInput = z.object({ applicationId: z.string().trim().min(1) });
export const ZSurveyInput = z.object({ applicationId: z.string().trim().min(1), note: text("clock.note", 1000) });
export const ZExtensionInput = z.object({
  applicationId: z.string().trim().min(1),
  days: z.coerce.number().int("clock.days").min(1, "clock.days").max(10, "clock.days"),
  note: text("clock.note", 1000),
});
