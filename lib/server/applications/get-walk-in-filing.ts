// Who and what a walk-in filing at the window is for: the chosen applicant and, once chosen, the item.
import "server-only";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { APPLICANT_ROLE } from "@/lib/domain/access/roles";

/**
 * The applicant (an applicant account, nothing else) and the item with its current version's
 * name and form; the item is looked up only once an applicant is chosen.
 */
export async function getWalkInFiling(opts: { actor: Actor | null; applicantId?: string; itemCode?: string }) {
  await requirePermission(opts.actor, "intake:work", "getWalkInFiling");
  const applicant = opts.applicantId
    ? await db().user.findFirst({ where: { id: opts.applicantId, role: APPLICANT_ROLE }, select: { id: true, name: true, phone: true, contactName: true } })
    : null;
  const item = applicant && opts.itemCode ? await db().item.findUnique({ where: { implementationCode: opts.itemCode }, include: { currentVersion: { select: { name: true, formFields: true, materials: { where: { condition: { not: "" } }, orderBy: { position: "asc" }, select: { id: true, name: true, condition: true } } } } } }) : null;
  return { applicant, item };
}
