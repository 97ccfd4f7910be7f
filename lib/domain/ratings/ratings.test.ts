import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "@/lib/domain/calendar/working-days";
import { aspectsOf, bundleVisitCertificate, followUpDue, INTAKE_VISIT, isBadRating, onlineServiceRateable, parseVisit, pickupIsOwnVisit, pickupVisit, RATING_LEVELS, serviceKey, visitId, VISIT_MINUTES } from "./ratings";

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

describe("the window visits a link can name", () => {
  it("the intake (named or not) and each certificate's pick-up; anything else is none", () => {
    expect(parseVisit(undefined)).toEqual({ kind: "INTAKE" });
    expect(parseVisit("INTAKE")).toEqual({ kind: "INTAKE" });
    expect(parseVisit(pickupVisit("cm1abc"))).toEqual({ kind: "PICKUP", certificateId: "cm1abc" });
    expect(visitId({ kind: "PICKUP", certificateId: "cm1abc" })).toBe("PICKUP-cm1abc");
    expect(visitId({ kind: "INTAKE" })).toBe(INTAKE_VISIT);
    for (const bad of ["PICKUP-", "PICKUP-../x", "pickup-cm1", "OTHER", "PICKUP-A%00"]) expect(parseVisit(bad)).toBeNull();
    // One rating per visit: the pick-up's key is not the intake's.
    expect(serviceKey("WINDOW", "app1", pickupVisit("c1"))).not.toBe(serviceKey("WINDOW", "app1", INTAKE_VISIT));
  });
});

describe("a hand-over at the window", () => {
  const accepted = new Date("2026-11-02T02:00:00Z");
  const intake = { channel: "WINDOW", acceptedById: "clerk1", acceptedAt: accepted };
  const later = (minutes: number) => new Date(accepted.getTime() + minutes * 60_000);
  it("is a visit of its own, unless the accepting clerk hands it over in the same sitting", () => {
    expect(pickupIsOwnVisit(intake, { by: "clerk1", at: later(10) })).toBe(false);
    expect(pickupIsOwnVisit(intake, { by: "clerk1", at: later(VISIT_MINUTES) })).toBe(true);
    expect(pickupIsOwnVisit(intake, { by: "clerk2", at: later(10) })).toBe(true);
    expect(pickupIsOwnVisit({ channel: "ONLINE", acceptedById: "clerk1", acceptedAt: accepted }, { by: "clerk1", at: later(10) })).toBe(true);
    expect(pickupIsOwnVisit({ channel: "WINDOW", acceptedById: null, acceptedAt: null }, { by: "clerk1", at: later(10) })).toBe(true);
  });
});

describe("a bundle's one hand-over", () => {
  it("is rated as the pick-up of its lowest-numbered certificate, whatever order they come in", () => {
    const certs = [
      { id: "c3", number: "广安审批食经〔2026〕第00012号" },
      { id: "c1", number: "广安审批公卫〔2026〕第00003号" },
      { id: "c2", number: "广安审批食经〔2026〕第00011号" },
    ];
    expect(bundleVisitCertificate(certs)?.id).toBe("c1");
    expect(bundleVisitCertificate([...certs].reverse())?.id).toBe("c1");
    expect(bundleVisitCertificate(certs.slice(0, 1))?.id).toBe("c3");
    expect(bundleVisitCertificate([])).toBeUndefined();
  });
});
