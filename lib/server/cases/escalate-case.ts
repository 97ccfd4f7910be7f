// Escalating a case to the director, with a note.
import "server-only";
import type { z } from "zod";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { move } from "./case-moves";
import { loadCase } from "./load-case";
import { ZEscalateInput } from "./schemas";

export async function escalateCase(opts: { actor: Actor | null; input: z.input<typeof ZEscalateInput> }) {
  const actor = await requireWorkflowRole(opts.actor, ["ESCALATE"], "escalateCase");
  const input = ZEscalateInput.parse(opts.input);
  const app = await loadCase(db(), actor, input.applicationId);
  return move(actor, app, "ESCALATE", { meta: { note: input.note } });
}
