// Reading applications: the applicant's own list, one application with its timeline, the receipt,
// and the public progress lookup. Whoever may not see an application gets NOT_FOUND.
import "server-only";
import { APPLICATION_TRAIL_ACTIONS } from "@/lib/domain/audit/application-trail";
import { AGENT_SCOPE, editableMaterials, idTailMatches, mayViewApplication } from "@/lib/domain/applications/access";
import { normaliseApplicationNumber } from "@/lib/domain/applications/application-number";
import { formFieldsOf } from "@/lib/domain/catalogue/form-fields";
import { AppError } from "@/lib/errors";
import { identifierOf, maskIdentity } from "@/lib/server/accounts/get-applicant-profile";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { lookupAllowed, recordLookupFailure } from "./lookup-guard";
import { mayCommit } from "@/lib/domain/commitments/commitments";
import { provisionalOf } from "@/lib/domain/calendar/working-days";
import type { WorkflowAction } from "@/lib/domain/workflow/application-workflow";
import { availableActions } from "@/lib/domain/workflow/available-actions";
import { stateFacts } from "@/lib/domain/workflow/state-facts";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { fromDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { hiddenFrom } from "@/lib/server/auth/actor";
import { mayChooseDelivery } from "@/lib/domain/certificates/certificate-actions";
import { currentCertificate } from "@/lib/server/certificates/current-certificate";
import { can } from "@/lib/domain/access/permissions";
import { PAYMENT_NOTICE_FIELDS, paymentNoticeView } from "@/lib/server/fees/payment-notice-view";

/** Filing and intake: these depend on the filing alone, not on the case's clock or delegations. */
const FILING_ACTIONS: readonly WorkflowAction[] = ["SUBMIT", "RESUBMIT", "SUPPLY_OWED_MATERIALS", "WITHDRAW", "ACCEPT", "ACCEPT_WITH_DEFICIENCIES", "REQUEST_CORRECTION", "REJECT"];

export async function getApplication(opts: { actor: Actor | null; applicationId: string }) {
  if (!opts.actor) throw new AppError("UNAUTHENTICATED");
  const actor = opts.actor;
  const app = await db().application.findUnique({
    where: { id: opts.applicationId },
    include: {
      applicant: { select: { name: true, applicantType: true, residentId: true, creditCode: true, phone: true } },
      filedBy: { select: { name: true, role: true } },
      item: { select: { implementationCode: true, sectionId: true } },
      itemVersion: { select: { name: true, version: true, kind: true, promisedDays: true, statutoryDays: true, legalBasis: true, formFields: true } },
      materials: {
        include: { material: true, storedFile: { select: { id: true, originalName: true, size: true, createdAt: true } } },
      },
      notices: { orderBy: { issuedAt: "asc" }, include: { document: { select: { id: true, number: true } } } },
      certificates: currentCertificate({ id: true, number: true, identifier: true, status: true, version: true, deliveryMethod: true, deliveryAddress: true, trackingNumber: true, mailedAt: true, collectorName: true, deliveredAt: true }),
      documents: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, number: true, identifier: true, createdAt: true } },
      commitments: { select: { materialId: true, text: true, signerName: true, signedAt: true, result: true, checkedAt: true } },
      centre: { select: { name: true, address: true } },
      paymentNotice: { select: PAYMENT_NOTICE_FIELDS },
      ...AGENT_SCOPE,
    },
  });
  if (!app) throw new AppError("NOT_FOUND");
  if (!mayViewApplication(actor, app)) throw await hiddenFrom(actor, { entityType: "Application", entityId: app.id }, "getApplication");
  const commitmentOf = (materialId: string) => app.commitments.find((c) => c.materialId === materialId) ?? null;
  const [events, cal] = await Promise.all([
    db().auditEvent.findMany({
      where: { entityType: "Application", entityId: app.id, action: { in: [...APPLICATION_TRAIL_ACTIONS] } },
      orderBy: { id: "asc" },
      select: { id: true, at: true, action: true, actorRole: true, after: true },
    }),
    loadWorkingCalendar(),
  ]);
  const due = { promisedDue: fromDateColumn(app.promisedDue), statutoryDue: fromDateColumn(app.statutoryDue), owedBy: fromDateColumn(app.owedBy) };
  return {
    id: app.id,
    number: app.number,
    state: app.state,
    channel: app.channel,
    subject: app.subject,
    contactName: app.contactName,
    contactPhone: app.contactPhone,
    address: app.address,
    // The item's own questions with the applicant's answers, labelled as the version asked them.
    answers: formFieldsOf(app.itemVersion.formFields)
      .map((f) => ({ key: f.key, label: f.label, value: String((app.formData as Record<string, unknown>)[f.key] ?? "") }))
      .filter((a) => a.value !== ""),
    applicantId: app.applicantId,
    /** 一件事: the bundle filing it belongs to, or null. */
    bundleFilingId: app.bundleFilingId,
    /** 就近办: the township centre it was filed at (accepted and collected there), or null for the hall. */
    centre: app.centre,
    applicant: { name: app.applicant.name, type: app.applicant.applicantType, maskedId: maskIdentity(identifierOf(app.applicant)) },
    filedBy: app.filedBy,
    itemCode: app.item.implementationCode,
    item: app.itemVersion,
    createdAt: app.createdAt,
    submittedAt: app.submittedAt,
    resubmittedAt: app.resubmittedAt,
    acceptedAt: app.acceptedAt,
    ...due,
    /** Which due dates were counted over a year whose holiday notice is not out yet. */
    provisional: provisionalOf(cal, due),
    /** The certificate issued from it (电子证照), if any. */
    certificate: app.certificates[0] ?? null,
    /** 缴款通知书 of a grant with fees (票款分离), if any. */
    payment: app.paymentNotice && paymentNoticeView(app.paymentNotice),
    /** How the applicant asked to receive it (送达). */
    delivery: { method: app.deliveryMethod, address: app.deliveryAddress, changeable: mayChooseDelivery(app.state) },
    /** Official documents issued under the seal (受理通知书, 特别程序告知书, 决定书…). */
    documents: app.documents,
    /** What the state means for the pages (owed materials, a refusal, a decision…). */
    facts: stateFacts(app.state),
    /** The filing and intake actions this viewer may take now (the case's own actions: getCaseFile). */
    filingActions: availableActions(app.state, actor.role, { itemKind: app.itemVersion.kind }).filter((o) => FILING_ACTIONS.includes(o.action)),
    rejectionReason: app.rejectionReason,
    rejectionBasis: app.rejectionBasis,
    materials: app.materials
      .sort((a, b) => a.material.position - b.material.position)
      .map((m) => ({
        materialId: m.materialId,
        name: m.material.name,
        kind: m.material.kind,
        originalRequired: m.material.originalRequired,
        copies: m.material.copies,
        note: m.material.note,
        file: m.storedFile,
        revision: m.revision,
        verdict: m.verdict,
        problem: m.problem,
        /** "" = always asked; otherwise asked only in that situation. */
        condition: m.material.condition,
        applicable: m.applicable,
        /** 告知承诺: the commitment the item version offers in place of this material ("" = none), and the one signed. */
        commitmentText: m.material.commitmentText,
        commitment: commitmentOf(m.materialId),
        mayCommit: mayCommit({ commitmentText: m.material.commitmentText, committed: commitmentOf(m.materialId) !== null, fileGiven: m.storedFileId !== null }, editableMaterials(app.state) === "all"),
      })),
    notices: app.notices.map((n) => ({ id: n.id, issuedAt: n.issuedAt, entries: n.entries as { materialId: string; name: string; problem: string }[], document: n.document })),
    // Applicants see what happened to their case, not the internal file history.
    timeline: events
      .filter((e) => !can(actor.role, "applicant:self") || !(e.action.startsWith("application.material.") || e.action === "decision.refused" || e.action === "application.reviewOpinion"))
      .map((e) => ({ id: String(e.id), at: e.at, action: e.action, actorRole: e.actorRole })),
  };
}

export type ApplicationView = Awaited<ReturnType<typeof getApplication>>;

/** The 受理通知书: once the application has been accepted (and ever after). */
export async function getReceipt(opts: { actor: Actor | null; applicationId: string }) {
  const app = await getApplication(opts);
  if (!app.acceptedAt) throw new AppError("NOT_FOUND");
  return app;
}

/**
 * Public progress lookup: number + last four characters of the applicant's ID or credit code.
 * A wrong tail and an unknown number give the same answer, so the lookup reveals nothing.
 */
export async function lookupProgress(input: { number: string; idTail: string }, client = "unknown") {
  const number = normaliseApplicationNumber(input.number);
  if (!number) return null;
  // Guessing the tail is refused after a few failures, even when the next guess would be right.
  if (!(await lookupAllowed(number, client))) throw new AppError("TOO_MANY_ATTEMPTS");
  const app = await db().application.findUnique({
    where: { number },
    include: { applicant: { select: { residentId: true, creditCode: true } }, itemVersion: { select: { name: true } } },
  });
  if (!app || !idTailMatches(identifierOf(app.applicant), input.idTail)) {
    await recordLookupFailure(number, client);
    return null;
  }
  const cal = await loadWorkingCalendar();
  const due = { promisedDue: fromDateColumn(app.promisedDue), statutoryDue: fromDateColumn(app.statutoryDue) };
  return {
    number,
    itemName: app.itemVersion.name,
    state: app.state,
    submittedAt: app.submittedAt,
    acceptedAt: app.acceptedAt,
    ...due,
    provisional: provisionalOf(cal, due),
  };
}
