// Who is told of a complaint's step: the section's handlers (its chief first), or those who manage
// complaints (the supervisors) — read by permission, never by comparing roles.
import "server-only";
import { rolesWith } from "@/lib/domain/access/permissions";
import type { Tx } from "@/lib/server/db";

export async function staffOf(tx: Tx, who: { sectionId: string } | "managers"): Promise<string[]> {
  const where = who === "managers" ? { role: { in: [...rolesWith("complaints:manage")] } } : { sectionId: who.sectionId, role: { in: [...rolesWith("complaints:handle")] } };
  return (await tx.user.findMany({ where: { active: true, ...where }, select: { id: true }, orderBy: [{ role: "asc" }, { createdAt: "asc" }] })).map((u) => u.id);
}
