// A bundle filing for its page: its applicant (and the agent or staff sub-account filing for them),
// or staff who may see at least one of its cases — who then see each case's state, and open the
// cases in their own scope. What the viewer may do on it is answered here, from the domain.
import "server-only";
import { applicantIdOf, type Actor } from "@/lib/domain/access/actor";
import { isOwnFiling, mayViewApplication, mayWorkOnCase } from "@/lib/domain/applications/access";
import { can } from "@/lib/domain/access/permissions";
import { bundleProgress, deliveryProblem, surveyableCases } from "@/lib/domain/bundles/bundles";
import { rolesFor, type ApplicationState } from "@/lib/domain/workflow/application-workflow";
import { AppError } from "@/lib/errors";
import { hiddenFrom } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { loadBundle } from "./bundle-definition";

export async function getBundleFiling(opts: { actor: Actor | null; bundleFilingId: string }) {
  if (!opts.actor) throw new AppError("UNAUTHENTICATED");
  const actor = opts.actor;
  const filing = await db().bundleFiling.findUnique({
    where: { id: opts.bundleFilingId },
    include: {
      bundle: { select: { code: true, name: true, items: { select: { itemId: true, siteSurvey: true, required: true } } } },
      survey: true,
      applications: {
        orderBy: { createdAt: "asc" },
        include: {
          item: { select: { implementationCode: true, sectionId: true, section: { select: { name: true } } } },
          itemVersion: { select: { name: true, kind: true } },
          materials: { select: { materialId: true, storedFileId: true, applicable: true, storedFile: { select: { originalName: true } } } },
          certificates: { where: { status: "VALID" }, select: { id: true, number: true } },
        },
      },
    },
  });
  if (!filing) throw new AppError("NOT_FOUND");
  const own = isOwnFiling(actor, filing.applicantId);
  if (!own && !filing.applications.some((a) => mayViewApplication(actor, a))) throw await hiddenFrom(actor, { entityType: "BundleFiling", entityId: filing.id }, "getBundleFiling");
  const states = filing.applications.map((a) => a.state as ApplicationState);
  const surveyed = new Set(filing.bundle.items.filter((i) => i.siteSurvey).map((i) => i.itemId));

  // The joint survey is offered to section staff with a case of the filing in scope, when the domain allows it now.
  let surveyOffer = false;
  if (rolesFor(["SURVEY"]).includes(actor.role) && filing.applications.some((a) => mayWorkOnCase(actor, a))) {
    try {
      surveyableCases(filing.applications.map((a) => ({ ...a, state: a.state as ApplicationState, siteSurvey: surveyed.has(a.itemId) })), filing.survey !== null, actor.role);
      surveyOffer = true;
    } catch {
      surveyOffer = false;
    }
  }
  const handoverOffer =
    can(actor.role, "certificate:deliver") && filing.deliveryMethod !== "ELECTRONIC" && deliveryProblem({ completed: filing.completedAt !== null, delivered: filing.deliveredAt !== null }) === null;

  // While the drafts are open, the applicant's upload slots with what each holds.
  const drafts = own && states.every((s) => s === "DRAFT");
  const slots = drafts
    ? (await loadBundle(filing.bundle.code)).slots.flatMap((slot) => {
        const lines = slot.lines.flatMap(({ materialId }) => filing.applications.flatMap((a) => a.materials.filter((m) => m.materialId === materialId)));
        if (lines.length === 0) return [];
        return [{ key: slot.key, name: slot.name, kind: slot.kind, shared: slot.shared, items: lines.length, applicable: lines.some((l) => l.applicable), file: lines.find((l) => l.storedFile)?.storedFile?.originalName ?? null, given: lines.every((l) => l.storedFileId !== null) }];
      })
    : [];

  return {
    id: filing.id,
    number: filing.number,
    bundle: filing.bundle,
    own,
    deliveryMethod: filing.deliveryMethod,
    deliveryAddress: own || can(actor.role, "certificate:deliver") ? filing.deliveryAddress : "",
    submittedAt: filing.submittedAt,
    completedAt: filing.completedAt,
    deliveredAt: filing.deliveredAt,
    collectorName: filing.collectorName,
    trackingNumber: filing.trackingNumber,
    survey: filing.survey && { scheduledOn: filing.survey.scheduledOn, place: filing.survey.place, note: filing.survey.note, cases: filing.survey.applicationIds.length },
    progress: bundleProgress(states),
    applications: filing.applications.map((a) => ({
      id: a.id,
      number: a.number,
      state: a.state as ApplicationState,
      item: a.itemVersion.name,
      section: a.item.section?.name ?? "",
      siteSurvey: surveyed.has(a.itemId),
      certificates: a.certificates,
      // Where the viewer opens it: the applicant their application page, staff the case when in scope.
      href: own ? `/my/applications/${a.id}` : mayWorkOnCase(actor, a) ? `/office/cases/${a.id}` : null,
    })),
    drafts,
    slots,
    offers: { survey: surveyOffer, handover: handoverOffer, submit: drafts },
  };
}
export type BundleFilingView = Awaited<ReturnType<typeof getBundleFiling>>;

/** The back office's list of recent bundle filings that are not yet delivered (few next to applications). */
export async function listOpenBundleFilings(opts: { actor: Actor | null }) {
  if (!opts.actor || !can(opts.actor.role, "case:view")) throw new AppError("FORBIDDEN");
  const rows = await db().bundleFiling.findMany({
    where: { submittedAt: { not: null }, deliveredAt: null },
    orderBy: { submittedAt: "desc" },
    take: 100,
    include: { bundle: { select: { name: true } }, applicant: { select: { name: true } }, applications: { select: { state: true } } },
  });
  return rows.map((r) => ({ id: r.id, number: r.number, bundle: r.bundle.name, applicant: r.applicant.name, submittedAt: r.submittedAt, completedAt: r.completedAt, progress: bundleProgress(r.applications.map((a) => a.state as ApplicationState)) }));
}

/** The applicant's own bundle filings, newest first. */
export async function listMyBundleFilings(opts: { actor: Actor | null }) {
  if (!opts.actor || !can(opts.actor.role, "applicant:self")) throw new AppError("FORBIDDEN");
  const rows = await db().bundleFiling.findMany({
    where: { applicantId: applicantIdOf(opts.actor) },
    orderBy: { createdAt: "desc" },
    take: 50,
    include: { bundle: { select: { name: true } }, applications: { select: { state: true } } },
  });
  return rows.map((r) => ({ id: r.id, number: r.number, bundle: r.bundle.name, createdAt: r.createdAt, progress: bundleProgress(r.applications.map((a) => a.state as ApplicationState)) }));
}
