// The open API's errors as RFC 9457 problem details: one table from error code to HTTP status, the
// titles from the messages files (api.problems, Chinese by default, English with Accept-Language: en).
import "server-only";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import type { ErrorCode } from "@/lib/errors";

export const API_PROBLEM_CODES = ["VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "METHOD_NOT_ALLOWED", "TOO_MANY_ATTEMPTS", "UNAVAILABLE", "CONFLICT", "UNEXPECTED"] as const satisfies readonly (ErrorCode | "UNEXPECTED" | "METHOD_NOT_ALLOWED")[];
export type ApiProblemCode = (typeof API_PROBLEM_CODES)[number];

export const PROBLEM_STATUS: Record<ApiProblemCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  TOO_MANY_ATTEMPTS: 429,
  UNEXPECTED: 500,
  UNAVAILABLE: 503,
};

/** Any error code as one the API documents (a domain refusal the API does not name is a conflict). */
export function apiProblemCode(code: string): ApiProblemCode {
  return (API_PROBLEM_CODES as readonly string[]).includes(code) ? (code as ApiProblemCode) : "CONFLICT";
}

export type ProblemBody = { type: string; title: string; status: number; code: string; detail?: string; instance?: string; errors?: { in: "path" | "query"; name: string; message: string }[] };

/** zh-CN unless the client prefers English. */
export function problemLanguage(acceptLanguage: string | null): "zh-CN" | "en" {
  const first = (acceptLanguage ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}

export function problemTitle(code: ApiProblemCode, lang: "zh-CN" | "en"): string {
  const messages = (lang === "en" ? en : zh) as unknown as { api: { problems: Record<string, string> } };
  return messages.api.problems[code];
}

export function problemResponse(
  code: ApiProblemCode,
  opts: { lang: "zh-CN" | "en"; detail?: string; instance?: string; errors?: ProblemBody["errors"]; headers?: Record<string, string> },
): Response {
  const status = PROBLEM_STATUS[code];
  const body: ProblemBody = {
    type: `/developers#problem-${code}`,
    title: problemTitle(code, opts.lang),
    status,
    code,
    ...(opts.detail ? { detail: opts.detail } : {}),
    ...(opts.instance ? { instance: opts.instance } : {}),
    ...(opts.errors?.length ? { errors: opts.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", "Content-Language": opts.lang, ...(opts.headers ?? {}) },
  });
}
