// A case's expert draws for its page: when, which field, the seed, who was picked (by name), how many
// were left out for a declared conflict, and whether the stored draw is what its seed gives; and the
// fields of the pool, for the form of a new draw.
import "server-only";
import type { Actor } from "@/lib/domain/access/actor";
import { reproduceDraw } from "@/lib/domain/experts/expert-draw";
import { requirePermission } from "@/lib/server/auth/actor";
import { loadCase } from "@/lib/server/cases/load-case";
import { db } from "@/lib/server/db";

export async function listCaseExpertDraws(opts: { actor: Actor | null; applicationId: string }) {
  const actor = await requirePermission(opts.actor, "case:view", "listCaseExpertDraws");
  // Whoever may open the case file sees its draws; anyone else is answered NOT_FOUND.
  await loadCase(db(), actor, opts.applicationId);
  const [draws, fields] = await Promise.all([
    db().expertDraw.findMany({ where: { applicationId: opts.applicationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db().expert.groupBy({ by: ["field"], where: { active: true }, _count: { _all: true }, orderBy: { field: "asc" } }),
  ]);
  const ids = [...new Set(draws.flatMap((d) => d.pickedIds))];
  const [experts, people] = await Promise.all([
    db().expert.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, employer: true } }),
    db().user.findMany({ where: { id: { in: [...new Set(draws.map((d) => d.drawnById))] } }, select: { id: true, name: true } }),
  ]);
  const expert = new Map(experts.map((e) => [e.id, e]));
  const person = new Map(people.map((p) => [p.id, p.name]));
  return {
    draws: draws.map((d) => ({
      id: d.id,
      at: d.createdAt,
      field: d.field,
      count: d.count,
      seed: d.seed,
      drawnBy: person.get(d.drawnById) ?? "",
      picked: d.pickedIds.map((id) => ({ id, name: expert.get(id)?.name ?? "", employer: expert.get(id)?.employer ?? "" })),
      eligible: d.eligibleIds.length,
      excluded: d.excludedIds.length,
      reproducible: reproduceDraw(d).reproducible,
    })),
    /** The pool's fields with their active experts (before any conflict is taken out). */
    fields: fields.map((f) => ({ field: f.field, experts: f._count._all })),
  };
}
