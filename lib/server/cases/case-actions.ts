// Back-office work on a case: review opinions, decisions under delegated authority, escalation
// to the director, forwarding reported items, and the clock ledger (suspensions, surveys,
// extensions). Each write is one transaction with its audit event, guarded by the case's state.
import "server-only";
import { z } from "zod";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { checkExtension, checkSuspensionEnd, checkSuspensionStart, ClockRuleError, SUSPENSION_REASONS } from "@/lib/domain/clock/clock-ledger";
import { decisionAuthority } from "@/lib/domain/delegation/delegation";
import { clockRuns, type ApplicationEvent } from "@/lib/domain/workflow/application-workflow";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireRole, type Actor } from "@/lib/server/auth/actor";
import { db, type Tx } from "@/lib/server/db";
import { lockedWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { loadDelegationFacts } from "@/lib/server/delegations/delegations";
import { asAppError, deliver, transition } from "@/lib/server/applications/transition";
import { fromDateColumn, toDateColumn } from "@/lib/server/date-column";
import { caseClock, ledgerOf } from "./case-clock";
import { loadCase, type LoadedCase } from "./load-case";

const text = (key: string, max = 2000) => z.string().trim().min(2, key).max(max, key);

export const ZReviewInput = z.object({
  applicationId: z.string().trim().min(1),
  recommendation: z.enum(["APPROVE", "DENY"], "review.recommendation"),
  opinion: text("review.opinion"),
});
export const ZDecideInput = z.object({
  applicationId: z.string().trim().min(1),
  decision: z.enum(["APPROVE", "DENY"], "decision.decision"),
  reason: z.string().trim().max(2000).default(""),
  basis: z.string().trim().max(2000).default(""),
});
export const ZEscalateInput = z.object({ applicationId: z.string().trim().min(1), note: text("decision.note", 1000) });
export const ZForwardInput = z.object({ applicationId: z.string().trim().min(1), to: text("decision.forwardTo", 200) });
export const ZHigherReplyInput = z.object({ applicationId: z.string().trim().min(1), reply: text("decision.reply") });
export const ZSuspendInput = z.object({
  applicationId: z.string().trim().min(1),
  reason: z.enum(SUSPENSION_REASONS, "clock.reason"),
  note: text("clock.note", 1000),
});
export const ZEndSuspensionInput = z.object({ applicationId: z.string().trim().min(1) });
export const ZSurveyInput = z.object({ applicationId: z.string().trim().min(1), note: text("clock.note", 1000) });
export const ZExtensionInput = z.object({
  applicationId: z.string().trim().min(1),
  days: z.coerce.number().int("clock.days").min(1, "clock.days").max(10, "clock.days"),
  note: text("clock.note", 1000),
});

/** The facts the transition table's guards need about a loaded case. */
function caseFacts(app: LoadedCase, extra: { hasReasonAndBasis?: boolean } = {}) {
  return {
    missingCore: 0,
    missingSupplementary: 0,
    itemKind: app.itemVersion.kind,
    suspended: ledgerOf(app.clockEntries).suspensions.some((s) => s.endedOn === null),
    ...extra,
  };
}

async function move(actor: Actor, app: LoadedCase, event: ApplicationEvent, opts: { data?: Record<string, unknown>; meta?: object; facts?: { hasReasonAndBasis?: boolean }; message?: Record<string, string>; also?: (tx: Tx) => Promise<void> }) {
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
    return result;
  });
  await deliver([moved.outbound]);
  return { id: app.id, state: moved.state };
}

export async function recordReview(opts: { actor: Actor | null; input: z.input<typeof ZReviewInput> }) {
  const actor = await requireRole(opts.actor, ["REVIEWER", "CHIEF"], "recordReview");
  const input = ZReviewInput.parse(opts.input);
  const app = await loadCase(db(), actor, input.applicationId);
  const write = async (tx: Tx) => {
    await tx.reviewOpinion.create({ data: { applicationId: app.id, authorId: actor.id, recommendation: input.recommendation, opinion: input.opinion } });
  };
  // The first opinion moves the case to "reviewed"; later ones are added to the file.
  if (app.state === "ACCEPTED") return move(actor, app, "RECORD_REVIEW", { meta: { recommendation: input.recommendation, opinion: input.opinion }, also: write });
  if (app.state !== "REVIEWED" && app.state !== "ESCALATED") throw new AppError("TRANSITION_NOT_ALLOWED");
  await db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${app.id} AND state = ${app.state}::"ApplicationState" FOR UPDATE`;
    await write(tx);
    await recordAuditEvent(tx, { actor, action: "application.reviewOpinion", entityType: "Application", entityId: app.id, meta: { recommendation: input.recommendation, opinion: input.opinion } });
  });
  return { id: app.id, state: app.state };
}

/**
 * Approves or denies. Nobody decides without authority at that moment: the director's own, or a
 * delegation in force that covers the item; the decision records which.
 */
export async function decideCase(opts: { actor: Actor | null; input: z.input<typeof ZDecideInput>; now?: Date }) {
  const actor = await requireRole(opts.actor, ["CLERK", "CHIEF", "DIRECTOR"], "decideCase");
  const input = ZDecideInput.parse(opts.input);
  const now = opts.now ?? new Date();
  const app = await loadCase(db(), actor, input.applicationId);
  const authority = decisionAuthority(await loadDelegationFacts(), actor, { itemId: app.item.id, sectionId: app.item.sectionId, itemKind: app.itemVersion.kind }, now, toPlainDate(now));
  if (!authority.ok) {
    await recordAuditEvent(db(), {
      actor,
      action: "decision.refused",
      entityType: "Application",
      entityId: app.id,
      meta: { reason: authority.reason, delegation: authority.delegation?.number ?? null },
    });
    throw new AppError("DELEGATION_REFUSED", authority.reason, {
      details: { reason: authority.reason, delegation: authority.delegation ? `（${authority.delegation.number}）` : "" },
    });
  }
  const delegation = authority.basis === "DELEGATION" ? authority.delegation : null;
  return move(actor, app, input.decision, {
    facts: { hasReasonAndBasis: input.reason.length > 0 && input.basis.length > 0 },
    data: {
      decidedAt: now,
      decidedById: actor.id,
      decisionDelegationId: delegation?.id ?? null,
      decisionReason: input.reason || null,
      decisionBasis: input.basis || null,
    },
    meta: { delegation: delegation?.number ?? "局长决定", reason: input.reason, basis: input.basis },
    message: { reason: input.reason },
  });
}

export async function escalateCase(opts: { actor: Actor | null; input: z.input<typeof ZEscalateInput> }) {
  const actor = await requireRole(opts.actor, ["CLERK", "REVIEWER", "CHIEF"], "escalateCase");
  const input = ZEscalateInput.parse(opts.input);
  const app = await loadCase(db(), actor, input.applicationId);
  return move(actor, app, "ESCALATE", { meta: { note: input.note } });
}

export async function forwardCase(opts: { actor: Actor | null; input: z.input<typeof ZForwardInput>; now?: Date }) {
  const actor = await requireRole(opts.actor, ["CHIEF", "DIRECTOR"], "forwardCase");
  const input = ZForwardInput.parse(opts.input);
  const app = await loadCase(db(), actor, input.applicationId);
  return move(actor, app, "FORWARD", { data: { forwardedTo: input.to }, meta: { to: input.to }, message: { to: input.to } });
}

export async function recordHigherReply(opts: { actor: Actor | null; input: z.input<typeof ZHigherReplyInput>; now?: Date }) {
  const actor = await requireRole(opts.actor, ["CHIEF", "DIRECTOR"], "recordHigherReply");
  const input = ZHigherReplyInput.parse(opts.input);
  const app = await loadCase(db(), actor, input.applicationId);
  return move(actor, app, "RECORD_HIGHER_REPLY", { data: { higherReply: input.reply, decidedAt: opts.now ?? new Date() }, meta: { reply: input.reply } });
}

// ---- The clock ledger --------------------------------------------------------------------------

const asClockError = (e: unknown) => (e instanceof ClockRuleError ? new AppError(e.code, e.message) : asAppError(e));

/**
 * Runs a ledger change under a lock on the case row, then stores the due dates it gives, so
 * queues sort by the dates the applicant is actually owed.
 */
async function ledgerChange(actor: Actor, applicationId: string, action: string, change: (tx: Tx, app: LoadedCase, today: string) => Promise<object>, now: Date) {
  return db().$transaction(async (tx) => {
    // The calendar's lock before the case's, in the order the publication of a year takes them.
    const cal = await lockedWorkingCalendar(tx);
    const app = await loadCase(tx, actor, applicationId, { lock: true });
    if (!clockRuns(app.state)) throw new AppError("TRANSITION_NOT_ALLOWED");
    const today = toPlainDate(now);
    let after: object;
    try {
      after = await change(tx, app, today);
    } catch (e) {
      throw asClockError(e);
    }
    const ledger = await tx.clockEntry.findMany({ where: { applicationId } });
    let clock;
    try {
      clock = caseClock(cal, app, ledger, now);
    } catch (e) {
      throw asClockError(e);
    }
    if (clock) await tx.application.update({ where: { id: app.id }, data: { promisedDue: toDateColumn(clock.promisedDue), statutoryDue: toDateColumn(clock.statutoryDue) } });
    await recordAuditEvent(tx, {
      actor,
      action,
      entityType: "Application",
      entityId: app.id,
      after: { ...after, promisedDue: clock?.promisedDue ?? null, statutoryDue: clock?.statutoryDue ?? null },
    });
    return { id: app.id, ...clock };
  });
}

export async function startSuspension(opts: { actor: Actor | null; input: z.input<typeof ZSuspendInput>; now?: Date }) {
  const actor = await requireRole(opts.actor, ["REVIEWER", "CHIEF", "DIRECTOR"], "startSuspension");
  const input = ZSuspendInput.parse(opts.input);
  return ledgerChange(actor, input.applicationId, "clock.suspended", async (tx, app, today) => {
    checkSuspensionStart(ledgerOf(app.clockEntries).suspensions, today);
    await tx.clockEntry.create({ data: { applicationId: app.id, kind: "SUSPENSION", reason: input.reason, note: input.note, startedOn: toDateColumn(today), orderedById: actor.id } });
    return { reason: input.reason, note: input.note, startedOn: today };
  }, opts.now ?? new Date());
}

export async function endSuspension(opts: { actor: Actor | null; input: z.input<typeof ZEndSuspensionInput>; now?: Date }) {
  const actor = await requireRole(opts.actor, ["REVIEWER", "CHIEF", "DIRECTOR"], "endSuspension");
  const input = ZEndSuspensionInput.parse(opts.input);
  return ledgerChange(actor, input.applicationId, "clock.resumed", async (tx, app, today) => {
    const open = app.clockEntries.find((e) => e.kind === "SUSPENSION" && e.endedOn === null);
    if (!open) throw new AppError("NOT_SUSPENDED");
    checkSuspensionEnd({ startedOn: fromDateColumn(open.startedOn), endedOn: null }, today);
    await tx.clockEntry.update({ where: { id: open.id }, data: { endedOn: toDateColumn(today), endedById: actor.id } });
    return { suspension: open.id, endedOn: today };
  }, opts.now ?? new Date());
}

/** 现场勘查: on the record, but the clock keeps running. */
export async function recordSurvey(opts: { actor: Actor | null; input: z.input<typeof ZSurveyInput>; now?: Date }) {
  const actor = await requireRole(opts.actor, ["REVIEWER", "CHIEF"], "recordSurvey");
  const input = ZSurveyInput.parse(opts.input);
  return ledgerChange(actor, input.applicationId, "clock.survey", async (tx, app, today) => {
    await tx.clockEntry.create({ data: { applicationId: app.id, kind: "SURVEY", note: input.note, startedOn: toDateColumn(today), endedOn: toDateColumn(today), orderedById: actor.id } });
    return { survey: input.note, on: today };
  }, opts.now ?? new Date());
}

/** 延期: only a chief or the director approves it, with a written reason, within the legal limit. */
export async function grantExtension(opts: { actor: Actor | null; input: z.input<typeof ZExtensionInput>; now?: Date }) {
  const actor = await requireRole(opts.actor, ["CHIEF", "DIRECTOR"], "grantExtension");
  const input = ZExtensionInput.parse(opts.input);
  return ledgerChange(actor, input.applicationId, "clock.extended", async (tx, app, today) => {
    checkExtension(ledgerOf(app.clockEntries).extensions, input.days);
    await tx.clockEntry.create({ data: { applicationId: app.id, kind: "EXTENSION", days: input.days, note: input.note, startedOn: toDateColumn(today), orderedById: actor.id } });
    return { days: input.days, note: input.note };
  }, opts.now ?? new Date());
}
