// A case's clock: the ledger of suspensions, surveys and extensions, and the due dates it gives.
import "server-only";
import { toPlainDate, type WorkingCalendar } from "@/lib/domain/calendar/working-days";
import { clockState, type ClockState } from "@/lib/domain/clock/clock-ledger";

type LedgerRow = { kind: "SUSPENSION" | "SURVEY" | "EXTENSION"; startedOn: Date; endedOn: Date | null; days: number | null };

export const plainDateOf = (d: Date) => d.toISOString().slice(0, 10);
export const dateColumn = (d: string) => new Date(`${d}T00:00:00Z`);

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
    suspensions: ledger.filter((e) => e.kind === "SUSPENSION").map((e) => ({ startedOn: plainDateOf(e.startedOn), endedOn: e.endedOn ? plainDateOf(e.endedOn) : null })),
    extensions: ledger.filter((e) => e.kind === "EXTENSION").map((e) => ({ days: e.days ?? 0 })),
    today: toPlainDate(now),
  });
}
