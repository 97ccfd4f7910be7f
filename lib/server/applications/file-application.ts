// Filing: an applicant online, or a clerk for a walk-in, starts an application from the item's
// current version, then submits it. Both steps are idempotent, so a double click or a retry after a
// network error never makes a second application or a second submission.
import "server-only";
import { centreMayFile } from "@/lib/domain/centres/centres";
import { clerkCentreOf, delegatedToCentre } from "@/lib/server/centres/clerk-centre";
import { DECLARATION_TEXT } from "@/lib/domain/applications/declaration";
import { applicantIdOf } from "@/lib/domain/access/actor";
import { actsAsAgent } from "@/lib/domain/agents/agents";
import { BUREAU } from "@/lib/bureau";
import { deliveryChoiceProblem } from "@/lib/domain/certificates/certificate-actions";
import { formatApplicationNumber } from "@/lib/domain/applications/application-number";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { formAnswerProblems, formFieldsOf, keepAnswers } from "@/lib/domain/catalogue/form-fields";
import { can } from "@/lib/domain/access/permissions";
import { AGENT_SCOPE, filingChannelOf, mayFile } from "@/lib/domain/applications/access";
import { firstAllowed } from "@/lib/domain/workflow/available-actions";
import { INITIAL_STATE, isAwaitingIntake } from "@/lib/domain/workflow/state-facts";
import { materialApplies } from "@/lib/domain/applications/intake";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { hiddenFrom, requirePermission, requireWorkflowRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db, type Tx } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";
import { ZStartApplicationInput, type TStartApplicationInput } from "./schemas";
import { transition } from "./transition";


/**
 * The applicant an actor files for: themselves; an enterprise whose authority the agent holds
 * (帮办代办, confirmed — refused otherwise); or (a clerk) the walk-in they found or registered.
 */
async function applicantFor(actor: Actor, applicantId: string | undefined, onBehalfOf?: string): Promise<{ applicantId: string; agentAuthorityId: string | null }> {
  if (filingChannelOf(actor.role) === "ONLINE") {
    if (!onBehalfOf) return { applicantId: applicantIdOf(actor), agentAuthorityId: null };
    const authority = await db().agentAuthority.findUnique({ where: { id: onBehalfOf }, select: { id: true, agentId: true, status: true, enterpriseId: true } });
    if (!authority || !actsAsAgent(actor.id, authority)) throw new AppError("AGENT_NOT_AUTHORISED", "no confirmed authority", { field: "onBehalfOf" });
    return { applicantId: authority.enterpriseId, agentAuthorityId: authority.id };
  }
  return { applicantId: await walkInApplicant(applicantId), agentAuthorityId: null };
}

async function walkInApplicant(applicantId: string | undefined): Promise<string> {
  if (!applicantId) throw new AppError("VALIDATION", "application.applicant", { field: "applicantId" });
  const user = await db().user.findUnique({ where: { id: applicantId }, select: { role: true, active: true } });
  if (!user || !can(user.role, "applicant:self") || !user.active) throw new AppError("NOT_FOUND", "applicant", { field: "applicantId" });
  return applicantId;
}

export async function startApplication(opts: { actor: Actor | null; input: TStartApplicationInput }): Promise<{ id: string; created: boolean }> {
  const actor = await requirePermission(opts.actor, "application:file", "startApplication");
  const input = ZStartApplicationInput.parse(opts.input);
  const { applicantId, agentAuthorityId } = await applicantFor(actor, input.applicantId, input.onBehalfOf);

  if (deliveryChoiceProblem(input.deliveryMethod, input.deliveryAddress)) throw new AppError("DELIVERY_ADDRESS_REQUIRED", "post without address", { field: "deliveryAddress" });
  // A repeated key (a double click, a retry) is found by the insert's unique key below, not looked
  // up first: the first try of every filing saves that statement.

  const item = await db().item.findUnique({
    where: { implementationCode: input.itemCode },
    include: { currentVersion: { include: { materials: { orderBy: { position: "asc" } } } } },
  });
  // Only items the bureau itself runs (they have a section) can be filed here.
  if (!item?.currentVersion || !item.sectionId) throw new AppError("NOT_FOUND", "item", { field: "itemCode" });
  const version = item.currentVersion;
  if (filingChannelOf(actor.role) === "ONLINE" && !version.onlineAvailable) throw new AppError("ITEM_NOT_ONLINE");
  // 就近办: a clerk at a township centre files there only the items delegated to that centre.
  const centreId = filingChannelOf(actor.role) === "WINDOW" ? await clerkCentreOf(actor.id) : null;
  if (!centreMayFile(centreId, centreId !== null && (await delegatedToCentre(centreId, item.id)))) throw new AppError("ITEM_NOT_AT_CENTRE", "item", { field: "itemCode" });
  // The item's own questions, as this version asks them.
  const fields = formFieldsOf(version.formFields);
  const problems = formAnswerProblems(fields, input.answers);
  if (problems.length) {
    throw new AppError("VALIDATION", `form.${problems[0].code}`, { fieldErrors: Object.fromEntries(problems.map((p) => [`f.${p.key}`, `form.${p.code}`])) });
  }

  try {
    return await db().$transaction(async (tx) => {
      const app = await createDraft(tx, {
        actor,
        submissionKey: input.submissionKey,
        applicantId,
        channel: filingChannelOf(actor.role),
        item,
        version,
        input,
        answers: keepAnswers(fields, input.answers),
        // A conditional material is asked only when the filer said its situation applies.
        applies: (m) => materialApplies(m, input.applies),
        links: { centreId, agentAuthorityId },
        audit: agentAuthorityId ? { onBehalfOf: applicantId, agentAuthorityId } : {},
      });
      return { id: app.id, created: true };
    });
  } catch (e) {
    // The same key again (a retry, or a second request racing in): that request's application is this one.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const id = await findByKey(input.submissionKey, actor, applicantId);
      if (id) return { id, created: false };
    }
    throw e;
  }
}

type DraftFields = Pick<TStartApplicationInput, "subject" | "contactName" | "contactPhone" | "address" | "deliveryMethod" | "deliveryAddress">;

/**
 * Writes one draft with its material lines and its audit event, in the caller's transaction: the
 * one writer of a new application, for a single filing and for each item of a bundle (一件事).
 */
export async function createDraft(
  tx: Tx,
  d: {
    actor: Actor;
    submissionKey: string;
    applicantId: string;
    channel: "ONLINE" | "WINDOW";
    item: { id: string; implementationCode: string };
    version: { id: string; version: number; materials: { id: string; condition: string }[] };
    input: DraftFields;
    answers: Record<string, string>;
    applies: (m: { id: string; condition: string }) => boolean;
    links: { centreId?: string | null; agentAuthorityId?: string | null; bundleFilingId?: string };
    audit: Record<string, string>;
  },
) {
  const post = d.input.deliveryMethod === "POST";
  const app = await tx.application.create({
    data: {
      submissionKey: d.submissionKey,
      applicantId: d.applicantId,
      filedById: d.actor.id,
      channel: d.channel,
      itemId: d.item.id,
      itemVersionId: d.version.id,
      subject: d.input.subject,
      contactName: d.input.contactName,
      contactPhone: d.input.contactPhone,
      address: d.input.address ?? "",
      deliveryMethod: d.input.deliveryMethod,
      deliveryAddress: post ? (d.input.deliveryAddress ?? "") : "",
      formData: d.answers,
      ...d.links,
    },
  });
  await tx.applicationMaterial.createMany({ data: d.version.materials.map((m) => ({ applicationId: app.id, materialId: m.id, applicable: d.applies(m) })) });
  await recordAuditEvent(tx, {
    actor: d.actor,
    action: "application.created",
    entityType: "Application",
    entityId: app.id,
    after: { state: INITIAL_STATE, channel: d.channel, item: d.item.implementationCode, itemVersion: d.version.version, ...d.audit },
  });
  return app;
}

async function findByKey(submissionKey: string, actor: Actor, applicantId: string): Promise<string | null> {
  const found = await db().application.findUnique({ where: { submissionKey }, select: { id: true, applicantId: true, filedById: true } });
  if (!found) return null;
  // A key is not a way into someone else's application.
  if (found.applicantId !== applicantId || found.filedById !== actor.id) throw new AppError("CONFLICT");
  return found.id;
}

/**
 * Loads an application for its filer: the applicant, or a clerk for a filing made at the window.
 * Anyone else gets NOT_FOUND, which says nothing about whether it exists.
 */
export async function loadForFiler(tx: Tx | ReturnType<typeof db>, actor: Actor, applicationId: string) {
  const app = await tx.application.findUnique({
    where: { id: applicationId },
    include: {
      item: { select: { implementationCode: true } },
      itemVersion: { select: { name: true } },
      materials: { include: { material: { select: { kind: true, name: true } } } },
      ...AGENT_SCOPE,
    },
  });
  return filerOnly(actor, app, "loadForFiler");
}

/** The same check, loading only whose application it is (for a page that needs no more of it). */
export async function loadFilerScope(actor: Actor, applicationId: string) {
  const app = await db().application.findUnique({ where: { id: applicationId }, select: { id: true, applicantId: true, channel: true, ...AGENT_SCOPE } });
  return filerOnly(actor, app, "loadFilerScope");
}

async function filerOnly<T extends Parameters<typeof mayFile>[1] & { id: string }>(actor: Actor, app: T | null, where: string): Promise<T> {
  if (!app) throw new AppError("NOT_FOUND");
  if (!mayFile(actor, app)) throw await hiddenFrom(actor, { entityType: "Application", entityId: app.id }, where);
  return app;
}

/**
 * Next number of the day, from a sequence (next_application_serial): no lock is held until the
 * caller commits, so concurrent submissions do not queue on it; one rolled back leaves a gap.
 */
async function nextApplicationNumber(tx: Tx, now: Date): Promise<string> {
  const day = toPlainDate(now);
  const [{ serial }] = await tx.$queryRaw<{ serial: bigint }[]>`SELECT next_application_serial(${day}) AS serial`;
  return formatApplicationNumber(BUREAU.regionCode, day, Number(serial));
}

export type SubmitResult = { id: string; number: string; state: string; alreadyDone: boolean };

/**
 * Submits a draft, resubmits after a correction notice, or reports owed materials supplied (容缺),
 * whichever the state calls for. Repeating a submission that already went through is not an error.
 */
export async function submitApplication(opts: { actor: Actor | null; applicationId: string; now?: Date; declared?: boolean }): Promise<SubmitResult> {
  const actor = await requireWorkflowRole(opts.actor, ["SUBMIT", "RESUBMIT", "SUPPLY_OWED_MATERIALS"], "submitApplication");
  const now = opts.now ?? new Date();
  const app = await loadForFiler(db(), actor, opts.applicationId);
  // Submitted already (a second click, a retried request): not an error.
  if (isAwaitingIntake(app.state)) return { id: app.id, number: app.number ?? "", state: app.state, alreadyDone: true };
  // Whichever of submitting, resubmitting or reporting owed materials the table allows now.
  const event = firstAllowed(["SUBMIT", "RESUBMIT", "SUPPLY_OWED_MATERIALS"] as const, app.state, actor.role, {}) ?? "SUBMIT";
  const owed = app.materials.filter((m) => m.verdict === "OWED").length;
  try {
    const result = await db().$transaction(async (tx) => {
      const number = app.number ?? (await nextApplicationNumber(tx, now));
      const moved = await transition(tx, {
        application: app,
        event,
        actor,
        facts: { missingCore: 0, missingSupplementary: event === "SUPPLY_OWED_MATERIALS" ? owed : 0 },
        // The first submission's time is kept; a resubmission after a notice has its own.
        data: event === "SUBMIT" ? { number, submittedAt: now } : event === "RESUBMIT" ? { resubmittedAt: now } : {},
        message: { number, item: app.itemVersion.name },
        // The declaration the filer confirmed, verbatim, kept with the submission's audit event.
        meta: opts.declared ? { declaration: DECLARATION_TEXT } : undefined,
      });
      return { number, ...moved };
    });
    return { id: app.id, number: result.number, state: result.state, alreadyDone: false };
  } catch (e) {
    // Lost a race against our own second click: the other request submitted it.
    if (e instanceof AppError && e.code === "ALREADY_HANDLED" && event === "SUBMIT") {
      const now2 = await db().application.findUnique({ where: { id: app.id }, select: { state: true, number: true } });
      if (now2 && isAwaitingIntake(now2.state)) return { id: app.id, number: now2.number ?? "", state: now2.state, alreadyDone: true };
    }
    throw e;
  }
}

export async function withdrawApplication(opts: { actor: Actor | null; applicationId: string }) {
  const actor = await requireWorkflowRole(opts.actor, ["WITHDRAW"], "withdrawApplication");
  const app = await loadForFiler(db(), actor, opts.applicationId);
  const moved = await db().$transaction((tx) =>
    transition(tx, { application: app, event: "WITHDRAW", actor, facts: { missingCore: 0, missingSupplementary: 0 }, message: { number: app.number ?? "", item: app.itemVersion.name } }),
  );
  return { id: app.id, state: moved.state };
}
