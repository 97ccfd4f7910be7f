// The shape of an item in lists (catalogue, section scope): its current published version's facts.
import "server-only";
import type { Prisma } from "@/prisma/generated/client";

export const ITEM_SUMMARY_SELECT = {
  id: true,
  implementationCode: true,
  department: { select: { id: true, name: true } },
  section: { select: { id: true, name: true } },
  currentVersion: {
    select: { version: true, name: true, kind: true, statutoryDays: true, promisedDays: true, visitsRequired: true, onlineAvailable: true, demoValues: true },
  },
} satisfies Prisma.ItemSelect;

type Row = Prisma.ItemGetPayload<{ select: typeof ITEM_SUMMARY_SELECT }>;

export type ItemSummary = NonNullable<Row["currentVersion"]> & {
  id: string;
  implementationCode: string;
  department: { id: string; name: string };
  section: { id: string; name: string } | null;
};

/** Items without a published version are not shown anywhere public. */
export function toItemSummaries(rows: Row[]): ItemSummary[] {
  return rows.flatMap((r) =>
    r.currentVersion ? [{ ...r.currentVersion, id: r.id, implementationCode: r.implementationCode, department: r.department, section: r.section }] : [],
  );
}
