// Valid resident IDs and credit codes for tests and demo data (check characters computed, not typed).
import { creditCodeCheckChar } from "@/lib/domain/identity/credit-code";
import { residentIdCheckChar } from "@/lib/domain/identity/resident-id";

/** A valid resident ID of Guang'an District (511602) with the given birth date and sequence. */
export function makeResidentId(birth = "19900101", seq = 1): string {
  const body = `511602${birth}${String(seq % 1000).padStart(3, "0")}`;
  return body + residentIdCheckChar(body);
}

/** A valid credit code of an enterprise (9 = enterprise, 1 = company) registered in 511602. */
export function makeCreditCode(seq = 1): string {
  const body = `91511602MA${String(seq).padStart(7, "0")}`;
  return body + creditCodeCheckChar(body);
}
