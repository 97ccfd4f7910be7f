// The complainant's side, without signing in: finding a complaint by its number and the last four
// digits of the phone given (guarded like the progress lookup: a wrong tail and an unknown number
// answer alike, and guesses are limited), reading its progress by the key of its link, and giving
// their satisfaction once it is answered — which closes the loop.
import "server-only";
import { z } from "zod";
import { COMPLAINT_SATISFACTION, complaintActions, normaliseComplaintNumber } from "@/lib/domain/complaints/complaints";
import { AppError } from "@/lib/errors";
import { lookupAllowed, recordLookupFailure } from "@/lib/server/applications/lookup-guard";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { fromDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { queueNotice } from "@/lib/server/notifications/outbox";
import { complaintKeyMatches, complaintPagePath } from "./complaint-key";
import { staffOf } from "./complaint-people";

const PUBLIC_STEPS = ["FILED", "ASSIGNED", "HANDLED", "ANSWERED", "SATISFACTION"];

export const ZFindComplaintInput = z.object({
  number: z.string().trim().min(1, "complaint.number").max(40, "complaint.number"),
  phoneTail: z.string().trim().regex(/^\d{4}$/, "complaint.phoneTail"),
});

/** The complaint's page (with its key), or null: the same for an unknown number and a wrong tail. */
export async function findComplaint(input: z.input<typeof ZFindComplaintInput>, client = "unknown"): Promise<string | null> {
  const { number: raw, phoneTail } = ZFindComplaintInput.parse(input);
  const number = normaliseComplaintNumber(raw);
  if (!number) return null;
  if (!(await lookupAllowed(number, client))) throw new AppError("TOO_MANY_ATTEMPTS");
  const c = await db().complaint.findUnique({ where: { number }, select: { phone: true } });
  if (!c || !c.phone.endsWith(phoneTail)) {
    await recordLookupFailure(number, client);
    return null;
  }
  return complaintPagePath(number);
}

/** What the complainant sees: the stages passed with their dates, the answer, and whether to give satisfaction. */
export async function complaintProgress(opts: { number: string; key: string }) {
  const number = normaliseComplaintNumber(opts.number);
  if (!number || !complaintKeyMatches(number, opts.key)) throw new AppError("NOT_FOUND");
  const c = await db().complaint.findUnique({
    where: { number },
    include: { events: { orderBy: { at: "asc" }, select: { kind: true, at: true } }, attachments: { select: { name: true } } },
  });
  if (!c) throw new AppError("NOT_FOUND");
  return {
    number: c.number,
    category: c.category,
    text: c.text,
    applicationNumber: c.applicationNumber,
    stage: c.stage,
    stageDueOn: fromDateColumn(c.stageDueOn),
    createdAt: c.createdAt,
    // The complainant sees the stages reached, never internal steps (a press, a card) or any step's text.
    steps: c.events.filter((e) => PUBLIC_STEPS.includes(e.kind)).map((e) => ({ kind: e.kind, at: e.at })),
    answer: c.stage === "ANSWERED" || c.stage === "CLOSED" ? c.answer : null,
    satisfaction: c.satisfaction,
    attachments: c.attachments.map((a) => a.name),
    maySatisfy: complaintActions({ stage: c.stage, sectionId: c.sectionId, pressPending: false }, { kind: "complainant" }).includes("GIVE_SATISFACTION"),
  };
}

export const ZSatisfactionInput = z.object({
  number: z.string().trim().min(1).max(40),
  key: z.string().trim().min(1).max(60),
  satisfaction: z.enum(COMPLAINT_SATISFACTION, "complaint.satisfaction"),
  comment: z.string().trim().max(500, "complaint.comment").default(""),
});

export async function giveSatisfaction(opts: { input: z.input<typeof ZSatisfactionInput>; now?: Date }) {
  const input = ZSatisfactionInput.parse(opts.input);
  const now = opts.now ?? new Date();
  const number = normaliseComplaintNumber(input.number);
  if (!number || !complaintKeyMatches(number, input.key)) throw new AppError("NOT_FOUND");
  return db().$transaction(async (tx) => {
    const c = await tx.complaint.findUnique({ where: { number } });
    if (!c) throw new AppError("NOT_FOUND");
    if (!complaintActions({ stage: c.stage, sectionId: c.sectionId, pressPending: false }, { kind: "complainant" }).includes("GIVE_SATISFACTION")) throw new AppError("ALREADY_HANDLED");
    const { count } = await tx.complaint.updateMany({
      where: { id: c.id, stage: c.stage },
      data: { stage: "CLOSED", stageDueOn: null, satisfaction: input.satisfaction, satisfactionComment: input.comment },
    });
    if (count !== 1) throw new AppError("ALREADY_HANDLED");
    await tx.complaintEvent.create({ data: { complaintId: c.id, kind: "SATISFACTION", text: input.comment, at: now } });
    await recordAuditEvent(tx, { actor: null, action: "complaint.satisfaction", entityType: "Complaint", entityId: c.id, meta: { number, satisfaction: input.satisfaction } });
    // Not satisfied: those who manage complaints hear of it, to look again.
    if (input.satisfaction === "UNSATISFIED") {
      for (const userId of await staffOf(tx, "managers")) await queueNotice(tx, { userId, kind: "COMPLAINT_UNSATISFIED", text: `【广安区行政审批局】投诉 ${number} 的投诉人对答复不满意${input.comment ? `：${input.comment}` : ""}。请复核。` });
    }
    return { number, satisfaction: input.satisfaction };
  });
}
