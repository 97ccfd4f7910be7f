// Queues and case files for the back office: the section's cases by nearest due date with
// yellow/red marks, the director's escalated cases, one case with its ledger and opinions.
import "server-only";
import { mayViewApplication } from "@/lib/domain/applications/access";
import { provisionalOf, toPlainDate } from "@/lib/domain/calendar/working-days";
import { dueMark } from "@/lib/domain/clock/clock-ledger";
import { decisionAuthority } from "@/lib/domain/delegation/delegation";
import { AppError } from "@/lib/errors";
import { requireRole, type Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { loadDelegationFacts } from "@/lib/server/delegations/delegations";
import { fromDateColumn } from "@/lib/server/date-column";
import { caseClock } from "./case-clock";
import { loadCase } from "./load-case";

/** Working days before a due date at which a case turns yellow. */
export function dueWarningDays(): number {
  const n = Number(process.env.DUE_WARNING_DAYS ?? 3);
  return Number.isInteger(n) && n >= 0 ? n : 3;
}

const OPEN_STATES = ["ACCEPTED", "ACCEPTED_WITH_DEFICIENCIES", "REVIEWED", "ESCALATED", "FORWARDED"] as const;

export async function listCaseQueue(opts: { actor: Actor | null; now?: Date; states?: readonly (typeof OPEN_STATES)[number][] }) {
  const actor = await requireRole(opts.actor, ["REVIEWER", "CHIEF", "DIRECTOR"], "listCaseQueue");
  const now = opts.now ?? new Date();
  if (actor.role !== "DIRECTOR" && !actor.sectionId) return [];
  const apps = await db().application.findMany({
    where: {
      state: { in: [...(opts.states ?? OPEN_STATES)] },
      ...(actor.role === "DIRECTOR" ? {} : { item: { sectionId: actor.sectionId } }),
      itemVersion: actor.role === "DIRECTOR" ? undefined : { kind: { not: "INSTANT" } },
    },
    include: { applicant: { select: { name: true } }, itemVersion: { select: { name: true, kind: true, promisedDays: true, statutoryDays: true } }, clockEntries: true },
    take: 500,
  });
  const cal = await loadWorkingCalendar();
  const today = toPlainDate(now);
  const warn = dueWarningDays();
  return apps
    .map((a) => {
      const clock = caseClock(cal, a, a.clockEntries, now);
      return {
        id: a.id,
        number: a.number,
        state: a.state,
        itemName: a.itemVersion.name,
        kind: a.itemVersion.kind,
        applicantName: a.applicant.name,
        promisedDue: clock?.promisedDue ?? null,
        statutoryDue: clock?.statutoryDue ?? null,
        provisional: provisionalOf(cal, { promisedDue: clock?.promisedDue ?? null, statutoryDue: clock?.statutoryDue ?? null }),
        suspended: clock?.suspended ?? false,
        mark: clock && a.state !== "FORWARDED" ? (clock.suspended ? ("suspended" as const) : dueMark(cal, today, clock.promisedDue, warn)) : ("ok" as const),
      };
    })
    .sort((x, y) => (x.promisedDue ?? "9999").localeCompare(y.promisedDue ?? "9999"));
}

export type CaseQueueRow = Awaited<ReturnType<typeof listCaseQueue>>[number];

/** A case file for staff: clock ledger, due dates, opinions, and whether this actor may decide it. */
export async function getCaseFile(opts: { actor: Actor | null; applicationId: string; now?: Date }) {
  const actor = await requireRole(opts.actor, ["CLERK", "REVIEWER", "CHIEF", "DIRECTOR", "SUPERVISOR"], "getCaseFile");
  const now = opts.now ?? new Date();
  const app = await loadCase(db(), actor, opts.applicationId);
  const [cal, opinions, delegations] = await Promise.all([
    loadWorkingCalendar(),
    db().reviewOpinion.findMany({ where: { applicationId: app.id }, orderBy: { createdAt: "asc" } }),
    loadDelegationFacts(),
  ]);
  const people = await db().user.findMany({
    where: { id: { in: [...opinions.map((o) => o.authorId), ...app.clockEntries.flatMap((e) => [e.orderedById, e.endedById ?? ""]), app.decidedById ?? ""] } },
    select: { id: true, name: true, role: true },
  });
  const name = new Map(people.map((p) => [p.id, p.name]));
  const clock = caseClock(cal, app, app.clockEntries, now);
  const decisionDelegation = app.decisionDelegationId ? delegations.find((d) => d.id === app.decisionDelegationId) ?? null : null;
  const authority =
    actor.role === "SUPERVISOR" || actor.role === "REVIEWER"
      ? null
      : decisionAuthority(delegations, actor, { itemId: app.item.id, sectionId: app.item.sectionId, itemKind: app.itemVersion.kind }, now, toPlainDate(now));
  return {
    id: app.id,
    state: app.state,
    kind: app.itemVersion.kind,
    clock,
    provisional: provisionalOf(cal, { promisedDue: clock?.promisedDue ?? null, statutoryDue: clock?.statutoryDue ?? null }),
    ledger: app.clockEntries.map((e) => ({
      id: e.id,
      kind: e.kind,
      reason: e.reason,
      note: e.note,
      startedOn: fromDateColumn(e.startedOn),
      endedOn: fromDateColumn(e.endedOn),
      days: e.days,
      orderedBy: name.get(e.orderedById) ?? "",
      endedBy: e.endedById ? (name.get(e.endedById) ?? "") : null,
    })),
    opinions: opinions.map((o) => ({ id: o.id, author: name.get(o.authorId) ?? "", recommendation: o.recommendation, opinion: o.opinion, at: o.createdAt })),
    decision: app.decidedAt
      ? { at: app.decidedAt, by: name.get(app.decidedById ?? "") ?? "", delegation: decisionDelegation?.number ?? null, reason: app.decisionReason, basis: app.decisionBasis }
      : null,
    forwardedTo: app.forwardedTo,
    higherReply: app.higherReply,
    authority: authority ? (authority.ok ? { ok: true as const, delegation: authority.basis === "DELEGATION" ? authority.delegation.number : null } : { ok: false as const, reason: authority.reason }) : null,
  };
}

export type CaseFile = Awaited<ReturnType<typeof getCaseFile>>;

/** 准予 / 不予许可决定书 data: for the applicant and case staff, once decided. */
export async function getDecisionLetter(opts: { actor: Actor | null; applicationId: string }) {
  if (!opts.actor) throw new AppError("UNAUTHENTICATED");
  const app = await db().application.findUnique({
    where: { id: opts.applicationId },
    include: {
      applicant: { select: { name: true, residentId: true, creditCode: true } },
      itemVersion: { select: { name: true, legalBasis: true } },
      decisionDelegation: { select: { number: true } },
    },
  });
  if (!app || !mayViewApplication(opts.actor, app) || !app.decidedAt || (app.state !== "AWAITING_SEAL" && app.state !== "DENIED")) throw new AppError("NOT_FOUND");
  return {
    id: app.id,
    number: app.number ?? "",
    approved: app.state === "AWAITING_SEAL",
    applicantName: app.applicant.name,
    itemName: app.itemVersion.name,
    legalBasis: app.itemVersion.legalBasis,
    subject: app.subject,
    decidedAt: app.decidedAt,
    reason: app.decisionReason ?? "",
    basis: app.decisionBasis ?? "",
    delegation: app.decisionDelegation?.number ?? null,
  };
}
