import { describe, expect, it } from "vitest";
import { deliveryStep, deliveryStepText } from "./delivery-step";

const base = { deliveryMethod: "ELECTRONIC" as const, deliveredAt: null, collectorName: null, mailedAt: null, trackingNumber: null, deliveryAddress: "建设路 1 号" };
const at = new Date("2026-11-30T02:00:00Z");

describe("deliveryStep", () => {
  it("reads each method's progress", () => {
    expect(deliveryStep(base)).toEqual({ step: "electronic" });
    expect(deliveryStep({ ...base, deliveryMethod: "PICKUP" })).toEqual({ step: "awaitingPickup" });
    expect(deliveryStep({ ...base, deliveryMethod: "PICKUP", deliveredAt: at, collectorName: "张三" })).toEqual({ step: "collected", name: "张三", at });
    expect(deliveryStep({ ...base, deliveryMethod: "POST" })).toEqual({ step: "awaitingPost", address: "建设路 1 号" });
    expect(deliveryStep({ ...base, deliveryMethod: "POST", mailedAt: at, trackingNumber: "SF1" })).toEqual({ step: "mailed", tracking: "SF1", address: "建设路 1 号", at });
  });

  it("words a step under the caller's prefix", () => {
    const t = (key: string, v?: Record<string, string>) => `${key}${v ? JSON.stringify(v) : ""}`;
    expect(deliveryStepText({ step: "collected", name: "张三", at }, "state", t, () => "D")).toBe('state.collected{"name":"张三","when":"D"}');
    expect(deliveryStepText({ step: "electronic" }, "deliveryState", t, () => "D")).toBe("deliveryState.electronic");
  });
});
