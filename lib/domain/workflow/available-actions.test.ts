// availableActions: what the table lets each role do now, for every state, item kind and clock.
import { describe, expect, it } from "vitest";
import { ROLES } from "../access/roles";
import { APPLICATION_STATES, WorkflowError, assertAllowed, rolesFor, type CaseFacts } from "./application-workflow";
import { WORKFLOW_ACTIONS, allowedActions, availableActions, firstAllowed } from "./available-actions";

const KINDS = ["INSTANT", "PROMISED", "REPORTED"] as const;
const allowed = (...args: Parameters<typeof availableActions>) => [...allowedActions(availableActions(...args))].sort();
const satisfied = { missingCore: 0, missingSupplementary: 0, correctionEntries: 1, hasReasonAndBasis: true };

describe("availableActions", () => {
  it("offers what the table allows, and exactly that, for every state, role, item kind and clock", () => {
    for (const state of APPLICATION_STATES)
      for (const role of ROLES)
        for (const itemKind of KINDS)
          for (const suspended of [false, true]) {
            const facts: CaseFacts = { itemKind, suspended };
            const offered = allowedActions(availableActions(state, role, facts));
            for (const action of WORKFLOW_ACTIONS) {
              let ok = true;
              try {
                // With form input that satisfies every check, the service's own gate agrees.
                assertAllowed(action, state, role, { ...facts, ...satisfied });
              } catch (e) {
                if (!(e instanceof WorkflowError)) throw e;
                ok = e.code === "NOTHING_OWED"; // 容缺 is offered; the checklist then decides
              }
              expect({ state, role, itemKind, suspended, action, offered: offered.has(action) }).toEqual({ state, role, itemKind, suspended, action, offered: ok });
            }
          }
  });

  it("lets a chief decide an accepted instant case, a reviewer add an opinion to an escalated one, and suspend a 容缺 case", () => {
    expect(allowed("ACCEPTED", "CHIEF", { itemKind: "INSTANT" })).toEqual(expect.arrayContaining(["APPROVE", "DENY"]));
    expect(allowed("ESCALATED", "REVIEWER", { itemKind: "PROMISED" })).toContain("ADD_OPINION");
    expect(allowed("ACCEPTED_WITH_DEFICIENCIES", "REVIEWER", { itemKind: "PROMISED" })).toEqual(expect.arrayContaining(["SUSPEND", "SURVEY"]));
  });

  it("shows a refused decision with its reason while the clock is stopped, the review missing, or no delegation covers it", () => {
    expect(availableActions("REVIEWED", "CHIEF", { itemKind: "PROMISED", suspended: true })).toEqual(
      expect.arrayContaining([
        { action: "APPROVE", allowed: false, reason: "CLOCK_SUSPENDED" },
        { action: "RESUME", allowed: true },
      ]),
    );
    expect(allowed("REVIEWED", "CHIEF", { itemKind: "PROMISED", suspended: true })).not.toContain("SUSPEND");
    expect(availableActions("ACCEPTED", "CHIEF", { itemKind: "PROMISED" })).toContainEqual({ action: "APPROVE", allowed: false, reason: "REVIEW_REQUIRED" });
    expect(availableActions("ACCEPTED", "CLERK", { itemKind: "INSTANT", authority: { ok: false, reason: "EXPIRED" } })).toContainEqual({
      action: "APPROVE",
      allowed: false,
      reason: "DELEGATION_REFUSED",
      detail: "EXPIRED",
    });
  });

  it("shows issuance refused until the fees are paid (票款分离), and owed materials first", () => {
    expect(availableActions("AWAITING_SEAL", "CLERK", { itemKind: "INSTANT", feesUnpaid: true })).toContainEqual({ action: "ISSUE", allowed: false, reason: "FEES_UNPAID" });
    expect(availableActions("AWAITING_SEAL", "CLERK", { itemKind: "INSTANT", feesUnpaid: true, owedMaterials: 1 })).toContainEqual({ action: "ISSUE", allowed: false, reason: "MATERIALS_OWED" });
    expect(allowed("AWAITING_SEAL", "CLERK", { itemKind: "INSTANT", feesUnpaid: false })).toContain("ISSUE");
    expect(() => assertAllowed("ISSUE", "AWAITING_SEAL", "CLERK", { feesUnpaid: true })).toThrow(WorkflowError);
  });

  it("hides what is never this actor's: another role's event, another item kind's, a supervisor's everything", () => {
    for (const state of APPLICATION_STATES) expect(availableActions(state, "SUPERVISOR", { itemKind: "PROMISED" })).toEqual([]);
    expect(availableActions("REVIEWED", "CHIEF", { itemKind: "PROMISED" }).map((o) => o.action)).not.toContain("FORWARD");
    expect(allowed("REVIEWED", "CHIEF", { itemKind: "REPORTED" })).toContain("FORWARD");
    expect(availableActions("ACCEPTED", "REVIEWER", { itemKind: "INSTANT" }).map((o) => o.action)).not.toContain("RECORD_REVIEW");
    expect(availableActions("ESCALATED", "CHIEF", { itemKind: "PROMISED" }).map((o) => o.action)).not.toContain("APPROVE");
  });

  it("picks a first review or a further opinion from the table, and names the roles of a service's gate", () => {
    expect(firstAllowed(["RECORD_REVIEW", "ADD_OPINION"], "ACCEPTED", "REVIEWER", { itemKind: "PROMISED" })).toBe("RECORD_REVIEW");
    expect(firstAllowed(["RECORD_REVIEW", "ADD_OPINION"], "ESCALATED", "CHIEF", { itemKind: "PROMISED" })).toBe("ADD_OPINION");
    expect(firstAllowed(["RECORD_REVIEW", "ADD_OPINION"], "AWAITING_SEAL", "CHIEF", { itemKind: "PROMISED" })).toBeNull();
    expect(rolesFor(["APPROVE", "DENY"]).sort()).toEqual(["CHIEF", "CLERK", "DIRECTOR"]);
  });
});
