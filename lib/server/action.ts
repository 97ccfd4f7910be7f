// The one wrapper every server action goes through: actor, input schema, expected-error mapping.
import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { isAppError, type AppError } from "@/lib/errors";
import type { Permission } from "@/lib/domain/access/permissions";
import type { WorkflowAction } from "@/lib/domain/workflow/application-workflow";
import { requirePermission, requireWorkflowRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { currentActor } from "@/lib/server/auth/current-actor";
import { asAppError } from "@/lib/server/domain-errors";

export type ActionState<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> }
  | null;

/** Form values echoed back on failure so nothing typed is lost (passwords excepted). */
function echo(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) {
    if (typeof v === "string" && !k.startsWith("$") && !/password/i.test(k)) values[k] = v;
  }
  return values;
}

/** Placeholders any error message may use; details fill them, absent ones stay empty. */
const PLACEHOLDERS = ["minutes", "year", "materials", "limit", "delegation"] as const;

/** The translated message of an expected error, its details filling the placeholders. */
export function errorMessage(t: (key: string, values?: Record<string, string>) => string, e: AppError): string {
  const values: Record<string, string> = {};
  for (const key of PLACEHOLDERS) values[key] = String(e.details?.[key] ?? "");
  // A refusal's reason is a code of its own (e.g. why a delegation does not apply).
  const reason = String(e.details?.reason ?? "");
  values.reason = reason ? t(`refusals.${reason}`) : "";
  return t(`errors.${e.code}`, values);
}

export async function runAction<S extends z.ZodType, T>(
  formData: FormData,
  schema: S,
  handler: (input: z.infer<S>, actor: Actor | null) => Promise<T>,
  opts: {
    /** Shapes the form's flat fields into the schema's input (e.g. repeated material rows). */
    toInput?: (formData: FormData) => unknown;
    /** Refuse those without this permission before even reading the input (the service checks again). */
    permission?: Permission;
    /** Likewise for a workflow service: refuse roles that take none of these actions. */
    workflow?: readonly WorkflowAction[];
    name?: string;
  } = {},
): Promise<ActionState<T>> {
  const t = await getTranslations();
  // A server action can be called with anything (it is an HTTP endpoint): not form data is a bad request, not a crash.
  if (!(formData instanceof FormData)) return { ok: false, message: t("errors.VALIDATION"), fieldErrors: {}, values: {} };
  const values = echo(formData);
  const toInput = opts.toInput ?? ((fd: FormData) => Object.fromEntries(fd.entries()));
  if (opts.permission || opts.workflow) {
    try {
      const actor = await currentActor();
      if (opts.permission) await requirePermission(actor, opts.permission, opts.name ?? "action");
      if (opts.workflow) await requireWorkflowRole(actor, opts.workflow, opts.name ?? "action");
    } catch (caught) {
      // A refusal, or the database away for a moment (UNAVAILABLE): a message, never a 500.
      const e = asAppError(caught);
      if (isAppError(e)) return { ok: false, message: t(`errors.${e.code}`), fieldErrors: {}, values };
      throw e;
    }
  }
  const fieldMessage = (key: string) => (t.has(`fields.${key}`) ? t(`fields.${key}`) : t("fields.required"));
  let input: unknown;
  try {
    input = toInput(formData);
  } catch {
    return { ok: false, message: t("errors.VALIDATION"), fieldErrors: {}, values };
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.join(".");
      fieldErrors[field] ??= fieldMessage(issue.message);
    }
    return { ok: false, message: t("errors.VALIDATION"), fieldErrors, values };
  }
  try {
    const actor = await currentActor();
    const data = await handler(parsed.data, actor);
    return { ok: true, data };
  } catch (caught) {
    // A domain refusal that a service let through is still an expected error, never "unexpected".
    const e = asAppError(caught);
    if (isAppError(e)) {
      const fieldErrors: Record<string, string> = {};
      const message = errorMessage(t, e);
      if (e.field) fieldErrors[e.field] = e.code === "VALIDATION" ? fieldMessage(e.message) : message;
      for (const [field, key] of Object.entries(e.fieldErrors ?? {})) fieldErrors[field] = fieldMessage(key);
      return { ok: false, message, fieldErrors, values };
    }
    if (e instanceof z.ZodError) {
      return { ok: false, message: t("errors.VALIDATION"), fieldErrors: {}, values };
    }
    console.error("[action] unexpected error", e);
    return { ok: false, message: t("errors.UNEXPECTED"), fieldErrors: {}, values };
  }
}
