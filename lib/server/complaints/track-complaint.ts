// The complainant's side, without signing in: finding a complaint by its number and the last four
// digits of the phone given (guarded like the progress lookup: a wrong tail and an unknown number
// answer alike, and guesses are limited), reading its progress by the key of its link, and giving
// their satisfaction once it is answered — which closes the loop, or (unsatisfied, the first time)
// sends the complaint back to its section to be handled again.
import "server-only";
import { z } from "zod";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { COMPLAINT_SATISFACTION, afterSatisfaction, complaintActions, mayStillReopen, normaliseComplaintNumber, stageDue } from "@/lib/domain/complaints/complaints";
import { AppError } from "@/lib/errors";
import { lookupAllowed, recordLookupFailure } from "@/lib/server/applications/lookup-guard";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { fromDateColumn, toDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { queueNotice } from "@/lib/server/notifications/outbox";
import { complaintKeyMatches, complaintPagePath } from "./complaint-key";
import { staffOf } from "./complaint-people";

const PUBLIC_STEPS = ["FILED", "ASSIGNED", "HANDLED", "ANSWERED", "SATISFACTION", "REOPENED"];

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
    timesReopened: c.timesReopened,
    /** Saying "unsatisfied" now sends it back to be handled again (the form says so). */
    unsatisfiedReopens: mayStillReopen(c.timesReopened),
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
  const cal = await loadWorkingCalendar();
  return db().$transaction(async (tx) => {
    const c = await tx.complaint.findUnique({ where: { number } });
    if (!c) throw new AppError("NOT_FOUND");
    if (!complaintActions({ stage: c.stage, sectionId: c.sectionId, pressPending: false }, { kind: "complainant" }).includes("GIVE_SATISFACTION")) throw new AppError("ALREADY_HANDLED");
    // 不满意重办: unsatisfied the first time, the complaint goes back to its section with a new limit.
    const to = afterSatisfaction(input.satisfaction, c.timesReopened);
    const reopened = to === "ASSIGNED";
    const due = reopened ? stageDue(cal, "ASSIGNED", toPlainDate(now)) : null;
    const { count } = await tx.complaint.updateMany({
      where: { id: c.id, stage: c.stage, updatedAt: c.updatedAt },
      data: reopened
        ? { stage: to, stageDueOn: due ? toDateColumn(due) : null, pressedAt: null, timesReopened: { increment: 1 }, updatedAt: now }
        : { stage: to, stageDueOn: null, satisfaction: input.satisfaction, satisfactionComment: input.comment, updatedAt: now },
    });
    if (count !== 1) throw new AppError("ALREADY_HANDLED");
    await tx.complaintEvent.create({ data: { complaintId: c.id, kind: "SATISFACTION", text: input.comment, at: now } });
    if (reopened) await tx.complaintEvent.create({ data: { complaintId: c.id, kind: "REOPENED", text: input.comment, at: now } });
    await recordAuditEvent(tx, { actor: null, action: "complaint.satisfaction", entityType: "Complaint", entityId: c.id, meta: { number, satisfaction: input.satisfaction, from: c.stage, to, ...(reopened ? { reopened: c.timesReopened + 1 } : {}) } });
    const said = input.comment ? `：${input.comment}` : "";
    if (reopened && c.sectionId) {
      // The section handles it again, within a new limit; those who manage complaints answer again after.
      for (const userId of await staffOf(tx, { sectionId: c.sectionId })) {
        await queueNotice(tx, { userId, kind: "COMPLAINT_REOPENED", text: `【广安区行政审批局】投诉 ${number} 的投诉人对答复不满意${said}，已退回重新办理，请于 ${due} 前重新核查处理并报送处理情况。` });
      }
    }
    // Not satisfied: those who manage complaints hear of it, to look again.
    if (input.satisfaction === "UNSATISFIED") {
      for (const userId of await staffOf(tx, "managers")) {
        await queueNotice(tx, { userId, kind: "COMPLAINT_UNSATISFIED", text: `【广安区行政审批局】投诉 ${number} 的投诉人对答复不满意${said}。${reopened ? `已退回承办科室重新办理（${due} 前报送）。` : "请复核。"}` });
      }
    }
    return { number, satisfaction: input.satisfaction, stage: to };
  });
}
