import { describe, expect, it } from "vitest";
import { AREAS, ROLES, areaOfPath, areasOf, homePathOf, isBackOfficePath, mayUseArea, type Area } from "./roles";

describe("roles and areas", () => {
  it("every role's home is an area it may use, and comes first in its navigation", () => {
    for (const role of ROLES) {
      const [first] = areasOf(role);
      expect(mayUseArea(role, first)).toBe(true);
      expect(AREAS[first].href).toBe(homePathOf(role));
    }
  });

  it("an applicant may use no back-office area", () => {
    const officeAreas = (Object.keys(AREAS) as Area[]).filter((a) => isBackOfficePath(AREAS[a].href));
    expect(officeAreas.length).toBeGreaterThan(0);
    for (const area of officeAreas) expect(mayUseArea("APPLICANT", area)).toBe(false);
  });

  it("staff do not use the applicant area", () => {
    for (const role of ROLES.filter((r) => r !== "APPLICANT")) expect(mayUseArea(role, "my")).toBe(false);
  });

  it("maps paths to areas without prefix confusion", () => {
    expect(areaOfPath("/office/admin/staff")).toBe("admin");
    expect(areaOfPath("/office/administrator")).toBeNull();
    expect(areaOfPath("/my")).toBe("my");
    expect(areaOfPath("/items")).toBeNull();
    expect(isBackOfficePath("/office")).toBe(true);
    expect(isBackOfficePath("/officers")).toBe(false);
  });
});
