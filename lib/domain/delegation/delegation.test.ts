import { describe, expect, it } from "vitest";
import { decisionAuthority, delegationActions, delegationGrantProblems, delegationRefusal, delegationStatus, type DelegationFacts } from "./delegation";

const clerk = { id: "u-clerk", role: "CLERK" as const };
const chief = { id: "u-chief", role: "CHIEF" as const };
const instant = { itemId: "item-1", sectionId: "S01", itemKind: "INSTANT" as const };
const promised = { itemId: "item-2", sectionId: "S01", itemKind: "PROMISED" as const };
const now = new Date("2026-11-23T02:00:00Z");
const today = "2026-11-23";

const grant = (over: Partial<DelegationFacts> = {}): DelegationFacts => ({
  id: "d1",
  number: "授字〔2026〕1号",
  granteeUserId: null,
  granteeRole: "CLERK",
  itemIds: ["item-1"],
  sectionIds: [],
  scope: "INSTANT_ONLY",
  validFrom: "2026-01-01",
  validTo: "2026-12-31",
  revokedAt: null,
  ...over,
});

describe("delegation check", () => {
  it("a valid delegation covering the item lets its grantee decide, and says which one", () => {
    expect(decisionAuthority([grant()], clerk, instant, now, today)).toMatchObject({ ok: true, basis: "DELEGATION", delegation: { id: "d1" } });
  });
  it("a revoked delegation decides nothing, from the moment of revocation", () => {
    expect(decisionAuthority([grant({ revokedAt: new Date("2026-11-23T01:59:59Z") })], clerk, instant, now, today)).toMatchObject({ ok: false, reason: "REVOKED" });
    expect(decisionAuthority([grant({ revokedAt: new Date("2026-11-23T02:00:01Z") })], clerk, instant, now, today).ok).toBe(true);
  });
  it("an expired or not yet valid delegation decides nothing (dates inclusive)", () => {
    expect(decisionAuthority([grant({ validTo: "2026-11-22" })], clerk, instant, now, today)).toMatchObject({ ok: false, reason: "EXPIRED" });
    expect(decisionAuthority([grant({ validFrom: "2026-11-24" })], clerk, instant, now, today)).toMatchObject({ ok: false, reason: "NOT_YET_VALID" });
    expect(decisionAuthority([grant({ validTo: today, validFrom: today })], clerk, instant, now, today).ok).toBe(true);
  });
  it("an out-of-scope item or kind decides nothing", () => {
    expect(decisionAuthority([grant()], clerk, { ...instant, itemId: "other" }, now, today)).toMatchObject({ ok: false, reason: "ITEM_OUT_OF_SCOPE" });
    expect(decisionAuthority([grant({ itemIds: ["item-2"] })], clerk, promised, now, today)).toMatchObject({ ok: false, reason: "KIND_OUT_OF_SCOPE" });
    expect(decisionAuthority([grant({ itemIds: [], sectionIds: ["S01"], scope: "INSTANT_AND_PROMISED", granteeRole: "CHIEF" })], chief, promised, now, today).ok).toBe(true);
    expect(decisionAuthority([grant({ sectionIds: ["S01"], scope: "INSTANT_AND_PROMISED", granteeRole: "CHIEF" })], chief, { ...promised, itemKind: "REPORTED" }, now, today)).toMatchObject({
      ok: false,
      reason: "KIND_OUT_OF_SCOPE",
    });
  });
  it("a delegation to one person is not another's; without any, the answer is NO_DELEGATION", () => {
    expect(decisionAuthority([grant({ granteeUserId: "someone-else", granteeRole: null })], clerk, instant, now, today)).toEqual({ ok: false, reason: "NO_DELEGATION" });
    expect(decisionAuthority([], chief, promised, now, today)).toEqual({ ok: false, reason: "NO_DELEGATION" });
    expect(delegationRefusal(grant({ granteeUserId: clerk.id, granteeRole: null }), clerk, instant, now, today)).toBeNull();
  });
  it("the clearest refusal wins when several delegations fail", () => {
    const result = decisionAuthority([grant({ id: "a", itemIds: ["x"] }), grant({ id: "b", revokedAt: new Date("2026-01-01") })], clerk, instant, now, today);
    expect(result).toMatchObject({ ok: false, reason: "REVOKED", delegation: { id: "b" } });
  });
  it("the director holds the authority the delegations come from", () => {
    expect(decisionAuthority([], { id: "d", role: "DIRECTOR" }, promised, now, today)).toEqual({ ok: true, basis: "DIRECTOR" });
  });
  it("a grant needs a grantee, a scope and a period that starts today at the earliest and ends after it starts", () => {
    expect(delegationGrantProblems({ granteeUserId: null, granteeRole: null, itemIds: [], sectionIds: [], validFrom: "2026-02-01", validTo: "2026-01-01" }, "2026-01-15")).toEqual(["grantee", "scope", "validTo"]);
    expect(delegationGrantProblems({ granteeUserId: null, granteeRole: "CLERK", itemIds: ["i"], sectionIds: [], validFrom: "2026-01-01", validTo: "2026-01-01" }, "2026-01-01")).toEqual([]);
    // Entirely in the past, or started yesterday: refused, naming the start.
    expect(delegationGrantProblems({ granteeUserId: null, granteeRole: "CLERK", itemIds: ["i"], sectionIds: [], validFrom: "2025-01-01", validTo: "2025-12-31" }, "2026-01-01")).toEqual(["validFrom"]);
    expect(delegationGrantProblems({ granteeUserId: null, granteeRole: "CLERK", itemIds: ["i"], sectionIds: [], validFrom: "2025-12-31", validTo: "2026-03-31" }, "2026-01-01")).toEqual(["validFrom"]);
  });
  it("a delegation of other items is not cited as the reason a decision is refused", () => {
    const otherItemExpired = grant({ id: "other", itemIds: ["someOtherItem"], validFrom: "2025-01-01", validTo: "2025-06-30" });
    expect(decisionAuthority([otherItemExpired], clerk, instant, now, today)).toEqual({ ok: false, reason: "ITEM_OUT_OF_SCOPE" });
    // One that covers the item and expired is the reason, and is named.
    const thisItemExpired = grant({ id: "this", validFrom: "2025-01-01", validTo: "2025-06-30" });
    expect(decisionAuthority([otherItemExpired, thisItemExpired], clerk, instant, now, today)).toMatchObject({ ok: false, reason: "EXPIRED", delegation: { id: "this" } });
  });
  it("status and actions: in force or to come may be revoked; expired or revoked offer nothing", () => {
    const d = (validFrom: string, validTo: string, revokedAt: Date | null = null) => ({ validFrom, validTo, revokedAt });
    expect(delegationStatus(d("2026-01-01", "2026-12-31"), "2026-06-01")).toBe("active");
    expect(delegationStatus(d("2026-07-01", "2026-12-31"), "2026-06-01")).toBe("future");
    expect(delegationStatus(d("2026-01-01", "2026-05-31"), "2026-06-01")).toBe("expired");
    expect(delegationStatus(d("2026-01-01", "2026-12-31", new Date("2026-03-01")), "2026-06-01")).toBe("revoked");
    expect(delegationActions("active")).toEqual(["REVOKE"]);
    expect(delegationActions("future")).toEqual(["REVOKE"]);
    expect(delegationActions("expired")).toEqual([]);
    expect(delegationActions("revoked")).toEqual([]);
  });
});
