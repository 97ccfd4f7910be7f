// How far a certificate's delivery (送达) has come, as one step with its facts: the applicant's page
// and the case page word it each in their own language, from this one reading.
import type { DeliveryMethod } from "./certificate-actions";

export type DeliveryStep =
  | { step: "electronic" }
  | { step: "awaitingPickup" }
  | { step: "collected"; name: string; at: Date }
  | { step: "awaitingPost"; address: string }
  | { step: "mailed"; tracking: string; address: string; at: Date };

export function deliveryStep(c: { deliveryMethod: DeliveryMethod; deliveredAt: Date | null; collectorName: string | null; mailedAt: Date | null; trackingNumber: string | null; deliveryAddress: string }): DeliveryStep {
  if (c.deliveryMethod === "ELECTRONIC") return { step: "electronic" };
  if (c.deliveryMethod === "PICKUP") return c.deliveredAt ? { step: "collected", name: c.collectorName ?? "", at: c.deliveredAt } : { step: "awaitingPickup" };
  return c.mailedAt ? { step: "mailed", tracking: c.trackingNumber ?? "", address: c.deliveryAddress, at: c.mailedAt } : { step: "awaitingPost", address: c.deliveryAddress };
}

/** The step's words: `t(key, values)` in the caller's namespace (`<prefix>.<step>`), dates formatted by `when`. */
export function deliveryStepText<R>(s: DeliveryStep, prefix: string, t: (key: string, values?: Record<string, string>) => R, when: (d: Date) => string): R {
  const key = `${prefix}.${s.step}`;
  if (s.step === "collected") return t(key, { name: s.name, when: when(s.at) });
  if (s.step === "awaitingPost") return t(key, { address: s.address });
  if (s.step === "mailed") return t(key, { tracking: s.tracking, address: s.address, when: when(s.at) });
  return t(key);
}
