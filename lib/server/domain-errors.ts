// The one translation of the domain's own refusals (workflow, calendar, clock) into the edge's
// AppError codes; the edge (lib/server/action.ts) then maps every code to a message in one place.
import "server-only";
import { BundleError } from "@/lib/domain/bundles/bundles";
import { CalendarYearMissingError } from "@/lib/domain/calendar/working-days";
import { CertificateActionError } from "@/lib/domain/certificates/certificate-actions";
import { ClockRuleError } from "@/lib/domain/clock/clock-ledger";
import { ExpertDrawError } from "@/lib/domain/experts/expert-draw";
import { SealRuleError } from "@/lib/domain/seals/seal-rules";
import { WorkflowError } from "@/lib/domain/workflow/application-workflow";
import { AppError } from "@/lib/errors";

/** The domain's refusal as an AppError (ROLE_NOT_ALLOWED is an authorization failure); anything else unchanged. */
export function asAppError(e: unknown): unknown {
  if (e instanceof WorkflowError) {
    if (e.code === "ROLE_NOT_ALLOWED") return new AppError("FORBIDDEN", e.message);
    return new AppError(e.code, e.message, e.reason ? { details: { reason: e.reason } } : {});
  }
  if (e instanceof CalendarYearMissingError) return new AppError("CALENDAR_YEAR_MISSING", e.message, { details: { year: e.year } });
  if (e instanceof ClockRuleError) return new AppError(e.code, e.message);
  if (e instanceof CertificateActionError) return new AppError(e.code, e.message);
  // 专家评审: too few eligible experts (the message says how many could be drawn); a bad count or seed is bad input.
  if (e instanceof ExpertDrawError) {
    if (e.code === "TOO_FEW_EXPERTS") return new AppError("TOO_FEW_EXPERTS", e.message, { field: "count", details: { limit: e.eligible } });
    return new AppError("VALIDATION", "expert.count", { field: "count" });
  }
  if (e instanceof BundleError) return new AppError(e.code, e.message);
  // Any refusal of the seal's custody rules: this seal may not stamp.
  if (e instanceof SealRuleError) return new AppError("SEAL_NOT_ACTIVE", e.message, { details: { reason: e.code } });
  if (isDatabaseUnavailable(e)) return new AppError("UNAVAILABLE", e instanceof Error ? e.message : String(e));
  return e;
}

// Prisma: cannot reach the server, connection closed, pool timed out; PostgreSQL: shutting down,
// crashed, starting up; the socket: refused or reset, or a pooled client left broken by it.
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1017", "P2024"]);
const UNAVAILABLE_SQLSTATE = /\b(57P01|57P02|57P03|08000|08001|08003|08006)\b/;
// node-postgres: a pooled client whose connection broke while the server restarted.
const UNAVAILABLE_SOCKET = /\b(ECONNREFUSED|ECONNRESET|EPIPE)\b|Connection terminated|Client has encountered a connection error/;

/** The database is away for the moment (a restart, a failover): the request may be tried again. */
export function isDatabaseUnavailable(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" && UNAVAILABLE_PRISMA.has(code)) return true;
  const text = `${e.message} ${String((e as { cause?: unknown }).cause ?? "")}`;
  return UNAVAILABLE_SQLSTATE.test(text) || UNAVAILABLE_SOCKET.test(text);
}
