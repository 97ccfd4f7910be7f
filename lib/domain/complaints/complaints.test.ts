import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "@/lib/domain/calendar/working-days";
import { REOPEN_LIMIT, afterSatisfaction, complaintActions, complaintCard, complaintNumber, complaintStaff, mayStillReopen, normaliseComplaintNumber, stageDue, type ComplaintActor } from "./complaints";

const cal = createWorkingCalendar([{ year: 2026, off: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"], work: ["2026-10-10"] }]);
const supervisor = complaintStaff({ id: "sup", role: "SUPERVISOR", sectionId: null });
const chief = complaintStaff({ id: "chief", role: "CHIEF", sectionId: "S01" });
const otherChief = complaintStaff({ id: "other", role: "CHIEF", sectionId: "S02" });
const director = complaintStaff({ id: "dir", role: "DIRECTOR", sectionId: null });
const complainant: ComplaintActor = { kind: "complainant" };

describe("a complaint's stages", () => {
  it("each open stage is due within its working days on the bureau calendar", () => {
    expect(stageDue(cal, "RECEIVED", "2026-09-30")).toBe("2026-10-08");
    expect(stageDue(cal, "ASSIGNED", "2026-10-08")).toBe("2026-10-14");
    expect(stageDue(cal, "HANDLED", "2026-10-09")).toBe("2026-10-12");
    expect(stageDue(cal, "ANSWERED", "2026-10-09")).toBeNull();
  });

  it("the supervisor assigns, presses and answers; the assigned section handles; the complainant gives satisfaction", () => {
    const received = { stage: "RECEIVED" as const, sectionId: null, pressPending: false };
    expect(complaintActions(received, supervisor)).toEqual(["ASSIGN", "PRESS"]);
    expect(complaintActions(received, chief)).toEqual([]);
    expect(complaintActions(received, complainant)).toEqual([]);
    const assigned = { stage: "ASSIGNED" as const, sectionId: "S01", pressPending: false };
    expect(complaintActions(assigned, chief)).toEqual(["HANDLE"]);
    expect(complaintActions(assigned, otherChief)).toEqual([]);
    expect(complaintActions(assigned, director)).toEqual(["HANDLE"]);
    expect(complaintActions({ ...assigned, pressPending: true }, supervisor)).toEqual(["ASSIGN"]);
    const handled = { stage: "HANDLED" as const, sectionId: "S01", pressPending: false };
    expect(complaintActions(handled, supervisor)).toEqual(["ANSWER", "PRESS"]);
    expect(complaintActions(handled, chief)).toEqual([]);
    const answered = { stage: "ANSWERED" as const, sectionId: "S01", pressPending: false };
    expect(complaintActions(answered, complainant)).toEqual(["GIVE_SATISFACTION"]);
    expect(complaintActions(answered, supervisor)).toEqual([]);
    expect(complaintActions({ ...answered, stage: "CLOSED" }, complainant)).toEqual([]);
  });
});

describe("a complaint's cards", () => {
  it("yellow on a running stage's due day, red after it; none once answered", () => {
    const assigned = { stage: "ASSIGNED" as const, stageDueOn: "2026-10-09" };
    expect(complaintCard(assigned, cal, "2026-10-08")).toBeNull();
    expect(complaintCard(assigned, cal, "2026-10-09")).toBe("YELLOW");
    expect(complaintCard(assigned, cal, "2026-10-10")).toBe("RED");
    expect(complaintCard({ stage: "ANSWERED", stageDueOn: null }, cal, "2026-10-10")).toBeNull();
  });
});

describe("complaint numbers", () => {
  it("are the bureau date and a serial, read back tolerantly", () => {
    expect(complaintNumber("2026-12-01", 7)).toBe("TS20261201-0007");
    expect(normaliseComplaintNumber(" ts20261201－0007 ")).toBe("TS20261201-0007");
    expect(normaliseComplaintNumber("511602-20261201-0007")).toBeNull();
  });
});

describe("an unsatisfied complainant (不满意重办)", () => {
  it("sends the answered complaint back to its section once; after that their word closes it", () => {
    expect(afterSatisfaction("UNSATISFIED", 0)).toBe("ASSIGNED");
    expect(afterSatisfaction("UNSATISFIED", REOPEN_LIMIT)).toBe("CLOSED");
    expect(afterSatisfaction("BASIC", 0)).toBe("CLOSED");
    expect(afterSatisfaction("SATISFIED", 0)).toBe("CLOSED");
    expect(mayStillReopen(0)).toBe(true);
    expect(mayStillReopen(REOPEN_LIMIT)).toBe(false);
  });
});
