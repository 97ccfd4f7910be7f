import { describe, expect, it } from "vitest";
import fc from "fast-check";
import holidays from "../../../prisma/data/cn-holidays-2007-2026.json";
import { calendarYearsFromHolidayJson } from "../calendar/holiday-data";
import { createWorkingCalendar } from "../calendar/working-days";
import { nextState } from "../workflow/application-workflow";
import { editableMaterials, idTailMatches, mayViewApplication } from "./access";
import { formatApplicationNumber, normaliseApplicationNumber } from "./application-number";
import { checklistVerdict, dueDatesFrom, intakeFacts, materialApplies, owedMaterialIds, type ChecklistLine } from "./intake";
import { fileNameProblem, uploadProblemBeforeReading, uploadProblemOfContent, UPLOAD_LIMITS } from "./uploads";

const cal = createWorkingCalendar(calendarYearsFromHolidayJson(holidays));
const PDF = new TextEncoder().encode("%PDF-1.7\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("application numbers", () => {
  it("formats region, day and a five-digit sequence", () => {
    expect(formatApplicationNumber("511602", "2026-11-23", 42)).toBe("511602-20261123-00042");
  });
  it("goes past 99,999 a day with a longer number instead of failing; refuses 0 and beyond seven digits", () => {
    expect(formatApplicationNumber("511602", "2026-11-23", 100_000)).toBe("511602-20261123-100000");
    expect(normaliseApplicationNumber("511602-20261123-100000")).toBe("511602-20261123-100000");
    expect(normaliseApplicationNumber("51160220261123100000")).toBe("511602-20261123-100000");
    expect(() => formatApplicationNumber("511602", "2026-11-23", 0)).toThrow(RangeError);
    expect(() => formatApplicationNumber("511602", "2026-11-23", 10_000_000)).toThrow(RangeError);
  });
  it("normalises what people type, and round-trips every formatted number", () => {
    expect(normaliseApplicationNumber(" 511602 20261123 00042 ")).toBe("511602-20261123-00042");
    expect(normaliseApplicationNumber("５１１６０２－２０２６１１２３－０００４２")).toBe("511602-20261123-00042");
    expect(normaliseApplicationNumber("511602-2026112-00042")).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), (n) => normaliseApplicationNumber(formatApplicationNumber("511602", "2026-01-05", n)) === formatApplicationNumber("511602", "2026-01-05", n)),
    );
  });
});

describe("upload rules", () => {
  it.each(["../../x.pdf", "..\\x.pdf", "a/b.pdf", ".hidden.pdf", "x\u0000.pdf", "C:x.pdf", ""])("refuses the name %j", (name) => {
    expect(fileNameProblem(name)).toBe("UPLOAD_NAME_UNSAFE");
  });
  it("accepts an ordinary Chinese file name", () => {
    expect(fileNameProblem("营业执照 副本（2026）.pdf")).toBeNull();
  });
  it("refuses disallowed types by name and by content", () => {
    expect(uploadProblemBeforeReading("setup.exe", 10)).toBe("UPLOAD_TYPE_NOT_ALLOWED");
    expect(uploadProblemOfContent("photo.pdf", 8, PNG)).toBe("UPLOAD_TYPE_NOT_ALLOWED");
    expect(uploadProblemOfContent("doc.pdf", 9, new TextEncoder().encode("MZ\x90\x00"))).toBe("UPLOAD_TYPE_NOT_ALLOWED");
    expect(uploadProblemOfContent("doc.pdf", 9, PDF)).toBeNull();
    expect(uploadProblemOfContent("scan.PNG", 8, PNG)).toBeNull();
  });
  it("refuses empty and oversized files", () => {
    expect(uploadProblemBeforeReading("big.pdf", UPLOAD_LIMITS.maxBytes + 1)).toBe("UPLOAD_TOO_LARGE");
    expect(uploadProblemOfContent("big.pdf", UPLOAD_LIMITS.maxBytes + 1, PDF)).toBe("UPLOAD_TOO_LARGE");
    expect(uploadProblemOfContent("empty.pdf", 0, PDF)).toBe("UPLOAD_EMPTY");
  });
});

describe("intake checklist", () => {
  const lines = (core: "OK" | "MISSING", supp: "OK" | "MISSING"): ChecklistLine[] => [
    { materialId: "c1", kind: "CORE", verdict: "OK" },
    { materialId: "c2", kind: "CORE", verdict: core },
    { materialId: "s1", kind: "SUPPLEMENTARY", verdict: supp },
  ];
  it("容缺受理 is refused while a core material is missing, allowed when only supplementary ones are", () => {
    expect(() => nextState("SUBMITTED", "ACCEPT_WITH_DEFICIENCIES", "CLERK", intakeFacts(lines("MISSING", "MISSING")))).toThrow(
      expect.objectContaining({ code: "CORE_MATERIAL_MISSING" }),
    );
    expect(nextState("SUBMITTED", "ACCEPT_WITH_DEFICIENCIES", "CLERK", intakeFacts(lines("OK", "MISSING")))).toBe("ACCEPTED_WITH_DEFICIENCIES");
    expect(owedMaterialIds(lines("OK", "MISSING"))).toEqual(["s1"]);
  });
  it("a conditional material whose situation does not hold is not applicable: never missing, never owed", () => {
    const agentNotUsed: ChecklistLine[] = [...lines("OK", "OK"), { materialId: "agent", kind: "SUPPLEMENTARY", verdict: checklistVerdict({ ticked: false, fileGiven: false, applicable: false }) }];
    expect(agentNotUsed[3].verdict).toBe("NOT_APPLICABLE");
    expect(nextState("SUBMITTED", "ACCEPT", "CLERK", intakeFacts(agentNotUsed))).toBe("ACCEPTED");
    expect(owedMaterialIds(agentNotUsed)).toEqual([]);
    // When it applies, or a file was given anyway, it is checked like any other.
    expect(checklistVerdict({ ticked: false, fileGiven: false, applicable: true })).toBe("MISSING");
    expect(checklistVerdict({ ticked: false, fileGiven: true, applicable: false })).toBe("DEFICIENT");
    expect(checklistVerdict({ ticked: true, fileGiven: true, applicable: false })).toBe("OK");
    expect(materialApplies({ id: "agent", condition: "委托他人办理" }, [])).toBe(false);
    expect(materialApplies({ id: "agent", condition: "委托他人办理" }, ["agent"])).toBe(true);
    expect(materialApplies({ id: "form", condition: "" }, [])).toBe(true);
  });
  it("plain acceptance needs every material", () => {
    expect(() => nextState("SUBMITTED", "ACCEPT", "CLERK", intakeFacts(lines("OK", "MISSING")))).toThrow(expect.objectContaining({ code: "MATERIALS_INCOMPLETE" }));
    expect(nextState("SUBMITTED", "ACCEPT", "CLERK", intakeFacts(lines("OK", "OK")))).toBe("ACCEPTED");
  });
});

describe("due dates at acceptance", () => {
  it("count working days after the acceptance day, skipping National Day 2026 and counting its make-up Saturday", () => {
    // Accepted Wed 2026-09-30. 1 Oct–7 Oct are off; Sat 10 Oct is a make-up working day (调休).
    // Working days after: Thu 8 (1), Fri 9 (2), Sat 10 (3), Mon 12 (4), Tue 13 (5) …
    const due = dueDatesFrom(cal, "2026-09-30", { promisedDays: 5, statutoryDays: 20 });
    expect(due.promisedDue).toBe("2026-10-13");
    // … Wed 14 (6) … Fri 16 (8), Mon 19–Fri 23 (9–13), Mon 26–Fri 30 (14–18), Mon 2 Nov (19), Tue 3 Nov (20)
    expect(due.statutoryDue).toBe("2026-11-03");
  });
  it("an instant item is due the day it is accepted", () => {
    expect(dueDatesFrom(cal, "2026-11-23", { promisedDays: 0, statutoryDays: 20 }).promisedDue).toBe("2026-11-23");
  });
  it("refuses to guess beyond the calendar it holds", () => {
    expect(() => dueDatesFrom(cal, "2026-12-15", { promisedDays: 5, statutoryDays: 20 })).toThrow(expect.objectContaining({ code: "CALENDAR_YEAR_MISSING" }));
  });
});

describe("who sees an application", () => {
  const app = { applicantId: "u1" };
  it("its applicant and case staff, never another applicant or the administrator", () => {
    expect(mayViewApplication({ id: "u1", role: "APPLICANT" }, app)).toBe(true);
    expect(mayViewApplication({ id: "u2", role: "APPLICANT" }, app)).toBe(false);
    expect(mayViewApplication({ id: "c", role: "CLERK" }, app)).toBe(true);
    expect(mayViewApplication({ id: "a", role: "ADMIN" }, app)).toBe(false);
  });
  it("the public lookup needs exactly the last four characters", () => {
    expect(idTailMatches("51160219880615021X", "021x")).toBe(true);
    expect(idTailMatches("51160219880615021X", "021")).toBe(false);
    expect(idTailMatches("51160219880615021X", "0212")).toBe(false);
    expect(idTailMatches(null, "0212")).toBe(false);
  });
  it("materials can change only while the filer holds the file", () => {
    expect(editableMaterials("DRAFT")).toBe("all");
    expect(editableMaterials("CORRECTION_REQUESTED")).toBe("all");
    expect(editableMaterials("ACCEPTED_WITH_DEFICIENCIES")).toBe("owed");
    expect(editableMaterials("SUBMITTED")).toBe("none");
  });
});
