// The complaints staff see: those of the whole bureau (supervisors, the director) or of their own
// section, open ones soonest due first with their mark on the bureau calendar, closed ones on
// request; one complaint with its steps, files and the actions the domain allows this actor now.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { COMPLAINT_STAGES, complaintActions, complaintMark, complaintStaff } from "@/lib/domain/complaints/complaints";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/server/auth/actor";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { fromDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { readBlob } from "@/lib/server/files/blob-store";
import type { Prisma } from "@/prisma/generated/client";

export const ZComplaintsFilter = z.object({
  stage: z.enum(COMPLAINT_STAGES).optional().catch(undefined),
  closed: z.enum(["1"]).optional().catch(undefined),
});

function scopeOf(actor: Actor): Prisma.ComplaintWhereInput {
  const me = complaintStaff(actor);
  return me.kind === "staff" && me.wholeBureau ? {} : { sectionId: actor.sectionId ?? "" };
}

export async function listComplaints(opts: { actor: Actor | null; filter?: z.input<typeof ZComplaintsFilter>; now?: Date }) {
  const actor = await requirePermission(opts.actor, "complaints:read", "listComplaints");
  const filter = ZComplaintsFilter.parse(opts.filter ?? {});
  const where: Prisma.ComplaintWhereInput = {
    ...scopeOf(actor),
    ...(filter.stage ? { stage: filter.stage } : filter.closed ? { stage: "CLOSED" } : { stage: { not: "CLOSED" } }),
  };
  const [cal, rows, counts] = await Promise.all([
    loadWorkingCalendar(),
    db().complaint.findMany({
      where,
      orderBy: filter.closed || filter.stage === "CLOSED" ? [{ updatedAt: "desc" }] : [{ stageDueOn: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: 100,
      select: { id: true, number: true, category: true, stage: true, stageDueOn: true, createdAt: true, pressedAt: true, sectionId: true, text: true },
    }),
    db().complaint.groupBy({ by: ["stage"], where: scopeOf(actor), _count: true }),
  ]);
  const sections = new Map((await db().section.findMany({ select: { id: true, name: true } })).map((s) => [s.id, s.name]));
  const today = toPlainDate(opts.now ?? new Date());
  return {
    filter,
    counts: Object.fromEntries(COMPLAINT_STAGES.map((s) => [s, counts.find((c) => c.stage === s)?._count ?? 0])) as Record<(typeof COMPLAINT_STAGES)[number], number>,
    rows: rows.map((c) => {
      const due = fromDateColumn(c.stageDueOn);
      return {
        ...c,
        text: c.text.length > 80 ? `${c.text.slice(0, 80)}…` : c.text,
        stageDueOn: due,
        mark: complaintMark(due, cal, today),
        sectionName: c.sectionId ? (sections.get(c.sectionId) ?? "") : "",
      };
    }),
  };
}

export async function getComplaint(opts: { actor: Actor | null; complaintId: string; now?: Date }) {
  const actor = await requirePermission(opts.actor, "complaints:read", "getComplaint");
  const c = await db().complaint.findFirst({
    where: { id: opts.complaintId, ...scopeOf(actor) },
    include: {
      events: { orderBy: { at: "asc" } },
      attachments: { select: { id: true, name: true, size: true } },
      application: { select: { id: true, number: true, itemVersion: { select: { name: true } } } },
    },
  });
  if (!c) throw new AppError("NOT_FOUND", "complaint");
  const actorIds = [...new Set(c.events.map((e) => e.actorId).filter((x): x is string => !!x))];
  const [cal, people, sections] = await Promise.all([
    loadWorkingCalendar(),
    db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
    db().section.findMany({ orderBy: { code: "asc" }, select: { id: true, name: true } }),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const due = fromDateColumn(c.stageDueOn);
  return {
    id: c.id,
    number: c.number,
    category: c.category,
    text: c.text,
    name: c.name,
    // Staff see the phone masked: the supervisor calls back through the bureau's line, not a copied number.
    phone: `${c.phone.slice(0, 3)}****${c.phone.slice(-4)}`,
    applicationNumber: c.applicationNumber,
    application: c.application ? { id: c.application.id, number: c.application.number, itemName: c.application.itemVersion.name } : null,
    stage: c.stage,
    stageDueOn: due,
    mark: complaintMark(due, cal, toPlainDate(opts.now ?? new Date())),
    sectionName: sections.find((s) => s.id === c.sectionId)?.name ?? "",
    handling: c.handling,
    answer: c.answer,
    satisfaction: c.satisfaction,
    satisfactionComment: c.satisfactionComment,
    pressedAt: c.pressedAt,
    createdAt: c.createdAt,
    steps: c.events.map((e) => ({ id: e.id, kind: e.kind, text: e.text, at: e.at, by: e.actorId ? (names.get(e.actorId) ?? "") : "" })),
    attachments: c.attachments,
    sections,
    actions: complaintActions({ stage: c.stage, sectionId: c.sectionId, pressPending: c.pressedAt !== null }, complaintStaff(actor)),
  };
}

/** A complaint's file, for staff who may see the complaint. */
export async function openComplaintAttachment(opts: { actor: Actor | null; complaintId: string; attachmentId: string }) {
  const actor = await requirePermission(opts.actor, "complaints:read", "openComplaintAttachment");
  const a = await db().complaintAttachment.findFirst({ where: { id: opts.attachmentId, complaint: { id: opts.complaintId, ...scopeOf(actor) } } });
  if (!a) throw new AppError("NOT_FOUND");
  return { name: a.name, mimeType: a.mimeType, size: a.size, stream: () => readBlob(a.sha256) };
}
