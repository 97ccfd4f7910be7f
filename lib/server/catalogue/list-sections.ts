// Sections (审批科室) with the number of items each decides; staff-only overview.
import "server-only";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { ITEM_SUMMARY_SELECT, toItemSummaries } from "./item-summary";

export async function listSections(opts: { actor: Actor | null }) {
  await requirePermission(opts.actor, "office:enter", "listSections");
  return db().section.findMany({
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true, duty: true, _count: { select: { items: true, users: true } } },
  });
}

/** Items a reviewer or chief's own section decides (their working scope). */
export async function listSectionItems(opts: { actor: Actor | null; take?: number }) {
  const actor = await requirePermission(opts.actor, "catalogue:section-items", "listSectionItems");
  if (!actor.sectionId) return { section: null, items: [], total: 0 };
  const where = { sectionId: actor.sectionId };
  const [section, items, total] = await Promise.all([
    db().section.findUnique({ where: { id: actor.sectionId }, select: { name: true, duty: true } }),
    db().item.findMany({ where, orderBy: { implementationCode: "asc" }, take: opts.take ?? 50, select: ITEM_SUMMARY_SELECT }).then(toItemSummaries),
    db().item.count({ where }),
  ]);
  return { section, items, total };
}
