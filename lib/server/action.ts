// The one wrapper every server action goes through: actor, input schema, expected-error mapping.
import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { isAppError, type AppError } from "@/lib/errors";
import type { Role } from "@/lib/domain/access/roles";
import { requireRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { currentActor } from "@/lib/server/auth/current-actor";

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
    /** Refuse other roles before even reading the input (the service checks again). */
    roles?: readonly Role[];
    name?: string;
  } = {},
): Promise<ActionState<T>> {
  const t = await getTranslations();
  const values = echo(formData);
  const toInput = opts.toInput ?? ((fd: FormData) => Object.fromEntries(fd.entries()));
  if (opts.roles) {
    try {
      await requireRole(await currentActor(), opts.roles, opts.name ?? "action");
    } catch (e) {
      if (isAppError(e)) return { ok: false, message: t(`errors.${e.code}`), fieldErrors: {}, values };
      throw e;
    }
  }
  const fieldMessage = (key: string) => (t.has(`fields.${key}`) ? t(`fields.${key}`) : t("fields.required"));
  const parsed = schema.safeParse(toInput(formData));
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
  } catch (e) {
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
