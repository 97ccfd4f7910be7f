import { describe, expect, it } from "vitest";
import { actsAsAgent, authorityMove, authorityMoves } from "./agents";

describe("an agent's authority", () => {
  it("is confirmed by the enterprise (or the window) only while requested", () => {
    expect(authorityMove("REQUESTED", "CONFIRM", "ENTERPRISE")).toBe("CONFIRMED");
    expect(authorityMove("REQUESTED", "CONFIRM", "WINDOW")).toBe("CONFIRMED");
    expect(authorityMove("REQUESTED", "CONFIRM", "AGENT")).toBeNull(); // nobody confirms their own power of attorney
    expect(authorityMove("REVOKED", "CONFIRM", "ENTERPRISE")).toBeNull();
    expect(authorityMove("CONFIRMED", "CONFIRM", "ENTERPRISE")).toBeNull();
  });
  it("is revoked by the enterprise or given up by the agent, once", () => {
    expect(authorityMove("CONFIRMED", "REVOKE", "ENTERPRISE")).toBe("REVOKED");
    expect(authorityMove("REQUESTED", "REVOKE", "AGENT")).toBe("REVOKED");
    expect(authorityMove("CONFIRMED", "REVOKE", "WINDOW")).toBeNull();
    expect(authorityMove("REVOKED", "REVOKE", "ENTERPRISE")).toBeNull();
    expect(authorityMoves("CONFIRMED", "ENTERPRISE")).toEqual(["REVOKE"]);
    expect(authorityMoves("REQUESTED", "ENTERPRISE")).toEqual(["CONFIRM", "REVOKE"]);
  });
  it("lets only the named agent act, only while confirmed", () => {
    expect(actsAsAgent("a", { agentId: "a", status: "CONFIRMED" })).toBe(true);
    expect(actsAsAgent("a", { agentId: "a", status: "REQUESTED" })).toBe(false);
    expect(actsAsAgent("a", { agentId: "a", status: "REVOKED" })).toBe(false);
    expect(actsAsAgent("b", { agentId: "a", status: "CONFIRMED" })).toBe(false);
    expect(actsAsAgent("a", null)).toBe(false);
  });
});
