// Keyset paging for every back-office list: a page is "the next N rows after this (sort value, id)",
// never an OFFSET, so page 1,000 costs what page 1 costs. A cursor travels in the URL as
// `<value>~<id>`; anything that does not parse starts from the first page instead of failing.

export const PAGE_SIZE = 50;

export type Cursor = { value: string; id: string };

const VALUE = /^[0-9A-Za-z:.+-]{1,40}$/;
const ID = /^[0-9A-Za-z_-]{1,64}$/;

export function encodeCursor(c: Cursor): string {
  if (!VALUE.test(c.value) || !ID.test(c.id)) throw new RangeError(`Not a cursor: ${JSON.stringify(c)}`);
  return `${c.value}~${c.id}`;
}

export function decodeCursor(s: string | null | undefined): Cursor | null {
  if (typeof s !== "string" || s.length > 120) return null;
  const at = s.indexOf("~");
  if (at <= 0) return null;
  const value = s.slice(0, at);
  const id = s.slice(at + 1);
  return VALUE.test(value) && ID.test(id) ? { value, id } : null;
}

/**
 * Splits a fetch of `size + 1` rows into the page and the cursor of the next one (null on the last
 * page): one extra row says whether there is more without a second query.
 */
export function pageOf<T>(rows: readonly T[], size: number, keyOf: (row: T) => Cursor): { rows: T[]; next: string | null } {
  if (rows.length <= size) return { rows: [...rows], next: null };
  const page = rows.slice(0, size);
  return { rows: page, next: encodeCursor(keyOf(page[page.length - 1])) };
}
