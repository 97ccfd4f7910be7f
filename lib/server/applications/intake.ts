// One-window intake (窗口受理): the clerk's decision on a submitted filing —
// accept, accept with deficiencies (容缺受理), one-time correction notice (一次性告知), or reject.
import "server-only";
import { checklistVerdict, dueDatesFrom, intakeFacts, needsAttention, owedMaterialIds, type ChecklistLine } from "@/lib/domain/applications/intake";
import { addWorkingDays, isProvisionalDate, toPlainDate, type WorkingCalendar } from "@/lib/domain/calendar/working-days";
import { correctionNoticeViolations, correctionReasonsMissing, type IssuedNotice } from "@/lib/domain/workflow/correction-notice";
import { AppError } from "@/lib/errors";
import { requirePermission, requireWorkflowRole } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { toDateColumn } from "@/lib/server/date-column";
import { db } from "@/lib/server/db";
import { lockedWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { ZDecideIntakeInput, type TDecideIntakeInput } from "./schemas";
import { asAppError } from "@/lib/server/domain-errors";
import { sealDocument } from "@/lib/server/seals/seal-document";
import { onClerksDesk } from "@/lib/domain/centres/centres";
import { clerkCentreOf } from "@/lib/server/centres/clerk-centre";
import { inviteWindowRating } from "@/lib/server/ratings/rate-service";
import { transition } from "./transition";

export async function decideIntake(opts: { actor: Actor | null; input: TDecideIntakeInput; now?: Date }) {
  const actor = await requireWorkflowRole(opts.actor, ["ACCEPT", "ACCEPT_WITH_DEFICIENCIES", "REQUEST_CORRECTION", "REJECT"], "decideIntake");
  const input = ZDecideIntakeInput.parse(opts.input);
  const now = opts.now ?? new Date();
  const app = await db().application.findUnique({
    where: { id: input.applicationId },
    include: {
      itemVersion: { select: { name: true, promisedDays: true, statutoryDays: true } },
      materials: { include: { material: { select: { kind: true, name: true, position: true } } } },
      notices: { orderBy: { issuedAt: "asc" } },
      commitments: { select: { materialId: true } },
    },
  });
  if (!app) throw new AppError("NOT_FOUND");
  // 就近办: a filing is answered at its own desk (the hall's, or the township centre's it was filed at).
  if (!onClerksDesk(app.centreId, await clerkCentreOf(actor.id))) throw new AppError("FORBIDDEN", "another desk's filing");
  // 告知承诺: a signed commitment stands in for its material's file.
  const committed = new Set(app.commitments.map((c) => c.materialId));

  // The checklist: ticked = present and acceptable; unticked = missing (no file) or deficient, or
  // not applicable (a conditional material whose situation the filer said does not hold).
  const ok = new Set(input.okMaterialIds);
  const lines: (ChecklistLine & { lineId: string; name: string; problem: string })[] = app.materials
    .sort((a, b) => a.material.position - b.material.position)
    .map((m) => {
      const verdict = checklistVerdict({ ticked: ok.has(m.materialId), fileGiven: m.storedFileId !== null || committed.has(m.materialId), applicable: m.applicable });
      // The clerk's words for what needs attention; a material not given at all says so by default.
      const problem = verdict === "OK" || verdict === "NOT_APPLICABLE" ? "" : input.problems[m.materialId] || (verdict === "MISSING" ? "未提交该材料" : "");
      return { lineId: m.id, materialId: m.materialId, name: m.material.name, kind: m.material.kind, verdict, problem };
    });
  const notOk = lines.filter(needsAttention);
  const facts = intakeFacts(lines, {
    correctionEntries: notOk.length,
    hasReasonAndBasis: input.reason.length > 0 && input.basis.length > 0,
  });

  let data: Record<string, unknown> = {};
  let message: Record<string, string> = { number: app.number ?? "", item: app.itemVersion.name };
  let noticeRow: { entries: { materialId: string; name: string; problem: string }[]; seenRevisions: Record<string, number> } | null = null;
  /** Acceptance opens the clock: its dates are counted inside the transaction that stores them. */
  const startClock = (cal: WorkingCalendar) => {
    const acceptedOn = toPlainDate(now);
    const due = dueDatesFrom(cal, acceptedOn, app.itemVersion);
    data = { acceptedAt: now, acceptedById: actor.id, promisedDue: toDateColumn(due.promisedDue), statutoryDue: toDateColumn(due.statutoryDue) };
    message = { ...message, promisedDue: due.promisedDue, statutoryDue: due.statutoryDue };
    // Whether 容缺受理 is allowed at all is the transition table's guard, asked below.
    if (input.decision === "ACCEPT_WITH_DEFICIENCIES") {
      const owedBy = addWorkingDays(cal, acceptedOn, input.owedDays);
      data.owedBy = toDateColumn(owedBy);
      message.owedBy = owedBy;
      message.owed = notOk.map((l) => l.name).join("、");
    }
    // The later date decides: when it was counted over a provisional year, the message says so.
    if (isProvisionalDate(cal, due.statutoryDue) || (message.owedBy && isProvisionalDate(cal, message.owedBy))) message.provisional = "1";
  };
  const accepting = input.decision === "ACCEPT" || input.decision === "ACCEPT_WITH_DEFICIENCIES";
  try {
    if (input.decision === "REQUEST_CORRECTION") {
      // Each material given but not acceptable needs its reason, or the notice says nothing useful.
      const unexplained = correctionReasonsMissing(notOk);
      if (unexplained.length > 0) {
        throw new AppError("VALIDATION", "intake.problemRequired", { fieldErrors: Object.fromEntries(unexplained.map((id) => [`problem.${id}`, "intake.problemRequired"])) });
      }
      const revisions = Object.fromEntries(app.materials.map((m) => [m.materialId, m.revision]));
      const previous: IssuedNotice[] = app.notices.map((n) => ({
        seenRevisions: n.seenRevisions as Record<string, number>,
        askedMaterialIds: (n.entries as { materialId: string }[]).map((e) => e.materialId),
      }));
      const violations = correctionNoticeViolations(notOk.map((l) => ({ materialId: l.materialId, problem: l.problem })), previous, revisions);
      if (violations.length > 0) {
        const names = violations.map((v) => lines.find((l) => l.materialId === v.materialId)?.name ?? v.materialId);
        throw new AppError("NOTICE_ASKS_VISIBLE_BEFORE", names.join("、"), { details: { materials: names.join("、") } });
      }
      noticeRow = { entries: notOk.map((l) => ({ materialId: l.materialId, name: l.name, problem: l.problem })), seenRevisions: revisions };
      message.count = String(notOk.length);
    } else if (input.decision === "REJECT") {
      data = { rejectionReason: input.reason, rejectionBasis: input.basis, decidedAt: now };
      message.reason = input.reason;
    }
  } catch (e) {
    throw asAppError(e);
  }

  const owed = new Set(input.decision === "ACCEPT_WITH_DEFICIENCIES" ? owedMaterialIds(lines) : []);
  const result = await db().$transaction(async (tx) => {
    if (accepting) {
      try {
        startClock(await lockedWorkingCalendar(tx));
      } catch (e) {
        throw asAppError(e);
      }
    }
    if (noticeRow) {
      // 一次性告知书 under the seal: its 文号, the signed record of everything asked, the stamp logged.
      const sealed = await sealDocument(tx, {
        kind: "CORRECTION_NOTICE",
        key: `CORRECTION_NOTICE:${app.id}:${app.notices.length + 1}`,
        applicationId: app.id,
        actor,
        now,
        record: { application: app.number, item: app.itemVersion.name, entries: noticeRow.entries.map((e) => ({ name: e.name, problem: e.problem })) },
      });
      await tx.correctionNotice.create({ data: { applicationId: app.id, issuedById: actor.id, entries: noticeRow.entries, seenRevisions: noticeRow.seenRevisions, documentId: sealed?.id ?? null } });
      if (sealed) message.notice = sealed.number;
    }
    const moved = await transition(tx, {
      application: app,
      event: input.decision,
      actor,
      facts,
      data,
      meta: { checklist: lines.map((l) => ({ material: l.name, kind: l.kind, verdict: owed.has(l.materialId) ? "OWED" : l.verdict })) },
      message,
    });
    for (const l of lines) {
      await tx.applicationMaterial.update({
        where: { id: l.lineId },
        data: { verdict: owed.has(l.materialId) ? "OWED" : l.verdict === "NOT_APPLICABLE" ? null : l.verdict, problem: l.problem },
      });
    }
    // The receipt (受理通知书) goes out under the seal: numbered, its record signed, the stamp logged.
    if (accepting) {
      await sealDocument(tx, {
        kind: "RECEIPT",
        key: `RECEIPT:${app.id}`,
        applicationId: app.id,
        actor,
        now,
        record: { application: app.number, item: app.itemVersion.name, acceptedAt: now.toISOString(), promisedDue: message.promisedDue, statutoryDue: message.statutoryDue, owedBy: message.owedBy ?? null },
      });
      // 好差评: a visit to the window is rated by the receipt's code, the window's tablet, or this SMS.
      await inviteWindowRating(tx, app);
    }
    return moved;
  });
  return { id: app.id, state: result.state };
}
