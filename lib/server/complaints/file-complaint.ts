// Filing a complaint (投诉): anyone, signed in or with a phone number, gives a category, what
// happened, optionally the application it concerns, and up to three files (10 MB together). The complaint gets its
// number at once; the complainant receives it by SMS with a link that shows its progress without
// signing in, and the supervisors are told. Received complaints must be assigned within a working day.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { rolesWith } from "@/lib/domain/access/permissions";
import { UPLOAD_LIMITS } from "@/lib/domain/applications/uploads";
import { normaliseApplicationNumber } from "@/lib/domain/applications/application-number";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { COMPLAINT_CATEGORIES, complaintNumber, isMobileNumber, stageDue } from "@/lib/domain/complaints/complaints";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { toDateColumn } from "@/lib/server/date-column";
import { db, type Tx } from "@/lib/server/db";
import { checkBeforeReading, refuseUpload, storeBlob, type IncomingFile, type StoredBlob } from "@/lib/server/files/blob-store";
import { queueNotice, queueSmsTo } from "@/lib/server/notifications/outbox";
import { complaintPath } from "./complaint-key";

export const MAX_ATTACHMENTS = 3;
/** Complaints one phone number may file in a day (a guard against flooding, not a quota on grievances). */
const PER_PHONE_PER_DAY = 5;

export const ZComplaintInput = z.object({
  category: z.enum(COMPLAINT_CATEGORIES, "complaint.category"),
  text: z.string().trim().min(10, "complaint.text").max(2000, "complaint.text"),
  applicationNumber: z.string().trim().max(40, "complaint.applicationNumber").default(""),
  name: z.string().trim().max(40, "complaint.name").default(""),
  phone: z
    .string()
    .trim()
    .transform((p) => p.replace(/[\s-]/g, ""))
    .refine((p) => p === "" || isMobileNumber(p), "complaint.phone")
    .default(""),
});
export type ComplaintInput = z.input<typeof ZComplaintInput>;

async function nextNumber(tx: Tx, now: Date): Promise<string> {
  const day = toPlainDate(now);
  const [{ last }] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ComplaintCounter" (day, last) VALUES (${toDateColumn(day)}, 1)
    ON CONFLICT (day) DO UPDATE SET last = "ComplaintCounter".last + 1
    RETURNING last`;
  return complaintNumber(day, last);
}

export async function fileComplaint(opts: { actor: Actor | null; input: ComplaintInput; files?: IncomingFile[]; now?: Date }) {
  const input = ZComplaintInput.parse(opts.input);
  const now = opts.now ?? new Date();
  const files = (opts.files ?? []).filter((f) => f.size > 0 || f.name !== "");
  if (files.length > MAX_ATTACHMENTS) throw new AppError("VALIDATION", "complaint.attachments", { field: "attachments" });
  // Signed in: the account's own phone unless another is given; otherwise a phone number is required.
  const account = opts.actor ? await db().user.findUnique({ where: { id: opts.actor.id }, select: { id: true, phone: true, name: true, role: true } }) : null;
  const phone = input.phone || account?.phone || "";
  if (!isMobileNumber(phone)) throw new AppError("VALIDATION", "complaint.phone", { field: "phone" });
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  if ((await db().complaint.count({ where: { phone, createdAt: { gt: since } } })) >= PER_PHONE_PER_DAY) throw new AppError("TOO_MANY_ATTEMPTS");

  for (const f of files) checkBeforeReading(f, "attachments");
  // Together no more than one material may be (the form's body is limited alike).
  if (files.reduce((n, f) => n + f.size, 0) > UPLOAD_LIMITS.maxBytes) refuseUpload("UPLOAD_TOO_LARGE", "attachments");
  const stored: (StoredBlob & { name: string })[] = [];
  for (const f of files) stored.push({ ...(await storeBlob(f, "attachments")), name: f.name });

  const typed = input.applicationNumber ? (normaliseApplicationNumber(input.applicationNumber) ?? input.applicationNumber) : "";
  const [cal, app, supervisors] = await Promise.all([
    loadWorkingCalendar(),
    typed ? db().application.findUnique({ where: { number: typed }, select: { id: true } }) : null,
    db().user.findMany({ where: { active: true, role: { in: [...rolesWith("complaints:manage")] } }, select: { id: true } }),
  ]);
  const due = stageDue(cal, "RECEIVED", toPlainDate(now));
  return db().$transaction(async (tx) => {
    const number = await nextNumber(tx, now);
    const complaint = await tx.complaint.create({
      data: {
        number,
        category: input.category,
        text: input.text,
        applicationNumber: typed,
        applicationId: app?.id ?? null,
        complainantId: account?.id ?? null,
        name: input.name || account?.name || "",
        phone,
        stage: "RECEIVED",
        stageDueOn: due ? toDateColumn(due) : null,
        createdAt: now,
        attachments: { create: stored.map((s) => ({ sha256: s.sha256, size: s.size, mimeType: s.mimeType, name: s.name })) },
        events: { create: { kind: "FILED", actorId: account?.id ?? null, at: now } },
      },
    });
    await recordAuditEvent(tx, {
      actor: opts.actor,
      action: "complaint.filed",
      entityType: "Complaint",
      entityId: complaint.id,
      meta: { number, category: input.category, application: app?.id ?? null, attachments: stored.length, signedIn: account !== null },
    });
    const link = await complaintPath(number);
    await queueSmsTo(tx, { phone, kind: "COMPLAINT_FILED", text: `【广安区行政审批局】您的投诉已受理登记，编号 ${number}。我局将于 ${due} 前交办并按时答复，进度可凭编号查询：${link}` });
    for (const s of supervisors) await queueNotice(tx, { userId: s.id, kind: "COMPLAINT_FILED", text: `【广安区行政审批局】收到新投诉 ${number}，请于 ${due} 前交办。` });
    return { id: complaint.id, number, link };
  });
}

/** What the form starts with for a signed-in person: their name and phone. */
export async function complaintDefaults(actor: Actor | null): Promise<{ name: string; phone: string }> {
  if (!actor) return { name: "", phone: "" };
  const u = await db().user.findUnique({ where: { id: actor.id }, select: { name: true, phone: true } });
  return { name: u?.name ?? "", phone: u?.phone ?? "" };
}
