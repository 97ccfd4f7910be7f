import { describe, expect, it } from "vitest";
import { APPLICATION_STATES } from "./application-workflow";
import { awaitsHandover, classifyWindowSearch, WINDOW_OPEN_STATES, WINDOW_STAGE_STATES, windowStageOf } from "./window-stages";

const at = new Date("2026-11-30T02:00:00Z");

describe("the window's stages", () => {
  it("derives each stage's states from the workflow", () => {
    expect(WINDOW_STAGE_STATES).toEqual({ INTAKE: ["SUBMITTED"], CORRECTION: ["CORRECTION_REQUESTED"], OWED: ["ACCEPTED_WITH_DEFICIENCIES"], ISSUING: ["AWAITING_SEAL"] });
    expect(WINDOW_OPEN_STATES).toEqual(["SUBMITTED", "CORRECTION_REQUESTED", "ACCEPTED_WITH_DEFICIENCIES", "AWAITING_SEAL"]);
  });

  it("places every state in at most one stage, handing over only while a pick-up or post is pending", () => {
    const pickup = { deliveryMethod: "PICKUP" as const, deliveredAt: null, mailedAt: null };
    for (const s of APPLICATION_STATES) {
      const stage = windowStageOf(s, null);
      if (["DRAFT", "ACCEPTED", "REVIEWED", "ESCALATED", "FORWARDED", "REPLY_RECEIVED", "DENIED", "REJECTED", "WITHDRAWN", "ISSUED"].includes(s)) expect(stage).toBeNull();
    }
    expect(windowStageOf("ISSUED", pickup)).toBe("HANDOVER");
    expect(windowStageOf("ISSUED", { ...pickup, deliveredAt: at })).toBeNull();
    expect(windowStageOf("ISSUED", { deliveryMethod: "ELECTRONIC", deliveredAt: null, mailedAt: null })).toBeNull();
    expect(awaitsHandover({ deliveryMethod: "POST", deliveredAt: null, mailedAt: null })).toBe(true);
    expect(awaitsHandover({ deliveryMethod: "POST", deliveredAt: null, mailedAt: at })).toBe(false);
  });

  it("tells an ID (looked up, never in a URL) from a number or a name", () => {
    expect(classifyWindowSearch(" 511602198806150212 ")).toEqual({ kind: "identity", value: "511602198806150212" });
    expect(classifyWindowSearch("91511602ma0000001p")).toEqual({ kind: "identity", value: "91511602MA0000001P" });
    expect(classifyWindowSearch("20261130")).toEqual({ kind: "text", value: "20261130" });
    expect(classifyWindowSearch("张小民")).toEqual({ kind: "text", value: "张小民" });
    expect(classifyWindowSearch("   ")).toBeNull();
  });
});
