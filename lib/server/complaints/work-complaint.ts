// The bureau's steps on a complaint: a supervisor assigns it to the responsible section, the section
// records what it found and put right, the supervisor answers the complainant (who is then asked for
// their satisfaction by SMS), and a supervisor may press (督办) a slow stage. Each step is the
// domain's transition, guarded by the stage it found, recorded as a step and in the audit trail, and
// starts the next stage's working-day limit.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { COMPLAINT_TRANSITIONS, complaintActions, complaintStaff, stageDue, stageOwner, type ComplaintAction } from "@/lib/domain/complaints/complaints";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requirePermission } from "@/lib/server/auth/actor";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { fromDateColumn, toDateColumn } from "@/lib/server/date-column";
import { db, type Tx } from "@/lib/server/db";
import { queueNotice, queueSmsTo } from "@/lib/server/notifications/outbox";
import type { Permission } from "@/lib/domain/access/permissions";
import { complaintPath } from "./complaint-key";
import { staffOf } from "./complaint-people";

const id = z.string().min(1).max(60);
export const ZAssignComplaintInput = z.object({ complaintId: id, sectionId: z.string().min(1, "complaint.section").max(60), note: z.string().trim().max(1000, "complaint.note").default("") });
export const ZHandleComplaintInput = z.object({ complaintId: id, handling: z.string().trim().min(2, "complaint.handling").max(2000, "complaint.handling") });
export const ZAnswerComplaintInput = z.object({ complaintId: id, answer: z.string().trim().min(2, "complaint.answer").max(2000, "complaint.answer") });
export const ZPressComplaintInput = z.object({ complaintId: id, text: z.string().trim().min(2, "complaint.press").max(500, "complaint.press") });

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

const load = (tx: Tx, complaintId: string) => tx.complaint.findUnique({ where: { id: complaintId } });

/** Loads, checks the action is the actor's now, moves the stage (guarded by the one found), records the step. */
async function step(
  opts: { actor: Actor | null; complaintId: string; now?: Date },
  action: ComplaintAction,
  permission: Permission,
  /** The step's own part; `due` is the last working day of the stage it enters (null: none; undefined: a press, no new stage). */
  change: (c: Loaded, tx: Tx, due: string | null | undefined) => Promise<{ data: Record<string, unknown>; text: string; meta?: Record<string, unknown> }>,
) {
  const actor = await requirePermission(opts.actor, permission, `complaint.${action}`);
  const now = opts.now ?? new Date();
  const cal = await loadWorkingCalendar();
  return db().$transaction(async (tx) => {
    const c = await load(tx, opts.complaintId);
    if (!c) throw new AppError("NOT_FOUND", "complaint");
    const me = complaintStaff(actor);
    if (me.kind === "staff" && !me.wholeBureau && c.sectionId !== actor.sectionId) throw new AppError("NOT_FOUND", "complaint");
    if (!complaintActions({ stage: c.stage, sectionId: c.sectionId, pressPending: c.pressedAt !== null }, me).includes(action)) throw new AppError("TRANSITION_NOT_ALLOWED");
    const to = action === "PRESS" ? c.stage : COMPLAINT_TRANSITIONS[action as Exclude<ComplaintAction, "PRESS">].to;
    const due = action === "PRESS" ? undefined : stageDue(cal, to, toPlainDate(now));
    const { data, text, meta } = await change(c, tx, due);
    // Guarded by what was found: the stage and its press (a press is pending until the stage moves on).
    const { count } = await tx.complaint.updateMany({
      where: { id: c.id, stage: c.stage, updatedAt: c.updatedAt },
      data: { ...data, stage: to, pressedAt: action === "PRESS" ? now : null, ...(due === undefined ? {} : { stageDueOn: due ? toDateColumn(due) : null }), updatedAt: now },
    });
    if (count !== 1) throw new AppError("ALREADY_HANDLED");
    await tx.complaintEvent.create({ data: { complaintId: c.id, kind: action === "PRESS" ? "PRESSED" : to, text, actorId: actor.id, at: now } });
    await recordAuditEvent(tx, { actor, action: `complaint.${action.toLowerCase()}`, entityType: "Complaint", entityId: c.id, meta: { number: c.number, from: c.stage, to, ...meta } });
    return { id: c.id, number: c.number, stage: to, due };
  });
}

export function assignComplaint(opts: { actor: Actor | null; input: z.input<typeof ZAssignComplaintInput>; now?: Date }) {
  const input = ZAssignComplaintInput.parse(opts.input);
  return step({ ...opts, complaintId: input.complaintId }, "ASSIGN", "complaints:manage", async (c, tx, due) => {
    const section = await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true, name: true } });
    if (!section) throw new AppError("VALIDATION", "complaint.section", { field: "sectionId" });
    for (const userId of await staffOf(tx, { sectionId: section.id })) {
      await queueNotice(tx, { userId, kind: "COMPLAINT_ASSIGNED", text: `【广安区行政审批局】投诉 ${c.number} 已交由${section.name}办理，请于 ${due} 前核查处理并报送处理情况。` });
    }
    return { data: { sectionId: section.id }, text: input.note ? `${section.name}：${input.note}` : section.name, meta: { section: section.id } };
  });
}

export function handleComplaint(opts: { actor: Actor | null; input: z.input<typeof ZHandleComplaintInput>; now?: Date }) {
  const input = ZHandleComplaintInput.parse(opts.input);
  return step({ ...opts, complaintId: input.complaintId }, "HANDLE", "complaints:handle", async (c, tx, due) => {
    for (const userId of await staffOf(tx, "managers")) await queueNotice(tx, { userId, kind: "COMPLAINT_HANDLED", text: `【广安区行政审批局】投诉 ${c.number} 已报送处理情况，请于 ${due} 前答复投诉人。` });
    return { data: { handling: input.handling }, text: input.handling };
  });
}

export function answerComplaint(opts: { actor: Actor | null; input: z.input<typeof ZAnswerComplaintInput>; now?: Date }) {
  const input = ZAnswerComplaintInput.parse(opts.input);
  return step({ ...opts, complaintId: input.complaintId }, "ANSWER", "complaints:manage", async (c, tx) => {
    // The answer reaches the complainant, with the link where they say whether they are satisfied.
    await queueSmsTo(tx, { phone: c.phone, kind: "COMPLAINT_ANSWERED", text: `【广安区行政审批局】您的投诉 ${c.number} 已办理答复，请查看答复并评价是否满意：${await complaintPath(c.number)}` });
    return { data: { answer: input.answer }, text: input.answer };
  });
}

export function pressComplaint(opts: { actor: Actor | null; input: z.input<typeof ZPressComplaintInput>; now?: Date }) {
  const input = ZPressComplaintInput.parse(opts.input);
  return step({ ...opts, complaintId: input.complaintId }, "PRESS", "complaints:manage", async (c, tx) => {
    // The stage's owner is pressed: the section while assigned, otherwise those who manage complaints.
    const told = await staffOf(tx, stageOwner(c.stage) === "section" && c.sectionId ? { sectionId: c.sectionId } : "managers");
    for (const userId of told) await queueNotice(tx, { userId, kind: "COMPLAINT_PRESSED", text: `【广安区行政审批局】督办：投诉 ${c.number}（${fromDateColumn(c.stageDueOn) ?? ""} 到期）。${input.text}` });
    return { data: {}, text: input.text };
  });
}
