// A case's clock: the ledger of suspensions, surveys and extensions, and the due dates it gives.
import "server-only";
import { toPlainDate, type WorkingCalendar } from "@/lib/domain/calendar/working-days";
import { clockState, type ClockState, type LedgerExtension, type LedgerSuspension } from "@/lib/domain/clock/clock-ledger";
import { fromDateColumn } from "@/lib/server/date-column";

type LedgerRow = { kind: "SUSPENSION" | "SURVEY" | "EXTENSION"; startedOn: Date; endedOn: Date | null; days: number | null };

/** The ledger rows as the clock rules read them: suspensions with their dates, extensions with their days. */
export function ledgerOf(rows: readonly LedgerRow[]): { suspensions: LedgerSuspension[]; extensions: LedgerExtension[] } {
  return {
    suspensions: rows.filter((e) => e.kind === "SUSPENSION").map((e) => ({ startedOn: fromDateColumn(e.startedOn), endedOn: fromDateColumn(e.endedOn) })),
    extensions: rows.filter((e) => e.kind === "EXTENSION").map((e) => ({ days: e.days ?? 0 })),
  };
}

/** Due dates of an accepted application from its ledger; null before acceptance. */
export function caseClock(
  cal: WorkingCalendar,
  app: { acceptedAt: Date | null; itemVersion: { promisedDays: number; statutoryDays: number } },
  ledger: readonly LedgerRow[],
  now: Date,
): ClockState | null {
  if (!app.acceptedAt) return null;
  return clockState(cal, {
    acceptedOn: toPlainDate(app.acceptedAt),
    promisedDays: app.itemVersion.promisedDays,
    statutoryDays: app.itemVersion.statutoryDays,
    ...ledgerOf(ledger),
    today: toPlainDate(now),
  });
}
