// Electronic supervision (电子监察): which cards (预警) a case's clocks show on a day. One rule for the
// nightly sweep and for the refresh after each change of a case, so a card is raised the same way
// whoever notices it first.
import { addWorkingDays, toPlainDate, type PlainDate, type WorkingCalendar } from "@/lib/domain/calendar/working-days";
import { dueMark } from "@/lib/domain/clock/clock-ledger";
import { TRANSITIONS, clockRuns, type ApplicationState } from "@/lib/domain/workflow/application-workflow";
import { INTAKE_QUEUE_STATES, stateFacts } from "@/lib/domain/workflow/state-facts";
import type { Role } from "@/lib/domain/access/roles";
import { can } from "@/lib/domain/access/permissions";

export const CARD_KINDS = ["PROMISED", "STATUTORY", "ISSUANCE", "OWED_MATERIALS", "UNANSWERED_FILING", "RATING_FOLLOW_UP"] as const;
export type CardKind = (typeof CARD_KINDS)[number];
export type CardColour = "YELLOW" | "RED";

/** Art. 44: the certificate within 10 working days of the decision to approve. */
export const ISSUE_LIMIT_WORKING_DAYS = 10;
/** Art. 32: a filing not answered within 5 working days counts as accepted from the day it arrived. */
export const DEEMED_ACCEPTANCE_WORKING_DAYS = 5;
/** A filing unanswered for this many full working days gets a red card: one day is left to answer. */
export const UNANSWERED_RED_AFTER = 4;

export type CaseClocks = {
  state: ApplicationState;
  /** The latest complete filing (a resubmission after a correction notice starts art. 32 again). */
  filedAt: Date | null;
  decidedAt: Date | null;
  promisedDue: PlainDate | null;
  statutoryDue: PlainDate | null;
  owedBy: PlainDate | null;
  clockSuspended: boolean;
  /**
   * 票款分离: the decision's payment notice, if it has one. While unpaid the window cannot issue, so
   * the issuance clock does not run against it; once paid, it counts from the confirmation.
   */
  payment?: { paid: boolean; paidAt: Date | null } | null;
  /** Open follow-ups (差评整改) of the case's bad ratings, each watched until answered, whatever the state. */
  followUps?: readonly { id: string; dueOn: PlainDate }[];
};

/** `subject` tells apart two cards of one kind on a case (a follow-up's id); "" for the case's own clocks. */
export type DueCard = { kind: CardKind; colour: CardColour; dueOn: PlainDate; subject: string };

/** The state a case may have a card in, per kind (a case that moved on closes that kind's cards). */
export function watchedKinds(state: ApplicationState): CardKind[] {
  const kinds: CardKind[] = [];
  if (clockRuns(state)) kinds.push("PROMISED", "STATUTORY");
  if (TRANSITIONS.ISSUE.from.includes(state)) kinds.push("ISSUANCE");
  if (stateFacts(state).owesMaterials) kinds.push("OWED_MATERIALS");
  if (INTAKE_QUEUE_STATES.includes(state)) kinds.push("UNANSWERED_FILING");
  return kinds;
}

/**
 * The cards the case shows on `today` (bureau date): red when a due date has passed, yellow within
 * `warningDays` working days of it (as the queues mark them). A filing at the window turns yellow
 * once two full working days have passed without an answer and red after four, on the last day
 * before it would count as accepted; its card names that day.
 */
export function dueCards(c: CaseClocks, cal: WorkingCalendar, today: PlainDate, warningDays: number): DueCard[] {
  const cards: DueCard[] = [];
  const watch = (kind: CardKind, due: PlainDate | null, warn = warningDays, dueOn = due, subject = "") => {
    if (!due || !dueOn) return;
    const mark = dueMark(cal, today, due, warn);
    if (mark !== "ok") cards.push({ kind, colour: mark === "overdue" ? "RED" : "YELLOW", dueOn, subject });
  };
  for (const kind of watchedKinds(c.state)) {
    switch (kind) {
      case "PROMISED":
        if (!c.clockSuspended) watch(kind, c.promisedDue);
        break;
      case "STATUTORY":
        if (!c.clockSuspended) watch(kind, c.statutoryDue);
        break;
      case "ISSUANCE": {
        if (c.payment && !c.payment.paid) break;
        const from = c.payment?.paidAt && c.decidedAt && c.payment.paidAt > c.decidedAt ? c.payment.paidAt : c.decidedAt;
        if (from) watch(kind, addWorkingDays(cal, toPlainDate(from), ISSUE_LIMIT_WORKING_DAYS));
        break;
      }
      case "OWED_MATERIALS":
        watch(kind, c.owedBy);
        break;
      case "UNANSWERED_FILING":
        if (c.filedAt) {
          const filed = toPlainDate(c.filedAt);
          watch(kind, addWorkingDays(cal, filed, UNANSWERED_RED_AFTER), 1, addWorkingDays(cal, filed, DEEMED_ACCEPTANCE_WORKING_DAYS));
        }
        break;
    }
  }
  // A follow-up is due RATING_FOLLOW_UP_DAYS working days after the rating: red the day after.
  for (const f of c.followUps ?? []) watch("RATING_FOLLOW_UP", f.dueOn, warningDays, f.dueOn, f.id);
  return cards;
}

/** Open cards that no longer hold: the case left the kind's state, or the kind is no longer due. */
export function cardsToClose<T extends { kind: CardKind; colour: CardColour; subject: string }>(open: readonly T[], due: readonly DueCard[]): T[] {
  return open.filter((o) => {
    const now = due.find((d) => d.kind === o.kind && d.subject === o.subject);
    // Still due in this colour stays open; a yellow card gives way to the red one.
    return !now || (o.colour === "YELLOW" && now.colour === "RED");
  });
}

export type CardAction = "ISSUE_NOTICE" | "ANSWER_NOTICE";
export type CardFacts = { open: boolean; responsibleId: string | null; noticePending: boolean };

/**
 * What an actor may do with a card now: a supervisor (or the director) issues a supervision notice
 * (督办) on an open card without one pending; the person the card names answers it — or, when it
 * names no one, any holder of `answers` (the section's chief, the director).
 */
/** The actor as the card rules see them: whether they supervise and whether they answer notices. */
export function cardActor(actor: { id: string; role: Role }): { id: string; supervises: boolean; answers: boolean } {
  return { id: actor.id, supervises: can(actor.role, "cards:supervise"), answers: can(actor.role, "cards:answer") };
}

export function cardActions(card: CardFacts, actor: { id: string; supervises: boolean; answers: boolean }): CardAction[] {
  if (!card.open) return [];
  const actions: CardAction[] = [];
  if (actor.supervises && !card.noticePending) actions.push("ISSUE_NOTICE");
  if (card.noticePending && actor.answers && (card.responsibleId === null || card.responsibleId === actor.id)) actions.push("ANSWER_NOTICE");
  return actions;
}

/** Who cards concern: each section's chief (the first, in the order given), and the supervisors. */
export type CardPeople = { chiefOf: Map<string, string>; supervisors: string[] };

/** The roles `cardPeople` reads, for the query that loads them. */
export const CARD_PEOPLE_ROLES: readonly Role[] = ["CHIEF", "SUPERVISOR"];

export function cardPeople(staff: readonly { id: string; role: Role; sectionId: string | null }[]): CardPeople {
  const chiefOf = new Map<string, string>();
  for (const u of staff) if (u.role === "CHIEF" && u.sectionId && !chiefOf.has(u.sectionId)) chiefOf.set(u.sectionId, u.id);
  return { chiefOf, supervisors: staff.filter((u) => u.role === "SUPERVISOR").map((u) => u.id) };
}

/** Who must act on a card: the clerk who accepted the case for issuance and owed materials, else the section's chief. */
export function cardResponsible(kind: CardKind, c: { sectionId: string | null; acceptedById: string | null }, people: CardPeople): string | null {
  const chief = c.sectionId ? (people.chiefOf.get(c.sectionId) ?? null) : null;
  return (kind === "ISSUANCE" || kind === "OWED_MATERIALS") && c.acceptedById ? c.acceptedById : chief;
}
