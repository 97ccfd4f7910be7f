// Public figures about the bureau's catalogue, for the landing page.
import "server-only";
import { db } from "@/lib/server/db";

export async function getCatalogueStats() {
  const published = { currentOf: { isNot: null } };
  const [items, byKind, sections, departments] = await Promise.all([
    db().item.count({ where: { currentVersionId: { not: null }, sectionId: { not: null } } }),
    db().itemVersion.groupBy({ by: ["kind"], where: { ...published, item: { sectionId: { not: null } } }, _count: { _all: true } }),
    db().section.count(),
    db().department.count({ where: { items: { some: { sectionId: { not: null } } } } }),
  ]);
  const kinds = Object.fromEntries(byKind.map((k) => [k.kind, k._count._all])) as Partial<Record<"INSTANT" | "PROMISED" | "REPORTED", number>>;
  return { items, sections, departments, instant: kinds.INSTANT ?? 0, promised: kinds.PROMISED ?? 0, reported: kinds.REPORTED ?? 0 };
}
