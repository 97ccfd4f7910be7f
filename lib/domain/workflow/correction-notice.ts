// 一次性告知: the window asks for everything missing or wrong ONCE. A later notice may repeat what
// was asked before (still unresolved) or ask about materials the applicant changed since; it may
// not ask for anything that was already visible, unchanged, when the earlier notice was issued.

/** What an earlier notice saw: each material's submission revision at that time (0 = not submitted). */
export type IssuedNotice = { seenRevisions: Record<string, number>; askedMaterialIds: string[] };

export type NoticeEntry = { materialId: string; problem: string };

export type NoticeViolation = { materialId: string; reason: "visibleBefore" };

/**
 * Entries of a new notice that break the one-time rule, given every notice issued before on this
 * application and the current revision of each material's submission.
 */
export function correctionNoticeViolations(
  entries: NoticeEntry[],
  previous: IssuedNotice[],
  currentRevisions: Record<string, number>,
): NoticeViolation[] {
  if (previous.length === 0) return [];
  const first = previous[0];
  const askedBefore = new Set(previous.flatMap((n) => n.askedMaterialIds));
  return entries
    .filter((e) => {
      if (askedBefore.has(e.materialId)) return false; // a repeat of an earlier request
      const seen = first.seenRevisions[e.materialId] ?? 0;
      const now = currentRevisions[e.materialId] ?? 0;
      return now === seen; // unchanged since the first notice: it was visible then
    })
    .map((e) => ({ materialId: e.materialId, reason: "visibleBefore" as const }));
}

/**
 * A notice tells the applicant exactly what to fix: every material that was given but is not
 * acceptable needs the clerk's reason (a material not given at all is listed as "not submitted").
 * Returns the material ids whose reason is missing.
 */
export function correctionReasonsMissing(lines: { materialId: string; verdict: string; problem: string }[]): string[] {
  return lines.filter((l) => l.verdict === "DEFICIENT" && l.problem.trim() === "").map((l) => l.materialId);
}
