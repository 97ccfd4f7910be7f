// The Prisma condition of "rows after this cursor" in a newest-first list ordered by (time, id).
import "server-only";
import { decodeCursor } from "@/lib/domain/paging/keyset";

/** Rows strictly before the cursor's (time, id) — the next page of a list sorted newest first; {} without a usable cursor. */
export function olderThan<F extends string>(field: F, after: string | undefined) {
  const cursor = decodeCursor(after);
  const at = cursor ? new Date(cursor.value) : null;
  if (!cursor || !at || Number.isNaN(at.getTime())) return {};
  return { OR: [{ [field]: { lt: at } }, { [field]: at, id: { lt: cursor.id } }] } as { OR: ({ [K in F]: { lt: Date } } | ({ [K in F]: Date } & { id: { lt: string } }))[] };
}
