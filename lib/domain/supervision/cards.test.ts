import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "@/lib/domain/calendar/working-days";
import { cardActions, cardPeople, cardResponsible, cardsToClose, dueCards, watchedKinds, type CaseClocks } from "./cards";

// 2026 with National Day: 1–7 Oct off, Sat 10 Oct a working day.
const cal = createWorkingCalendar([{ year: 2026, off: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"], work: ["2026-10-10"] }]);
const running: CaseClocks = { state: "ACCEPTED", filedAt: null, decidedAt: null, promisedDue: "2026-10-13", statutoryDue: "2026-11-03", owedBy: null, clockSuspended: false };

describe("which cards a case shows", () => {
  it("watches each clock only in its states", () => {
    expect(watchedKinds("SUBMITTED")).toEqual(["UNANSWERED_FILING"]);
    expect(watchedKinds("ACCEPTED_WITH_DEFICIENCIES")).toEqual(["PROMISED", "STATUTORY", "OWED_MATERIALS"]);
    expect(watchedKinds("AWAITING_SEAL")).toEqual(["ISSUANCE"]);
    expect(watchedKinds("ISSUED")).toEqual([]);
    expect(watchedKinds("DRAFT")).toEqual([]);
  });

  it("promised and statutory dates: yellow within the warning days, red once passed; nothing while suspended", () => {
    expect(dueCards(running, cal, "2026-10-08", 3)).toEqual([]);
    expect(dueCards(running, cal, "2026-10-09", 3)).toEqual([{ kind: "PROMISED", colour: "YELLOW", dueOn: "2026-10-13", subject: "" }]);
    expect(dueCards(running, cal, "2026-10-14", 3)).toEqual([{ kind: "PROMISED", colour: "RED", dueOn: "2026-10-13", subject: "" }]);
    expect(dueCards({ ...running, clockSuspended: true }, cal, "2026-10-14", 3)).toEqual([]);
    expect(dueCards(running, cal, "2026-11-04", 3).map((c) => `${c.kind}:${c.colour}`)).toEqual(["PROMISED:RED", "STATUTORY:RED"]);
  });

  it("art. 44: issuance within 10 working days of the decision", () => {
    const approved: CaseClocks = { ...running, state: "AWAITING_SEAL", decidedAt: new Date("2026-09-29T02:00:00Z") };
    // 30 Sep, 8, 9, 10, 12, 13, 14, 15, 16, 19 Oct: due Mon 19 Oct.
    expect(dueCards(approved, cal, "2026-10-20", 3)).toEqual([{ kind: "ISSUANCE", colour: "RED", dueOn: "2026-10-19", subject: "" }]);
    expect(dueCards(approved, cal, "2026-10-14", 3)).toEqual([{ kind: "ISSUANCE", colour: "YELLOW", dueOn: "2026-10-19", subject: "" }]);
  });

  it("票款分离: no issuance card while the fees are unpaid; once paid, the 10 working days count from the payment", () => {
    const approved: CaseClocks = { ...running, state: "AWAITING_SEAL", decidedAt: new Date("2026-09-29T02:00:00Z") };
    expect(dueCards({ ...approved, payment: { paid: false, paidAt: null } }, cal, "2026-10-20", 3)).toEqual([]);
    // Paid on 12 Oct: 13, 14, 15, 16, 19, 20, 21, 22, 23, 26 Oct.
    const paid = { ...approved, payment: { paid: true, paidAt: new Date("2026-10-12T03:00:00Z") } };
    expect(dueCards(paid, cal, "2026-10-20", 3)).toEqual([]);
    expect(dueCards(paid, cal, "2026-10-27", 3)).toEqual([{ kind: "ISSUANCE", colour: "RED", dueOn: "2026-10-26", subject: "" }]);
    // Paid before the decision was recorded (cannot happen, but the decision still counts): from the decision.
    expect(dueCards({ ...approved, payment: { paid: true, paidAt: new Date("2026-09-01T00:00:00Z") } }, cal, "2026-10-20", 3)).toHaveLength(1);
  });

  it("art. 32: a filing red after four full working days without an answer, naming the fifth", () => {
    const filed: CaseClocks = { ...running, state: "SUBMITTED", filedAt: new Date("2026-09-29T02:00:00Z"), promisedDue: null, statutoryDue: null };
    expect(dueCards(filed, cal, "2026-10-08", 3)).toEqual([]);
    expect(dueCards(filed, cal, "2026-10-09", 3)).toEqual([{ kind: "UNANSWERED_FILING", colour: "YELLOW", dueOn: "2026-10-12", subject: "" }]);
    expect(dueCards(filed, cal, "2026-10-12", 3)).toEqual([{ kind: "UNANSWERED_FILING", colour: "RED", dueOn: "2026-10-12", subject: "" }]);
  });

  it("closes what no longer holds, and a yellow card once the red one is due", () => {
    const open = [{ kind: "PROMISED" as const, colour: "YELLOW" as const, subject: "" }, { kind: "OWED_MATERIALS" as const, colour: "RED" as const, subject: "" }];
    expect(cardsToClose(open, [{ kind: "PROMISED", colour: "RED", dueOn: "2026-10-13", subject: "" }])).toEqual(open);
    expect(cardsToClose(open, [{ kind: "PROMISED", colour: "YELLOW", dueOn: "2026-10-13", subject: "" }, { kind: "OWED_MATERIALS", colour: "RED", dueOn: "2026-10-13", subject: "" }])).toEqual([]);
  });
});

describe("follow-ups of bad ratings (差评整改)", () => {
  // Rated Tue 29 Sep, due 5 working days later: 30 Sep, 8, 9, 10 (Sat, worked), 12 Oct.
  const issued: CaseClocks = { ...running, state: "ISSUED", followUps: [{ id: "f1", dueOn: "2026-10-12" }, { id: "f2", dueOn: "2026-10-15" }] };
  it("each open follow-up is watched whatever the case's state, yellow near its day, red the working day after", () => {
    expect(dueCards(issued, cal, "2026-09-30", 3)).toEqual([]);
    expect(dueCards(issued, cal, "2026-10-09", 3)).toEqual([{ kind: "RATING_FOLLOW_UP", colour: "YELLOW", dueOn: "2026-10-12", subject: "f1" }]);
    expect(dueCards(issued, cal, "2026-10-12", 3).map((c) => `${c.subject}:${c.colour}`)).toEqual(["f1:YELLOW", "f2:YELLOW"]);
    expect(dueCards(issued, cal, "2026-10-13", 3)).toEqual([
      { kind: "RATING_FOLLOW_UP", colour: "RED", dueOn: "2026-10-12", subject: "f1" },
      { kind: "RATING_FOLLOW_UP", colour: "YELLOW", dueOn: "2026-10-15", subject: "f2" },
    ]);
  });
  it("an answered follow-up (no longer given) closes its cards only", () => {
    const open = [{ kind: "RATING_FOLLOW_UP" as const, colour: "RED" as const, subject: "f1" }, { kind: "RATING_FOLLOW_UP" as const, colour: "YELLOW" as const, subject: "f2" }];
    const due = dueCards({ ...issued, followUps: [{ id: "f2", dueOn: "2026-10-15" }] }, cal, "2026-10-13", 3);
    expect(cardsToClose(open, due)).toEqual([open[0]]);
  });
});

describe("what may be done with a card", () => {
  const card = { open: true, responsibleId: "chief", noticePending: false };
  it("a supervisor issues a notice on an open card without one; the named person answers a pending one", () => {
    expect(cardActions(card, { id: "sup", supervises: true, answers: false })).toEqual(["ISSUE_NOTICE"]);
    expect(cardActions({ ...card, noticePending: true }, { id: "sup", supervises: true, answers: false })).toEqual([]);
    expect(cardActions({ ...card, noticePending: true }, { id: "chief", supervises: false, answers: true })).toEqual(["ANSWER_NOTICE"]);
    expect(cardActions({ ...card, noticePending: true }, { id: "other", supervises: false, answers: true })).toEqual([]);
    expect(cardActions({ ...card, responsibleId: null, noticePending: true }, { id: "other", supervises: false, answers: true })).toEqual(["ANSWER_NOTICE"]);
    expect(cardActions({ ...card, open: false, noticePending: true }, { id: "chief", supervises: true, answers: true })).toEqual([]);
  });
});

describe("who a card concerns", () => {
  const people = cardPeople([
    { id: "c1", role: "CHIEF", sectionId: "S1" },
    { id: "c2", role: "CHIEF", sectionId: "S1" },
    { id: "sup", role: "SUPERVISOR", sectionId: null },
    { id: "c3", role: "CHIEF", sectionId: null },
  ]);
  it("the first chief of each section, and the supervisors", () => {
    expect([...people.chiefOf]).toEqual([["S1", "c1"]]);
    expect(people.supervisors).toEqual(["sup"]);
  });
  it("the accepting clerk for issuance and owed materials, else the section's chief", () => {
    const c = { sectionId: "S1", acceptedById: "clerk" };
    expect(cardResponsible("ISSUANCE", c, people)).toBe("clerk");
    expect(cardResponsible("OWED_MATERIALS", c, people)).toBe("clerk");
    expect(cardResponsible("PROMISED", c, people)).toBe("c1");
    expect(cardResponsible("ISSUANCE", { sectionId: "S2", acceptedById: null }, people)).toBeNull();
  });
});
