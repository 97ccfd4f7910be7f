// The nightly look at every running complaint stage (the worker's complaints:sweep job): a stage on
// its last working day gets a yellow card, one past it a red card — each recorded once per stage and
// colour as a step of the complaint, with a notice to the stage's owner (and, on red, to those who
// manage complaints). A stage that moves on starts afresh.
import "server-only";
import { toPlainDate } from "@/lib/domain/calendar/working-days";
import { complaintCard, PRESSABLE, stageOwner } from "@/lib/domain/complaints/complaints";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { fromDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { queueNotice } from "@/lib/server/notifications/outbox";
import { staffOf } from "./complaint-people";

export const CARD_STEP = "CARD";

export async function sweepComplaints(now = new Date()): Promise<{ raised: number }> {
  const cal = await loadWorkingCalendar();
  const today = toPlainDate(now);
  const running = await db().complaint.findMany({ where: { stage: { in: [...PRESSABLE] }, stageDueOn: { not: null } }, select: { id: true } });
  let raised = 0;
  for (const { id } of running) {
    raised += await db().$transaction(async (tx) => {
      // Locked, so two workers sweeping at once raise a card once.
      const [c] = await tx.$queryRaw<{ id: string; number: string; stage: (typeof PRESSABLE)[number]; stageDueOn: Date | null; sectionId: string | null }[]>`
        SELECT id, number, stage, "stageDueOn", "sectionId" FROM "Complaint" WHERE id = ${id} FOR UPDATE`;
      if (!c) return 0;
      const due = fromDateColumn(c.stageDueOn);
      const colour = complaintCard({ stage: c.stage, stageDueOn: due }, cal, today);
      if (!colour) return 0;
      const mark = `${c.stage}:${colour}`;
      // Once per stage and colour: since the stage was last entered (a reassignment enters it again).
      const entered = await tx.complaintEvent.findFirst({ where: { complaintId: c.id, kind: { in: ["FILED", "ASSIGNED", "HANDLED"] } }, orderBy: { at: "desc" }, select: { at: true } });
      if (await tx.complaintEvent.count({ where: { complaintId: c.id, kind: CARD_STEP, text: mark, ...(entered ? { at: { gte: entered.at } } : {}) } })) return 0;
      await tx.complaintEvent.create({ data: { complaintId: c.id, kind: CARD_STEP, text: mark, at: now } });
      await recordAuditEvent(tx, { actor: null, action: "complaint.card", entityType: "Complaint", entityId: c.id, meta: { number: c.number, stage: c.stage, colour, dueOn: due } });
      const owner = await staffOf(tx, stageOwner(c.stage) === "section" && c.sectionId ? { sectionId: c.sectionId } : "managers");
      const told = new Set([...owner, ...(colour === "RED" ? await staffOf(tx, "managers") : [])]);
      const text = `【广安区行政审批局】电子监察${colour === "RED" ? "红牌" : "黄牌"}：投诉 ${c.number} 本阶段办理期限${colour === "RED" ? `已于 ${due} 届满` : `将于 ${due} 届满`}，请及时办理。`;
      for (const userId of told) await queueNotice(tx, { userId, kind: `COMPLAINT_CARD_${colour}`, text });
      return 1;
    });
  }
  return { raised };
}
