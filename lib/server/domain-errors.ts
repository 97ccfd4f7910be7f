// The one translation of the domain's own refusals (workflow, calendar, clock) into the edge's
// AppError codes; the edge (lib/server/action.ts) then maps every code to a message in one place.
import "server-only";
import { CalendarYearMissingError } from "@/lib/domain/calendar/working-days";
import { CertificateActionError } from "@/lib/domain/certificates/certificate-actions";
import { ClockRuleError } from "@/lib/domain/clock/clock-ledger";
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
  // Any refusal of the seal's custody rules: this seal may not stamp.
  if (e instanceof SealRuleError) return new AppError("SEAL_NOT_ACTIVE", e.message, { details: { reason: e.code } });
  return e;
}
