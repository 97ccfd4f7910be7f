// PostgreSQL `date` columns ↔ plain dates (YYYY-MM-DD). Prisma reads and writes them as UTC
// midnight, so the conversion is plain string work, independent of the server's time zone.
import type { PlainDate } from "@/lib/domain/calendar/working-days";

export const toDateColumn = (d: PlainDate): Date => new Date(`${d}T00:00:00Z`);

export function fromDateColumn(d: Date): PlainDate;
export function fromDateColumn(d: Date | null): PlainDate | null;
export function fromDateColumn(d: Date | null): PlainDate | null {
  return d ? d.toISOString().slice(0, 10) : null;
}
