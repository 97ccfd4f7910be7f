// How long a certificate is valid: from its issue date for the item version's number of years
// (the day before the anniversary), or without end (长期) when the version says 0.
import { addCalendarDays, type PlainDate } from "../calendar/working-days";

export function certificateValidTo(issuedOn: PlainDate, years: number): PlainDate | null {
  if (!Number.isInteger(years) || years < 0) throw new RangeError(`validity years must be a whole number ≥ 0, got ${years}`);
  if (years === 0) return null;
  const [y, m, d] = issuedOn.split("-");
  // 29 February has no anniversary in most years: the certificate runs to the 28th.
  const anniversary = `${String(Number(y) + years).padStart(4, "0")}-${m}-${m === "02" && d === "29" ? "28" : d}`;
  return m === "02" && d === "29" ? anniversary : addCalendarDays(anniversary, -1);
}

/** The certificate type code (GB/T 36904) of an item: its basic code (基本编码), as the identifier allows. */
export function certificateTypeCode(basicCode: string): string {
  const code = basicCode.toUpperCase().replace(/[^0-9A-Z]/g, "").slice(0, 20);
  return code || "0";
}
