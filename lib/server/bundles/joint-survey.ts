// 联合踏勘: one site survey, scheduled once, for every case of a bundle filing whose item the bundle
// inspects on site — whichever sections they belong to. Each case keeps a SURVEY entry on its clock
// ledger (a survey stops no clock, art. 34) and the applicant is told the date and place once.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { mayWorkOnCase } from "@/lib/domain/applications/access";
import { surveyableCases } from "@/lib/domain/bundles/bundles";
import type { ApplicationState } from "@/lib/domain/workflow/application-workflow";
import { AppError } from "@/lib/errors";
import { postMessage, refreshCardsLater } from "@/lib/server/applications/transition";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requireWorkflowRole } from "@/lib/server/auth/actor";
import { toDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { asAppError } from "@/lib/server/domain-errors";
import { Prisma } from "@/prisma/generated/client";
import { ZJointSurveyInput } from "./schemas";

export async function scheduleJointSurvey(opts: { actor: Actor | null; input: z.input<typeof ZJointSurveyInput> }) {
  const actor = await requireWorkflowRole(opts.actor, ["SURVEY"], "scheduleJointSurvey");
  const input = ZJointSurveyInput.parse(opts.input);
  try {
    return await db().$transaction(async (tx) => {
      // The filing's cases, locked: their states cannot move while the survey is put on them.
      await tx.$queryRaw`SELECT id FROM "Application" WHERE "bundleFilingId" = ${input.bundleFilingId} ORDER BY id FOR UPDATE`;
      const filing = await tx.bundleFiling.findUnique({
        where: { id: input.bundleFilingId },
        include: {
          survey: { select: { id: true } },
          bundle: { select: { name: true, items: { select: { itemId: true, siteSurvey: true } } } },
          applications: { include: { item: { select: { sectionId: true } }, itemVersion: { select: { kind: true, name: true } } } },
        },
      });
      // Someone with no case of the filing in their scope learns nothing about it.
      if (!filing || !filing.applications.some((a) => mayWorkOnCase(actor, a))) throw new AppError("NOT_FOUND");
      const surveyed = new Set(filing.bundle.items.filter((i) => i.siteSurvey).map((i) => i.itemId));
      const cases = surveyableCases(
        filing.applications.map((a) => ({ ...a, state: a.state as ApplicationState, siteSurvey: surveyed.has(a.itemId) })),
        filing.survey !== null,
        actor.role,
      );
      const note = `联合踏勘（${filing.bundle.name}）：${input.place}${input.note ? `；${input.note}` : ""}`;
      const survey = await tx.jointSurvey.create({
        data: { bundleFilingId: filing.id, scheduledOn: toDateColumn(input.scheduledOn), place: input.place, note: input.note, applicationIds: cases.map((c) => c.id), scheduledById: actor.id },
      });
      for (const c of cases) {
        await tx.clockEntry.create({ data: { applicationId: c.id, kind: "SURVEY", note, startedOn: toDateColumn(input.scheduledOn), endedOn: toDateColumn(input.scheduledOn), orderedById: actor.id } });
        await recordAuditEvent(tx, { actor, action: "clock.survey", entityType: "Application", entityId: c.id, after: { survey: note, on: input.scheduledOn, jointSurveyId: survey.id } });
        await refreshCardsLater(tx, c.id);
      }
      await recordAuditEvent(tx, { actor, action: "bundle.survey.scheduled", entityType: "BundleFiling", entityId: filing.id, after: { on: input.scheduledOn, place: input.place, applications: cases.map((c) => c.id) } });
      await postMessage(tx, {
        userId: filing.applicantId,
        applicationId: null,
        kind: "JOINT_SURVEY",
        params: { number: filing.number ?? "", bundle: filing.bundle.name, date: input.scheduledOn, place: input.place, items: cases.map((c) => c.itemVersion.name).join("、") },
      });
      return { id: survey.id, cases: cases.length };
    });
  } catch (e) {
    // Two organisers at once: the unique filing key lets one survey through.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("SURVEY_ALREADY_SCHEDULED");
    throw asAppError(e);
  }
}
