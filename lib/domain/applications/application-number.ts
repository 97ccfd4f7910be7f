// 办件编号: region code, the Beijing-time day of the first submission and a per-day sequence,
// e.g. 511602-20261123-00042. Read aloud at the window and typed into the public lookup.
import type { PlainDate } from "../calendar/working-days";

/** Five digits a day for a county; a busier day (a province's portal) simply gets longer numbers. */
const NUMBER = /^(\d{6})-(\d{8})-(\d{5,7})$/;
const MAX_SEQUENCE = 9_999_999;

export function formatApplicationNumber(region: string, day: PlainDate, sequence: number): string {
  if (!/^\d{6}$/.test(region)) throw new RangeError(`region must be a 6-digit code: ${region}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) throw new RangeError(`sequence out of range: ${sequence}`);
  return `${region}-${day.replaceAll("-", "")}-${String(sequence).padStart(5, "0")}`;
}

/**
 * What a person typed as an application number, normalised (spaces dropped, full-width digits and
 * dashes folded), or null when it cannot be one.
 */
export function normaliseApplicationNumber(input: string): string | null {
  const folded = input
    .normalize("NFKC")
    .replace(/[\s]/g, "")
    .replace(/[‐‑‒–—―−]/g, "-");
  const compact = /^\d{19,21}$/.test(folded) ? `${folded.slice(0, 6)}-${folded.slice(6, 14)}-${folded.slice(14)}` : folded;
  return NUMBER.test(compact) ? compact : null;
}
