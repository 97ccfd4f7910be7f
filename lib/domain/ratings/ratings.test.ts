import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "@/lib/domain/calendar/working-days";
import { aspectsOf, followUpDue, isBadRating, onlineServiceRateable, RATING_LEVELS, serviceKey } from "./ratings";

const cal = createWorkingCalendar([{ year: 2026, off: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"], work: ["2026-10-10"] }]);

describe("好差评 rules", () => {
  it("five levels, the last two bad", () => {
    expect(RATING_LEVELS).toHaveLength(5);
    expect(RATING_LEVELS.filter(isBadRating)).toEqual(["UNSATISFIED", "VERY_UNSATISFIED"]);
  });

  it("an online filing is rateable once answered: refused at intake, decided or issued — not while it runs", () => {
    expect(["SUBMITTED", "ACCEPTED", "REVIEWED", "DRAFT", "WITHDRAWN"].map((s) => onlineServiceRateable(s as never))).toEqual([false, false, false, false, false]);
    expect(["REJECTED", "AWAITING_SEAL", "DENIED", "ISSUED"].map((s) => onlineServiceRateable(s as never))).toEqual([true, true, true, true]);
  });

  it("one rating per online filing and one per window visit", () => {
    expect(serviceKey("ONLINE", "a1")).toBe("a1:ONLINE");
    expect(serviceKey("WINDOW", "a1", "INTAKE")).toBe("a1:VISIT:INTAKE");
    expect(() => serviceKey("WINDOW", "a1")).toThrow(RangeError);
  });

  it("keeps only the aspects of the channel's guide, with known levels", () => {
    expect(aspectsOf("WINDOW", { attitude: "SATISFIED", easeOfUse: "SATISFIED", efficiency: "nonsense" })).toEqual({ attitude: "SATISFIED" });
    expect(aspectsOf("ONLINE", { easeOfUse: "BASIC", guideAccuracy: "VERY_SATISFIED" })).toEqual({ guideAccuracy: "VERY_SATISFIED", easeOfUse: "BASIC" });
  });

  it("a follow-up is due five working days after the rating, holidays not counted", () => {
    expect(followUpDue(cal, "2026-09-30")).toBe("2026-10-13");
    expect(followUpDue(cal, "2026-09-30", 2)).toBe("2026-10-09");
  });
});
