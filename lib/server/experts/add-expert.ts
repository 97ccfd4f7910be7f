// Adds an expert to the pool (评审专家库); audited.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { ZAddExpertInput } from "./schemas";

export async function addExpert(opts: { actor: Actor | null; input: z.input<typeof ZAddExpertInput> }) {
  const actor = await requirePermission(opts.actor, "experts:administer", "addExpert");
  const input = ZAddExpertInput.parse(opts.input);
  return db().$transaction(async (tx) => {
    const expert = await tx.expert.create({ data: input });
    await recordAuditEvent(tx, { actor, action: "expert.added", entityType: "Expert", entityId: expert.id, after: input });
    return { id: expert.id };
  });
}
