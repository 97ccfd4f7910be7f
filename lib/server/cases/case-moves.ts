// Moves a loaded case along the transition table in one transaction (its message and notices with it).
import "server-only";
import type { ApplicationEvent, CaseFacts } from "@/lib/domain/workflow/application-workflow";
import type { Actor } from "@/lib/domain/access/actor";
import { db, type Tx } from "@/lib/server/db";
import { transition } from "@/lib/server/applications/transition";
import { recordDecisionEvent } from "@/lib/server/departments/record-case-events";
import { ledgerOf } from "./case-clock";
import type { LoadedCase } from "./load-case";

/** The facts about a loaded case that the transition table's preconditions look at. */
export function caseFactsOf(app: Pick<LoadedCase, "itemVersion" | "clockEntries">): CaseFacts {
  return { itemKind: app.itemVersion.kind, suspended: ledgerOf(app.clockEntries).suspensions.some((s) => s.endedOn === null) };
}

function caseFacts(app: LoadedCase, extra: { hasReasonAndBasis?: boolean } = {}) {
  return { missingCore: 0, missingSupplementary: 0, ...caseFactsOf(app), ...extra };
}

export async function move(actor: Actor, app: LoadedCase, event: ApplicationEvent, opts: { data?: Record<string, unknown>; meta?: object; facts?: { hasReasonAndBasis?: boolean }; message?: Record<string, string>; also?: (tx: Tx) => Promise<void> }) {
  const moved = await db().$transaction(async (tx) => {
    const result = await transition(tx, {
      application: app,
      event,
      actor,
      facts: caseFacts(app, opts.facts),
      data: opts.data,
      meta: opts.meta as never,
      message: { number: app.number ?? "", item: app.itemVersion.name, ...opts.message },
    });
    await opts.also?.(tx);
    // 审管分离: a decision is told to the item's department once its letter (and 文号) exists.
    if (event === "APPROVE" || event === "DENY") await recordDecisionEvent(tx, app.id, event, new Date());
    return result;
  });
  return { id: app.id, state: moved.state };
}
