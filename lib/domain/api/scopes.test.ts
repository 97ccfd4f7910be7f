import { describe, expect, it } from "vitest";
import { departmentMayRead, grantableScopes, keyMayUse, ownerOf } from "./scopes";

describe("API scopes", () => {
  it("a department may hold every scope, an applicant only applications:read", () => {
    expect(grantableScopes("department", ["events:read", "applications:read"])).toEqual(["applications:read", "events:read"]);
    expect(grantableScopes("applicant", ["applications:read"])).toEqual(["applications:read"]);
    expect(grantableScopes("applicant", ["applications:read", "decisions:read"])).toBeNull();
    expect(grantableScopes("department", [])).toBeNull();
    expect(grantableScopes("department", ["events:read", "events:read"])).toBeNull();
    expect(grantableScopes("department", ["admin"])).toBeNull();
  });

  it("a stored key's owner is exactly one of department and user", () => {
    expect(ownerOf({ departmentId: "d", userId: null })).toEqual({ kind: "department", departmentId: "d" });
    expect(ownerOf({ departmentId: null, userId: "u" })).toEqual({ kind: "applicant", userId: "u" });
    expect(ownerOf({ departmentId: "d", userId: "u" })).toBeNull();
    expect(ownerOf({ departmentId: null, userId: null })).toBeNull();
  });

  it("a key uses a scope it holds and its owner may hold", () => {
    const dept = { kind: "department" as const, departmentId: "d" };
    const person = { kind: "applicant" as const, userId: "u" };
    expect(keyMayUse({ owner: dept, scopes: ["decisions:read"] }, "decisions:read")).toBe(true);
    expect(keyMayUse({ owner: dept, scopes: ["decisions:read"] }, "events:read")).toBe(false);
    // A row widened by hand does not widen an applicant.
    expect(keyMayUse({ owner: person, scopes: ["applications:read", "events:read"] }, "events:read")).toBe(false);
  });

  it("a department reads only its own items' applications", () => {
    expect(departmentMayRead({ kind: "department", departmentId: "d" }, { itemDepartmentId: "d" })).toBe(true);
    expect(departmentMayRead({ kind: "department", departmentId: "d" }, { itemDepartmentId: "e" })).toBe(false);
    expect(departmentMayRead({ kind: "applicant", userId: "d" }, { itemDepartmentId: "d" })).toBe(false);
  });
});
