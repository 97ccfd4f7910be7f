import { describe, expect, it } from "vitest";
import { decisionAuthority, delegationGrantProblems, delegationRefusal, type DelegationFacts } from "./delegation";

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
  it("a grant needs a grantee, a scope and a period that ends after it starts", () => {
    expect(delegationGrantProblems({ granteeUserId: null, granteeRole: null, itemIds: [], sectionIds: [], validFrom: "2026-02-01", validTo: "2026-01-01" })).toEqual(["grantee", "scope", "validTo"]);
    expect(delegationGrantProblems({ granteeUserId: null, granteeRole: "CLERK", itemIds: ["i"], sectionIds: [], validFrom: "2026-01-01", validTo: "2026-01-01" })).toEqual([]);
  });
});
