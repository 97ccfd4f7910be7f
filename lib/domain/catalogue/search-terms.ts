// What a search box query means for the catalogue: words separated by spaces must all occur in an
// item's name, taken literally (% and _ are characters, not wildcards); when no name holds a word as
// typed, a Chinese query is tried again by its characters, in any order ("食品经营许可" then finds
// "食品（含保健食品）经营许可…").

export const MAX_QUERY_LENGTH = 50;

/** The query as searched (cut to the maximum) and whether it was cut. */
export function boundedQuery(raw: string): { q: string; tooLong: boolean } {
  const q = raw.trim().replace(/\s+/g, " ");
  const chars = [...q];
  return chars.length > MAX_QUERY_LENGTH ? { q: chars.slice(0, MAX_QUERY_LENGTH).join("").trim(), tooLong: true } : { q, tooLong: false };
}

/** A term for LIKE/ILIKE: its own backslash, % and _ escaped (PostgreSQL's default escape is \\). */
export function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function searchWords(q: string): string[] {
  return q.split(" ").filter(Boolean);
}

/** The distinct characters of a query that has Chinese in it (spaces and punctuation left out); none otherwise. */
export function searchCharacters(q: string): string[] {
  if (!/\p{Script=Han}/u.test(q)) return [];
  return [...new Set([...q].filter((c) => /[\p{L}\p{N}]/u.test(c)))];
}
