// Input schemas of API key management (the administrator's department keys, an applicant's status
// tokens), shared by the server actions and the services.
import "server-only";
import { z } from "zod";
import { KEY_RATE_RANGE } from "@/lib/domain/api/rate-limit";
import { API_SCOPES } from "@/lib/domain/api/scopes";

const name = z.string().trim().min(2, "api.name").max(60, "api.name");

export const ZCreateDepartmentKeyInput = z.object({
  name,
  departmentId: z.string().trim().min(1, "api.department").max(60, "api.department"),
  /** From a form: one checkbox per scope (value "on"), or a caller's list. */
  scopes: z.array(z.enum(API_SCOPES)).min(1, "api.scopes").max(API_SCOPES.length, "api.scopes"),
  /** Its own limit (calls per minute); unset: the default. */
  ratePerMinute: z.coerce.number("api.rate").int("api.rate").min(KEY_RATE_RANGE.min, "api.rate").max(KEY_RATE_RANGE.max, "api.rate").optional(),
});

export const ZCreateApplicantTokenInput = z.object({ name });

export const ZRevokeApiKeyInput = z.object({ keyId: z.string().trim().min(1).max(60) });

/** The administrator's form: `scope.<scope>` checkboxes → the list. */
export function departmentKeyFormToInput(fd: FormData): unknown {
  return {
    name: String(fd.get("name") ?? ""),
    departmentId: String(fd.get("departmentId") ?? ""),
    scopes: API_SCOPES.filter((s) => fd.get(`scope.${s}`) === "on"),
    ratePerMinute: String(fd.get("ratePerMinute") ?? "").trim() || undefined,
  };
}
