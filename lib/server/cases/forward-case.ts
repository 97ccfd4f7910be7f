// Forwarding a reported item (上报) to the higher authority that decides it.
import "server-only";
import type { z } from "zod";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { move } from "./case-moves";
import { loadCase } from "./load-case";
import { ZForwardInput } from "./schemas";

export async function forwardCase(opts: { actor: Actor | null; input: z.input<typeof ZForwardInput>; now?: Date }) {
  const actor = await requireWorkflowRole(opts.actor, ["FORWARD"], "forwardCase");
  const input = ZForwardInput.parse(opts.input);
  const app = await loadCase(db(), actor, input.applicationId);
  return move(actor, app, "FORWARD", { data: { forwardedTo: input.to }, meta: { to: input.to }, message: { to: input.to } });
}
