// Unified Social Credit Code (统一社会信用代码) check per GB 32100-2015: weighted MOD 31.

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = "format" | "checksum";

export function creditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return "format";
  const values: number[] = [];
  for (const ch of code) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return "format"; // I, O, S, V, Z are never used
    values.push(v);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += values[i] * WEIGHTS[i];
  const check = (31 - (sum % 31)) % 31;
  return values[17] === check ? null : "checksum";
}

export function isValidCreditCode(raw: string): boolean {
  return creditCodeProblem(raw) === null;
}

export function normalizeCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Computes the check character for 17 leading characters; used by factories to make valid codes. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new Error(`not a credit-code character: ${first17[i]}`);
    sum += v * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}
