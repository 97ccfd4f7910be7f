// Scopes of API keys and who may hold which: a department's key reads its own items' applications,
// decisions and events; an applicant's status token reads only the applicant's own applications.

export const API_SCOPES = ["applications:read", "decisions:read", "events:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export type ApiKeyOwner = { kind: "department"; departmentId: string } | { kind: "applicant"; userId: string };

/** The scopes each kind of owner may hold. */
export const SCOPES_BY_OWNER: Record<ApiKeyOwner["kind"], readonly ApiScope[]> = {
  department: ["applications:read", "decisions:read", "events:read"],
  applicant: ["applications:read"],
};

export function isApiScope(s: string): s is ApiScope {
  return (API_SCOPES as readonly string[]).includes(s);
}

/** The scopes requested, if this owner may hold every one of them (at least one, no repeats); else null. */
export function grantableScopes(owner: ApiKeyOwner["kind"], requested: readonly string[]): ApiScope[] | null {
  const unique = [...new Set(requested)];
  if (unique.length === 0 || unique.length !== requested.length) return null;
  if (!unique.every((s) => isApiScope(s) && SCOPES_BY_OWNER[owner].includes(s))) return null;
  return API_SCOPES.filter((s) => unique.includes(s));
}

/** The owner a stored key row describes (exactly one of department and user is set), or null for a broken row. */
export function ownerOf(row: { departmentId: string | null; userId: string | null }): ApiKeyOwner | null {
  if (row.departmentId && !row.userId) return { kind: "department", departmentId: row.departmentId };
  if (row.userId && !row.departmentId) return { kind: "applicant", userId: row.userId };
  return null;
}

/** A key may be used for a scope when it holds it and its owner may (a stored scope never widens an owner). */
export function keyMayUse(key: { owner: ApiKeyOwner; scopes: readonly string[] }, scope: ApiScope): boolean {
  return key.scopes.includes(scope) && SCOPES_BY_OWNER[key.owner.kind].includes(scope);
}

/**
 * What a department's key may read of an application: only those of items that came from that
 * department (审管分离: the department supervises what the bureau decided in its field).
 */
export function departmentMayRead(owner: ApiKeyOwner, app: { itemDepartmentId: string }): boolean {
  return owner.kind === "department" && owner.departmentId === app.itemDepartmentId;
}
