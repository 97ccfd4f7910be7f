// Recording the higher authority's reply on a forwarded case.
import "server-only";
import type { z } from "zod";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { move } from "./case-moves";
import { loadCase } from "./load-case";
import { ZHigherReplyInput } from "./schemas";

export async function recordHigherReply(opts: { actor: Actor | null; input: z.input<typeof ZHigherReplyInput>; now?: Date }) {
  const actor = await requireWorkflowRole(opts.actor, ["RECORD_HIGHER_REPLY"], "recordHigherReply");
  const input = ZHigherReplyInput.parse(opts.input);
  const app = await loadCase(db(), actor, input.applicationId);
  return move(actor, app, "RECORD_HIGHER_REPLY", { data: { higherReply: input.reply, decidedAt: opts.now ?? new Date() }, meta: { reply: input.reply } });
}
