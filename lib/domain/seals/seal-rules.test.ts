import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SealRuleError, assertSealMayStamp, planSealRotation, sealMayStamp, type SealRecord, type SealValidity } from "./seal-rules";

const t0 = new Date("2026-11-23T09:00:00+08:00");
const later = (min: number) => new Date(t0.getTime() + min * 60_000);

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof SealRuleError) return e.code;
    throw e;
  }
  return undefined;
}

describe("who may stamp", () => {
  it("lets an active seal without dates stamp at any time", () => {
    expect(codeOf(() => assertSealMayStamp({ status: "ACTIVE" }, t0))).toBeUndefined();
    expect(codeOf(() => assertSealMayStamp({ status: "ACTIVE", validFrom: null, validTo: null }, t0))).toBeUndefined();
    expect(sealMayStamp({ status: "ACTIVE" }, t0)).toBe(true);
  });

  it("never lets an archived seal stamp, whatever its dates say", () => {
    expect(codeOf(() => assertSealMayStamp({ status: "ARCHIVED" }, t0))).toBe("SEAL_ARCHIVED");
    expect(codeOf(() => assertSealMayStamp({ status: "ARCHIVED", validFrom: later(-60), validTo: later(60) }, t0))).toBe("SEAL_ARCHIVED");
    fc.assert(
      fc.property(fc.option(fc.date({ noInvalidDate: true })), fc.option(fc.date({ noInvalidDate: true })), fc.date({ noInvalidDate: true }), (validFrom, validTo, at) => {
        expect(sealMayStamp({ status: "ARCHIVED", validFrom, validTo }, at)).toBe(false);
      }),
    );
  });

  it("respects the period [validFrom, validTo)", () => {
    const seal: SealValidity = { status: "ACTIVE", validFrom: later(0), validTo: later(60) };
    expect(codeOf(() => assertSealMayStamp(seal, later(-1)))).toBe("SEAL_NOT_YET_VALID");
    expect(codeOf(() => assertSealMayStamp(seal, later(0)))).toBeUndefined();
    expect(codeOf(() => assertSealMayStamp(seal, later(59)))).toBeUndefined();
    expect(codeOf(() => assertSealMayStamp(seal, later(60)))).toBe("SEAL_EXPIRED");
    expect(codeOf(() => assertSealMayStamp({ status: "ACTIVE", validTo: later(60) }, later(61)))).toBe("SEAL_EXPIRED");
  });

  it("agrees with a plain reading of the period (property)", () => {
    const ms = fc.integer({ min: 0, max: 10_000 });
    fc.assert(
      fc.property(fc.option(ms), fc.option(ms), ms, (from, to, at) => {
        const seal: SealValidity = { status: "ACTIVE", validFrom: from === null ? null : new Date(from), validTo: to === null ? null : new Date(to) };
        const expected = (from === null || at >= from) && (to === null || at < to);
        expect(sealMayStamp(seal, new Date(at))).toBe(expected);
      }),
    );
  });

  it("refuses an invalid stamping time rather than treat it as any moment", () => {
    expect(() => assertSealMayStamp({ status: "ACTIVE" }, new Date(Number.NaN))).toThrow(RangeError);
    expect(() => sealMayStamp({ status: "ACTIVE" }, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("seal rotation", () => {
  const old: SealRecord = { id: "seal-2019", status: "ACTIVE", validFrom: new Date("2019-03-01T00:00:00+08:00") };
  const fresh: SealRecord = { id: "seal-2026", status: "ACTIVE", validFrom: t0 };

  it("archives the old seal at the rotation time and activates the new one", () => {
    expect(planSealRotation(old, fresh, t0)).toEqual({
      archive: { id: "seal-2019", status: "ARCHIVED", archivedAt: t0 },
      activate: { id: "seal-2026", status: "ACTIVE" },
    });
  });

  it("does not hand out the caller's Date object", () => {
    const at = new Date(t0.getTime());
    const plan = planSealRotation(old, fresh, at);
    at.setFullYear(2000);
    expect(plan.archive?.archivedAt).toEqual(t0);
  });

  it("activates the first seal without archiving anything", () => {
    expect(planSealRotation(null, fresh, t0)).toEqual({ archive: null, activate: { id: "seal-2026", status: "ACTIVE" } });
  });

  it("afterwards the old seal cannot stamp and the new one can", () => {
    const plan = planSealRotation(old, fresh, t0);
    expect(sealMayStamp({ ...old, ...plan.archive! }, t0)).toBe(false);
    expect(sealMayStamp({ ...fresh, ...plan.activate }, t0)).toBe(true);
  });

  it("refuses rotating a seal to itself", () => {
    expect(codeOf(() => planSealRotation(old, { ...old }, t0))).toBe("SEAL_ROTATION_TO_SELF");
  });

  it("refuses rotating to an archived seal", () => {
    expect(codeOf(() => planSealRotation(old, { ...fresh, status: "ARCHIVED" }, t0))).toBe("SEAL_ROTATION_TO_ARCHIVED");
    expect(codeOf(() => planSealRotation(null, { ...fresh, status: "ARCHIVED" }, t0))).toBe("SEAL_ROTATION_TO_ARCHIVED");
  });

  it("refuses archiving a seal that is already archived (a stale read)", () => {
    expect(codeOf(() => planSealRotation({ ...old, status: "ARCHIVED" }, fresh, t0))).toBe("SEAL_ROTATION_FROM_ARCHIVED");
  });

  it("refuses a new seal that could not stamp at the rotation time", () => {
    expect(codeOf(() => planSealRotation(old, { ...fresh, validFrom: later(60) }, t0))).toBe("SEAL_NOT_YET_VALID");
    expect(codeOf(() => planSealRotation(old, { ...fresh, validFrom: later(-120), validTo: later(-60) }, t0))).toBe("SEAL_EXPIRED");
  });

  it("refuses an invalid rotation time", () => {
    expect(() => planSealRotation(old, fresh, new Date("not a date"))).toThrow(RangeError);
  });
});
