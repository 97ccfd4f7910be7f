// Filing a bundle (一件事): ONE form creates one draft application per chosen item, linked by the
// bundle filing; each shared material is uploaded once and stands for every item asking for it;
// one submission submits them all, each taking its own number and going to its own section.
import "server-only";
import { applicantIdOf, type Actor } from "@/lib/domain/access/actor";
import { mayChangeMaterial, mayFile } from "@/lib/domain/applications/access";
import { materialApplies } from "@/lib/domain/applications/intake";
import { chosenItems, formatBundleNumber } from "@/lib/domain/bundles/bundles";
import { formAnswerProblems, formFieldsOf, keepAnswers } from "@/lib/domain/catalogue/form-fields";
import { deliveryChoiceProblem } from "@/lib/domain/certificates/certificate-actions";
import { AppError } from "@/lib/errors";
import { createDraft, submitApplication } from "@/lib/server/applications/file-application";
import { attachIn, storeApplicantFile } from "@/lib/server/applications/materials";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { hiddenFrom, requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { asAppError } from "@/lib/server/domain-errors";
import { checkBeforeReading, type IncomingFile } from "@/lib/server/files/blob-store";
import { Prisma } from "@/prisma/generated/client";
import { loadBundle } from "./bundle-definition";
import { ZStartBundleInput, type TStartBundleInput } from "./schemas";

export async function startBundleFiling(opts: { actor: Actor | null; input: TStartBundleInput }): Promise<{ id: string; created: boolean }> {
  // Online, by the applicant (or an enterprise's staff): the bundle's one form.
  const actor = await requirePermission(opts.actor, "applicant:self", "startBundleFiling");
  const input = ZStartBundleInput.parse(opts.input);
  const applicantId = applicantIdOf(actor);
  if (deliveryChoiceProblem(input.deliveryMethod, input.deliveryAddress)) throw new AppError("DELIVERY_ADDRESS_REQUIRED", "post without address", { field: "deliveryAddress" });
  const existing = await db().bundleFiling.findUnique({ where: { submissionKey: input.submissionKey }, select: { id: true, applicantId: true, filedById: true } });
  if (existing) {
    if (existing.applicantId !== applicantId || existing.filedById !== actor.id) throw new AppError("CONFLICT");
    return { id: existing.id, created: false };
  }
  const bundle = await loadBundle(input.bundleCode);
  let chosen;
  try {
    chosen = new Set(chosenItems(bundle.lines.map((l) => l.rule), input.optional).map((r) => r.itemId));
  } catch (e) {
    throw asAppError(e);
  }
  const lines = bundle.lines.filter((l) => chosen.has(l.item.id));
  if (lines.some((l) => !l.version.onlineAvailable)) throw new AppError("ITEM_NOT_ONLINE");
  // The one form is checked once, against the union of the chosen items' questions.
  const problems = formAnswerProblems(bundle.fields, input.answers);
  if (problems.length) {
    throw new AppError("VALIDATION", `form.${problems[0].code}`, { fieldErrors: Object.fromEntries(problems.map((p) => [`f.${p.key}`, `form.${p.code}`])) });
  }
  // A conditional slot ticked on the form applies to every item's line of it.
  const appliesTo = new Set(bundle.slots.filter((s) => input.applies.includes(s.key)).flatMap((s) => s.lines.map((l) => l.materialId)));

  try {
    return await db().$transaction(async (tx) => {
      const filing = await tx.bundleFiling.create({
        data: { submissionKey: input.submissionKey, bundleId: bundle.id, applicantId, filedById: actor.id, deliveryMethod: input.deliveryMethod, deliveryAddress: input.deliveryMethod === "POST" ? input.deliveryAddress : "" },
      });
      for (const l of lines) {
        await createDraft(tx, {
          actor,
          submissionKey: `${input.submissionKey}/${l.item.implementationCode}`,
          applicantId,
          channel: "ONLINE",
          item: l.item,
          version: l.version,
          input,
          // Each application keeps the answers to its own item's questions.
          answers: keepAnswers(formFieldsOf(l.version.formFields), input.answers),
          applies: (m) => materialApplies(m, appliesTo.has(m.id) ? [m.id] : []),
          links: { bundleFilingId: filing.id },
          audit: { bundle: bundle.code, bundleFilingId: filing.id },
        });
      }
      await recordAuditEvent(tx, { actor, action: "bundle.created", entityType: "BundleFiling", entityId: filing.id, after: { bundle: bundle.code, items: lines.map((l) => l.item.implementationCode) } });
      return { id: filing.id, created: true };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const raced = await db().bundleFiling.findUnique({ where: { submissionKey: input.submissionKey }, select: { id: true } });
      if (raced) return { id: raced.id, created: false };
    }
    throw e;
  }
}

/** The filing with its applications, for its filer only (anyone else: NOT_FOUND). */
export async function loadFilingForFiler(actor: Actor, bundleFilingId: string) {
  const filing = await db().bundleFiling.findUnique({
    where: { id: bundleFilingId },
    include: {
      bundle: { select: { code: true, name: true } },
      applications: { orderBy: { createdAt: "asc" }, include: { materials: true, item: { select: { implementationCode: true } }, itemVersion: { select: { name: true } } } },
    },
  });
  if (!filing) throw new AppError("NOT_FOUND");
  if (!filing.applications.every((a) => mayFile(actor, a))) throw await hiddenFrom(actor, { entityType: "BundleFiling", entityId: filing.id }, "loadFilingForFiler");
  return filing;
}

/**
 * Stores one file for one slot of the bundle's form and points every item's line of that slot at
 * it, in one transaction: a shared material is given once.
 */
export async function uploadBundleMaterial(opts: { actor: Actor | null; bundleFilingId: string; slotKey: string; file: IncomingFile }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "uploadBundleMaterial");
  checkBeforeReading(opts.file);
  const filing = await loadFilingForFiler(actor, opts.bundleFilingId);
  const bundle = await loadBundle(filing.bundle.code);
  const slot = bundle.slots.find((s) => s.key === opts.slotKey);
  const targets = (slot?.lines ?? []).flatMap(({ materialId }) =>
    filing.applications.flatMap((app) => {
      const line = app.materials.find((m) => m.materialId === materialId);
      return line ? [{ app, line }] : [];
    }),
  );
  if (targets.length === 0) throw new AppError("NOT_FOUND", "material", { field: "slotKey" });
  if (targets.some(({ app, line }) => !mayChangeMaterial(app.state, line.verdict))) throw new AppError("TRANSITION_NOT_ALLOWED");
  const { stored, blob } = await storeApplicantFile(actor, filing.applicantId, opts.file);
  await db().$transaction(async (tx) => {
    for (const { app, line } of targets) await attachIn(tx, actor, app, line, stored.id, "uploaded");
  });
  return { storedFileId: stored.id, sha256: blob.sha256, lines: targets.length };
}

/**
 * Submits every draft of the filing (each its own number, in its own section's queue), then gives
 * the filing its number. Each submission is idempotent, so a retry after a failure finishes the rest.
 */
export async function submitBundleFiling(opts: { actor: Actor | null; bundleFilingId: string; declared: boolean; now?: Date }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "submitBundleFiling");
  const now = opts.now ?? new Date();
  const filing = await loadFilingForFiler(actor, opts.bundleFilingId);
  const numbers: string[] = [];
  for (const app of filing.applications) numbers.push((await submitApplication({ actor, applicationId: app.id, now, declared: opts.declared })).number);
  if (!filing.number) {
    await db().$transaction(async (tx) => {
      const [{ serial }] = await tx.$queryRaw<{ serial: bigint }[]>`SELECT nextval('bundle_filing_serial') AS serial`;
      const number = formatBundleNumber(Number(now.toLocaleString("en-US", { timeZone: "Asia/Shanghai", year: "numeric" })), Number(serial));
      const { count } = await tx.bundleFiling.updateMany({ where: { id: filing.id, number: null }, data: { number, submittedAt: now } });
      if (count === 1) await recordAuditEvent(tx, { actor, action: "bundle.submitted", entityType: "BundleFiling", entityId: filing.id, after: { number, applications: numbers } });
    });
  }
  return { id: filing.id };
}
