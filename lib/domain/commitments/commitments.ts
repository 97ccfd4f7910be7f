// 告知承诺 (国办发〔2020〕42号): an item version may let certain materials be replaced by a commitment
// whose text it publishes. The applicant reads and signs it (kept verbatim); the case may then be
// decided without that proof. Once decided, the commitment is checked afterwards (核查) within a
// number of working days; a false one revokes the certificate and leaves a credit record that the
// window sees on the applicant's later filings.
import { addWorkingDays, toPlainDate, type PlainDate, type WorkingCalendar } from "@/lib/domain/calendar/working-days";
import { can } from "@/lib/domain/access/permissions";
import type { Role } from "@/lib/domain/access/roles";

/** Working days the bureau has to check a commitment after its decision. */
export const POST_CHECK_WORKING_DAYS = 20;

export const POST_CHECK_RESULTS = ["HOLDS", "FALSE"] as const;
export type PostCheckResult = (typeof POST_CHECK_RESULTS)[number];

/** What a false commitment's revocation cites. */
export const FALSE_COMMITMENT_REASON = "申请人告知承诺内容与实际情况不符，以欺骗手段取得行政许可";
export const FALSE_COMMITMENT_BASIS = "《中华人民共和国行政许可法》第六十九条第二款；《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）";

/** The credit record a false commitment leaves on the applicant. */
export const FALSE_COMMITMENT = "FALSE_COMMITMENT";

/** A material may be committed to instead of given while the filer may still change materials, once. */
export function mayCommit(m: { commitmentText: string; committed: boolean; fileGiven: boolean }, materialsEditable: boolean): boolean {
  return materialsEditable && m.commitmentText.trim() !== "" && !m.committed && !m.fileGiven;
}

export function postCheckDue(cal: WorkingCalendar, decidedAt: Date, days = POST_CHECK_WORKING_DAYS): PlainDate {
  return addWorkingDays(cal, toPlainDate(decidedAt), days);
}

export type PostCheckActor = { id: string; sectionId: string | null; checks: boolean; wholeBureau: boolean };

export function postCheckActor(actor: { id: string; role: Role; sectionId: string | null }): PostCheckActor {
  return { id: actor.id, sectionId: actor.sectionId, checks: can(actor.role, "commitments:check"), wholeBureau: can(actor.role, "commitments:whole-bureau") };
}

/** A decided case's unchecked commitment is checked by its section's chief (or the director), once. */
export function mayRecordPostCheck(c: { checked: boolean; decided: boolean; sectionId: string | null }, actor: PostCheckActor): boolean {
  return !c.checked && c.decided && actor.checks && (actor.wholeBureau || (c.sectionId !== null && c.sectionId === actor.sectionId));
}
