// Enum values written into SQL as literals. PostgreSQL proves that a query may use a partial index
// (WHERE state IN (…)) only from literal values; a bound parameter (Prisma sends enum filters as
// CAST($n::text AS "ApplicationState")) hides them from the planner. Only known enum values, checked
// against their own list, are ever written this way — never user input.
import "server-only";
import { Prisma } from "@/prisma/generated/client";

const ENUM_VALUE = /^[A-Z][A-Z0-9_]*$/;

export function enumLiterals<T extends string>(values: readonly T[], known: readonly T[]): Prisma.Sql {
  if (values.length === 0) throw new RangeError("An empty list of enum values matches nothing");
  for (const v of values) if (!known.includes(v) || !ENUM_VALUE.test(v)) throw new RangeError(`Not a known enum value: ${JSON.stringify(v)}`);
  return Prisma.raw(values.map((v) => `'${v}'`).join(", "));
}

/** A LIKE/ILIKE pattern matching `term` anywhere, taken literally: its backslash, % and _ escaped (PostgreSQL's default escape). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
