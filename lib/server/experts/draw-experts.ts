// 专家评审: a reviewer or chief of the case's section draws N experts of a field for the case. The
// pool is the field's active experts, minus those who declared a conflict with the case's applicant;
// the seed comes from the operating system's random source; the draw (seed, eligible, excluded and
// picked ids) and its audit event are written in one transaction, so anyone can re-run it later.
import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { drawExperts, SEED_HEX_LENGTH } from "@/lib/domain/experts/expert-draw";
import { assertAllowed } from "@/lib/domain/workflow/application-workflow";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import { caseFactsOf } from "@/lib/server/cases/case-moves";
import { loadCase } from "@/lib/server/cases/load-case";
import { db } from "@/lib/server/db";
import { asAppError } from "@/lib/server/domain-errors";
import { ZDrawExpertsInput } from "./schemas";

/** A fresh seed: 32 bytes of the operating system's randomness, as 64 hex digits. */
export function newDrawSeed(): string {
  return randomBytes(SEED_HEX_LENGTH / 2).toString("hex");
}

export async function drawExpertsForCase(opts: { actor: Actor | null; input: z.input<typeof ZDrawExpertsInput> }) {
  const actor = await requireWorkflowRole(opts.actor, ["DRAW_EXPERTS"], "drawExperts");
  const input = ZDrawExpertsInput.parse(opts.input);
  const seed = newDrawSeed();
  return db().$transaction(async (tx) => {
    // The section's own cases only (anyone else is answered NOT_FOUND); the table says whether now.
    const app = await loadCase(tx, actor, input.applicationId, { lock: true });
    const pool = await tx.expert.findMany({ where: { field: input.field, active: true }, select: { id: true } });
    const conflicts = await tx.expertConflict.findMany({ where: { applicantId: app.applicantId, expert: { field: input.field } }, select: { expertId: true } });
    let drawn;
    try {
      assertAllowed("DRAW_EXPERTS", app.state, actor.role, caseFactsOf(app));
      drawn = drawExperts({ pool: pool.map((e) => e.id), conflicted: conflicts.map((c) => c.expertId), count: input.count, seed });
    } catch (e) {
      throw asAppError(e);
    }
    const draw = await tx.expertDraw.create({
      data: { applicationId: app.id, field: input.field, count: input.count, seed, eligibleIds: drawn.eligible, excludedIds: drawn.excluded, pickedIds: drawn.picked, drawnById: actor.id },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "expert.drawn",
      entityType: "Application",
      entityId: app.id,
      after: { drawId: draw.id, field: input.field, count: input.count, seed, eligible: drawn.eligible.length, excluded: drawn.excluded, picked: drawn.picked },
    });
    return { id: draw.id, seed, picked: drawn.picked, excluded: drawn.excluded.length };
  });
}
