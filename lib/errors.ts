// The one error type the domain and services throw: a stable code the edge maps to a message.

export const ERROR_CODES = [
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "NOT_FOUND",
  "VALIDATION",
  "CONFLICT",
  "INVALID_RESIDENT_ID",
  "INVALID_CREDIT_CODE",
  "LOGIN_ID_TAKEN",
  "ACCOUNT_LOCKED",
  "BAD_CREDENTIALS",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Field the error is about, so a form can show the message beside it. */
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, opts: { field?: string; details?: Record<string, unknown> } = {}) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
