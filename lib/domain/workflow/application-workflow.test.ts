import { describe, expect, it } from "vitest";
import { ROLES } from "../access/roles";
import {
  APPLICATION_EVENTS,
  APPLICATION_STATES,
  TRANSITIONS,
  WorkflowError,
  clockRuns,
  eventsFrom,
  isFinal,
  nextState,
  type IntakeFacts,
} from "./application-workflow";
import { correctionNoticeViolations } from "./correction-notice";

const complete: IntakeFacts = { missingCore: 0, missingSupplementary: 0 };
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkflowError) return e.code;
    throw e;
  }
  return null;
};

describe("application workflow table", () => {
  it("walks the usual paths", () => {
    expect(nextState("DRAFT", "SUBMIT", "APPLICANT", complete)).toBe("SUBMITTED");
    expect(nextState("SUBMITTED", "ACCEPT", "CLERK", complete)).toBe("ACCEPTED");
    expect(nextState("SUBMITTED", "REQUEST_CORRECTION", "CLERK", { ...complete, missingCore: 1, correctionEntries: 1 })).toBe("CORRECTION_REQUESTED");
    expect(nextState("CORRECTION_REQUESTED", "RESUBMIT", "APPLICANT", complete)).toBe("SUBMITTED");
    expect(nextState("SUBMITTED", "REJECT", "CLERK", { ...complete, hasReasonAndBasis: true })).toBe("REJECTED");
  });

  it("allows 容缺受理 only with every core material present and something owed", () => {
    expect(code(() => nextState("SUBMITTED", "ACCEPT_WITH_DEFICIENCIES", "CLERK", { missingCore: 1, missingSupplementary: 1 }))).toBe("CORE_MATERIAL_MISSING");
    expect(code(() => nextState("SUBMITTED", "ACCEPT_WITH_DEFICIENCIES", "CLERK", complete))).toBe("NOTHING_OWED");
    expect(nextState("SUBMITTED", "ACCEPT_WITH_DEFICIENCIES", "CLERK", { missingCore: 0, missingSupplementary: 2 })).toBe("ACCEPTED_WITH_DEFICIENCIES");
    expect(code(() => nextState("ACCEPTED_WITH_DEFICIENCIES", "SUPPLY_OWED_MATERIALS", "APPLICANT", { missingCore: 0, missingSupplementary: 1 }))).toBe("MATERIALS_INCOMPLETE");
    expect(nextState("ACCEPTED_WITH_DEFICIENCIES", "SUPPLY_OWED_MATERIALS", "APPLICANT", complete)).toBe("ACCEPTED");
  });

  it("refuses a full acceptance with anything missing, an empty notice, a rejection without reason", () => {
    expect(code(() => nextState("SUBMITTED", "ACCEPT", "CLERK", { missingCore: 0, missingSupplementary: 1 }))).toBe("MATERIALS_INCOMPLETE");
    expect(code(() => nextState("SUBMITTED", "REQUEST_CORRECTION", "CLERK", { ...complete, correctionEntries: 0 }))).toBe("EMPTY_CORRECTION_NOTICE");
    expect(code(() => nextState("SUBMITTED", "REJECT", "CLERK", complete))).toBe("REASON_REQUIRED");
  });

  it("only the window accepts, and only from the intake queue", () => {
    for (const role of ROLES.filter((r) => r !== "CLERK")) {
      expect(code(() => nextState("SUBMITTED", "ACCEPT", role, complete))).toBe("ROLE_NOT_ALLOWED");
    }
    for (const state of APPLICATION_STATES.filter((s) => s !== "SUBMITTED")) {
      expect(code(() => nextState(state, "ACCEPT", "CLERK", complete))).toBe("TRANSITION_NOT_ALLOWED");
    }
  });

  it("final states allow no event; the clock runs only after acceptance", () => {
    expect(APPLICATION_STATES.filter(isFinal)).toEqual(["REJECTED", "WITHDRAWN", "REPLY_RECEIVED", "DENIED", "ISSUED"]);
    for (const state of APPLICATION_STATES.filter(isFinal)) for (const role of ROLES) expect(eventsFrom(state, role)).toEqual([]);
    expect(APPLICATION_STATES.filter(clockRuns)).toEqual(["ACCEPTED", "ACCEPTED_WITH_DEFICIENCIES", "REVIEWED", "ESCALATED"]);
  });

  it("every transition leads to a known state and names at least one role", () => {
    for (const e of APPLICATION_EVENTS) {
      expect(APPLICATION_STATES).toContain(TRANSITIONS[e].to);
      expect(TRANSITIONS[e].roles.length).toBeGreaterThan(0);
    }
  });
});

describe("review and decision", () => {
  const instant: IntakeFacts = { ...complete, itemKind: "INSTANT" };
  const promised: IntakeFacts = { ...complete, itemKind: "PROMISED" };
  it("an instant item is decided at the window right after acceptance; a promised one only after review", () => {
    expect(nextState("ACCEPTED", "APPROVE", "CLERK", instant)).toBe("AWAITING_SEAL");
    expect(code(() => nextState("ACCEPTED", "APPROVE", "CHIEF", promised))).toBe("REVIEW_REQUIRED");
    expect(nextState("ACCEPTED", "RECORD_REVIEW", "REVIEWER", promised)).toBe("REVIEWED");
    expect(nextState("REVIEWED", "APPROVE", "CHIEF", promised)).toBe("AWAITING_SEAL");
    expect(code(() => nextState("REVIEWED", "APPROVE", "REVIEWER", promised))).toBe("ROLE_NOT_ALLOWED");
  });
  it("nothing is decided or reviewed while the clock is suspended", () => {
    expect(code(() => nextState("REVIEWED", "APPROVE", "CHIEF", { ...promised, suspended: true }))).toBe("CLOCK_SUSPENDED");
    expect(code(() => nextState("ACCEPTED", "RECORD_REVIEW", "REVIEWER", { ...promised, suspended: true }))).toBe("CLOCK_SUSPENDED");
  });
  it("a denial needs reason and basis; an escalated case is the director's", () => {
    expect(code(() => nextState("REVIEWED", "DENY", "CHIEF", promised))).toBe("REASON_REQUIRED");
    expect(nextState("REVIEWED", "DENY", "CHIEF", { ...promised, hasReasonAndBasis: true })).toBe("DENIED");
    expect(nextState("REVIEWED", "ESCALATE", "CHIEF", promised)).toBe("ESCALATED");
    expect(code(() => nextState("ESCALATED", "APPROVE", "CHIEF", promised))).toBe("TRANSITION_NOT_ALLOWED");
    expect(nextState("ESCALATED", "APPROVE", "DIRECTOR", promised)).toBe("AWAITING_SEAL");
  });
  it("only reported items are forwarded, and their reply ends the case here", () => {
    expect(code(() => nextState("REVIEWED", "FORWARD", "CHIEF", promised))).toBe("NOT_A_REPORTED_ITEM");
    expect(nextState("REVIEWED", "FORWARD", "CHIEF", { ...promised, itemKind: "REPORTED" })).toBe("FORWARDED");
    expect(nextState("FORWARDED", "RECORD_HIGHER_REPLY", "CHIEF", complete)).toBe("REPLY_RECEIVED");
  });
  it("applicants never review or decide", () => {
    for (const e of ["RECORD_REVIEW", "ESCALATE", "FORWARD", "APPROVE", "DENY"] as const) expect(TRANSITIONS[e].roles).not.toContain("APPLICANT");
  });
});

describe("one-time correction notice", () => {
  const first = { seenRevisions: { form: 1, licence: 0, photo: 1 }, askedMaterialIds: ["licence"] };

  it("the first notice may ask for anything", () => {
    expect(correctionNoticeViolations([{ materialId: "photo", problem: "模糊" }], [], { photo: 1 })).toEqual([]);
  });

  it("a second notice may repeat what was asked, or ask about what changed since", () => {
    const now = { form: 2, licence: 0, photo: 1 };
    expect(correctionNoticeViolations([{ materialId: "licence", problem: "仍缺" }, { materialId: "form", problem: "新表签名缺失" }], [first], now)).toEqual([]);
  });

  it("a second notice may not ask for something visible and unchanged the first time", () => {
    expect(correctionNoticeViolations([{ materialId: "photo", problem: "模糊" }], [first], { form: 1, licence: 1, photo: 1 })).toEqual([
      { materialId: "photo", reason: "visibleBefore" },
    ]);
  });
});
