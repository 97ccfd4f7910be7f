// Takes an expert out of the pool (or back in): an inactive expert is never drawn; past draws keep them. Audited.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { ZSetExpertActiveInput } from "./schemas";

export async function setExpertActive(opts: { actor: Actor | null; input: z.input<typeof ZSetExpertActiveInput> }) {
  const actor = await requirePermission(opts.actor, "experts:administer", "setExpertActive");
  const input = ZSetExpertActiveInput.parse(opts.input);
  return db().$transaction(async (tx) => {
    const expert = await tx.expert.findUnique({ where: { id: input.expertId }, select: { id: true, active: true } });
    if (!expert) throw new AppError("NOT_FOUND", "expert");
    if (expert.active === input.active) return { id: expert.id, active: expert.active };
    await tx.expert.update({ where: { id: expert.id }, data: { active: input.active } });
    await recordAuditEvent(tx, { actor, action: input.active ? "expert.reactivated" : "expert.deactivated", entityType: "Expert", entityId: expert.id, before: { active: expert.active }, after: { active: input.active } });
    return { id: expert.id, active: input.active };
  });
}
