// One case file for staff: its clock ledger, due dates, opinions and decision.
import "server-only";
import { provisionalOf, toPlainDate } from "@/lib/domain/calendar/working-days";
import { decisionAuthority } from "@/lib/domain/delegation/delegation";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { loadDelegationFacts } from "@/lib/server/delegations/load-delegation-facts";
import { fromDateColumn } from "@/lib/server/date-column";
import { roleMayTake } from "@/lib/domain/workflow/application-workflow";
import { availableActions } from "@/lib/domain/workflow/available-actions";
import { certificateActions } from "@/lib/domain/certificates/certificate-actions";
import { caseClock } from "./case-clock";
import { caseFactsOf } from "./case-moves";
import { loadCase } from "./load-case";
import { currentCertificate } from "@/lib/server/certificates/current-certificate";
import { feeLinesOf, feesUnpaid, linesByQuantity } from "@/lib/domain/fees/fees";
import { PAYMENT_NOTICE_FIELDS, paymentNoticeView } from "@/lib/server/fees/payment-notice-view";

const CASE_CERTIFICATE = {
  id: true,
  number: true,
  identifier: true,
  status: true,
  version: true,
  replacementKind: true,
  deliveryMethod: true,
  deliveryNote: true,
  deliveryAddress: true,
  trackingNumber: true,
  mailedAt: true,
  collectorName: true,
  collectorIdNumber: true,
  deliveredAt: true,
} as const;

/** A case file for staff: clock ledger, due dates, opinions, and whether this actor may decide it. */
export async function getCaseFile(opts: { actor: Actor | null; applicationId: string; now?: Date }) {
  const actor = await requirePermission(opts.actor, "case:view", "getCaseFile");
  const now = opts.now ?? new Date();
  const id = opts.applicationId;
  // One round trip: everything the page shows is asked for at once; loadCase's access check decides
  // whether any of it is returned (a refusal rejects the whole, and nothing leaves this function).
  const [app, cal, opinions, delegations, owedMaterials, certificate, people, cards, payment] = await Promise.all([
    loadCase(db(), actor, id),
    loadWorkingCalendar(),
    db().reviewOpinion.findMany({ where: { applicationId: id }, orderBy: { createdAt: "asc" } }),
    loadDelegationFacts(),
    db().applicationMaterial.count({ where: { applicationId: id, verdict: "OWED" } }),
    db().certificate.findFirst({ ...currentCertificate(CASE_CERTIFICATE), where: { applicationId: id, replacedBy: { is: null } } }),
    // The names of everyone who acted on the case: opinions, clock entries, the decision.
    db().$queryRaw<{ id: string; name: string }[]>`
      SELECT id, name FROM "User" WHERE id IN (
        SELECT "authorId" FROM "ReviewOpinion" WHERE "applicationId" = ${id}
        UNION SELECT "orderedById" FROM "ClockEntry" WHERE "applicationId" = ${id}
        UNION SELECT "endedById" FROM "ClockEntry" WHERE "applicationId" = ${id}
        UNION SELECT "decidedById" FROM "Application" WHERE id = ${id}
        UNION SELECT "responsibleId" FROM "Card" WHERE "applicationId" = ${id})`,
    // Its cards (预警), open and closed, with the supervision notices on them.
    db().card.findMany({ where: { applicationId: id }, orderBy: { raisedAt: "asc" }, include: { notices: { orderBy: { issuedAt: "asc" } } } }),
    // 票款分离: the decision's payment notice, if its item has fees.
    db().paymentNotice.findUnique({ where: { applicationId: id }, select: PAYMENT_NOTICE_FIELDS }),
  ]);
  const name = new Map(people.map((p) => [p.id, p.name]));
  const clock = caseClock(cal, app, app.clockEntries, now);
  const decisionDelegation = app.decisionDelegationId ? delegations.find((d) => d.id === app.decisionDelegationId) ?? null : null;
  // Whether this actor could decide it now: asked only of those the table lets decide at all.
  const authority = roleMayTake(actor.role, ["APPROVE", "DENY"])
    ? decisionAuthority(delegations, actor, { itemId: app.item.id, sectionId: app.item.sectionId, itemKind: app.itemVersion.kind }, now, toPlainDate(now))
    : null;
  return {
    id: app.id,
    state: app.state,
    kind: app.itemVersion.kind,
    /** What this actor may do with the case now: the panels render exactly these. */
    actions: availableActions(app.state, actor.role, { ...caseFactsOf(app), owedMaterials, feesUnpaid: feesUnpaid(payment), authority: authority ? (authority.ok ? { ok: true } : { ok: false, reason: authority.reason }) : undefined }),
    /** 一件事: the bundle filing this case is one item of (its page shows the others, the joint survey, the one delivery). */
    bundleFilingId: app.bundleFilingId,
    /** 计量收费: the fee lines a grant needs a quantity for (their positions are the decision form's keys). */
    feeQuantities: linesByQuantity(feeLinesOf(app.itemVersion.feeLines)).map(({ index, line }) => ({ index, name: line.name, unit: line.unit, unitFen: line.amountFen })),
    /** 缴款通知书: what is payable, and whether the fiscal platform confirmed it. */
    payment: payment && paymentNoticeView(payment),
    /** How the applicant asked to receive the certificate (送达). */
    delivery: { method: app.deliveryMethod, address: app.deliveryAddress },
    /** The certificate this case stands on now, and what this actor may do with it. */
    certificate: certificate && {
      ...certificate,
      actions: certificateActions(actor.role, {
        status: certificate.status,
        replaced: false,
        deliveryMethod: certificate.deliveryMethod,
        delivered: certificate.deliveredAt !== null,
        mailed: certificate.mailedAt !== null,
      }),
    },
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
    cards: cards.map((c) => ({
      id: c.id,
      kind: c.kind,
      colour: c.colour,
      dueOn: fromDateColumn(c.dueOn),
      raisedAt: c.raisedAt,
      closedAt: c.closedAt,
      responsible: c.responsibleId ? (name.get(c.responsibleId) ?? "") : null,
      notices: c.notices.map((n) => ({ text: n.text, issuedAt: n.issuedAt, answer: n.answer, answeredAt: n.answeredAt })),
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
