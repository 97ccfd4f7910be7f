// Resident identity number (居民身份证号码) check per GB 11643-1999: ISO 7064 MOD 11-2.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432"; // index = Σ mod 11

export type ResidentIdProblem = "format" | "birthdate" | "checksum";

/** Returns null when valid, otherwise what is wrong (so the form can say it precisely). */
export function residentIdProblem(raw: string): ResidentIdProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return "format";
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return "birthdate";
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11] === id[17] ? null : "checksum";
}

/** Computes the check character for 17 leading digits; used by factories to make valid IDs. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error("resident ID body must be 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function isValidResidentId(raw: string): boolean {
  return residentIdProblem(raw) === null;
}

/** Canonical stored form: trimmed, check character upper-case. */
export function normalizeResidentId(raw: string): string {
  return raw.trim().toUpperCase();
}
