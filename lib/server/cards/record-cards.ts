// Records cards (预警) as rows: the worker's nightly sweep over every watched case, and the refresh
// of one case after each change of its state or clock (enqueued in that change's transaction). A
// card is inserted once per case, clock and colour (a unique key), and only the insert that
// created it notifies the responsible person and the supervisors, so a card is announced once
// however many sweeps or workers see it. Cards whose clock no longer holds are closed.
import { paymentFacts, type PaymentState } from "@/lib/domain/fees/fees";
import "server-only";
import { toPlainDate, type WorkingCalendar } from "@/lib/domain/calendar/working-days";
import { CARD_PEOPLE_ROLES, cardPeople, cardResponsible, cardsToClose, dueCards, watchedKinds, type CardColour, type CardKind, type CardPeople, type DueCard } from "@/lib/domain/supervision/cards";
import { APPLICATION_STATES, type ApplicationState } from "@/lib/domain/workflow/application-workflow";
import { env } from "@/lib/env";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { loadWorkingCalendar } from "@/lib/server/calendar/working-calendar";
import { fromDateColumn, toDateColumn } from "@/lib/server/date-column";
import { db, type Tx } from "@/lib/server/db";
import { queueNotice } from "@/lib/server/notifications/outbox";
import { enumLiterals } from "@/lib/server/sql-literals";
import { Prisma } from "@/prisma/generated/client";

/** States in which some clock is watched (derived from the domain rule, never listed by hand). */
const WATCHED_STATES = APPLICATION_STATES.filter((s) => watchedKinds(s).length > 0);
const BATCH = 500;

type CaseRow = {
  id: string;
  number: string | null;
  state: ApplicationState;
  submittedAt: Date | null;
  resubmittedAt: Date | null;
  decidedAt: Date | null;
  promisedDue: Date | null;
  statutoryDue: Date | null;
  owedBy: Date | null;
  clockSuspended: boolean;
  acceptedById: string | null;
  sectionId: string | null;
  itemName: string;
  paymentState: PaymentState | null;
  paidAt: Date | null;
};

const KIND_TEXT: Record<CardKind, string> = {
  PROMISED: "承诺办结期限",
  STATUTORY: "法定办结期限",
  ISSUANCE: "发证期限（准予许可决定后 10 个工作日）",
  OWED_MATERIALS: "容缺补正期限",
  UNANSWERED_FILING: "受理答复期限（申请之日起 5 个工作日内未答复视为受理）",
  RATING_FOLLOW_UP: "差评整改期限",
};

function cardText(c: CaseRow, card: DueCard): string {
  const colour = card.colour === "RED" ? "红牌" : "黄牌";
  const state = card.colour === "RED" ? (card.kind === "UNANSWERED_FILING" ? `将于 ${card.dueOn} 视为受理` : `已于 ${card.dueOn} 届满`) : `将于 ${card.dueOn} 届满`;
  return `【广安区行政审批局】电子监察${colour}：办件 ${c.number ?? ""}（${c.itemName}）${KIND_TEXT[card.kind]}${state}，请及时处理。`;
}

const SELECT_CASES = Prisma.sql`
  SELECT a.id, a.number, a.state, a."submittedAt", a."resubmittedAt", a."decidedAt", a."promisedDue", a."statutoryDue",
         a."owedBy", a."clockSuspended", a."acceptedById", i."sectionId", v.name AS "itemName",
         p.state::text AS "paymentState", p."paidAt"
  FROM "Application" a JOIN "ItemVersion" v ON v.id = a."itemVersionId" JOIN "Item" i ON i.id = a."itemId"
  LEFT JOIN "PaymentNotice" p ON p."applicationId" = a.id`;

async function people(): Promise<CardPeople> {
  return cardPeople(await db().user.findMany({ where: { active: true, role: { in: [...CARD_PEOPLE_ROLES] } }, select: { id: true, role: true, sectionId: true }, orderBy: { createdAt: "asc" } }));
}

/** Raises and closes the cards of the given cases; returns the cards raised now. */
async function recordFor(tx: Tx, cases: CaseRow[], cal: WorkingCalendar, now: Date, p: CardPeople): Promise<number> {
  if (cases.length === 0) return 0;
  const today = toPlainDate(now);
  const warn = env().DUE_WARNING_DAYS;
  const ids = cases.map((c) => c.id);
  const [open, followUps] = await Promise.all([
    tx.card.findMany({ where: { applicationId: { in: ids }, closedAt: null }, select: { id: true, applicationId: true, kind: true, colour: true, subject: true } }),
    tx.ratingFollowUp.findMany({ where: { answeredAt: null, rating: { applicationId: { in: ids } } }, select: { id: true, dueOn: true, rating: { select: { applicationId: true } } } }),
  ]);
  let raised = 0;
  for (const c of cases) {
    const due = dueCards(
      {
        state: c.state,
        filedAt: c.resubmittedAt ?? c.submittedAt,
        decidedAt: c.decidedAt,
        promisedDue: fromDateColumn(c.promisedDue),
        statutoryDue: fromDateColumn(c.statutoryDue),
        owedBy: fromDateColumn(c.owedBy),
        clockSuspended: c.clockSuspended,
        payment: c.paymentState && { paid: paymentFacts(c.paymentState).paid, paidAt: c.paidAt },
        followUps: followUps.filter((f) => f.rating.applicationId === c.id).map((f) => ({ id: f.id, dueOn: fromDateColumn(f.dueOn) })),
      },
      cal,
      today,
      warn,
    );
    // Closed first: a yellow card gives way to the red one of the same clock.
    for (const card of cardsToClose(open.filter((o) => o.applicationId === c.id), due)) {
      const { count } = await tx.card.updateMany({ where: { id: card.id, closedAt: null }, data: { closedAt: now } });
      if (count) await recordAuditEvent(tx, { actor: null, action: "card.closed", entityType: "Application", entityId: c.id, meta: { kind: card.kind, colour: card.colour, subject: card.subject, reason: "clock" } });
    }
    for (const card of due) {
      const responsibleId = cardResponsible(card.kind, c, p);
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Card" (id, "applicationId", kind, colour, subject, "dueOn", "responsibleId", "sectionId", "raisedAt")
        VALUES (${`card_${crypto.randomUUID()}`}, ${c.id}, ${card.kind}::"CardKind", ${card.colour}::"CardColour", ${card.subject}, ${toDateColumn(card.dueOn)}, ${responsibleId}, ${c.sectionId}, ${now})
        ON CONFLICT ("applicationId", kind, colour, subject) DO NOTHING
        RETURNING id`;
      if (inserted.length === 0) continue;
      raised++;
      await recordAuditEvent(tx, { actor: null, action: "card.raised", entityType: "Application", entityId: c.id, meta: { kind: card.kind, colour: card.colour as CardColour, subject: card.subject, dueOn: card.dueOn, responsibleId } });
      const text = cardText(c, card);
      const told = new Set([responsibleId, ...(card.colour === "RED" ? p.supervisors : [])].filter((u): u is string => !!u));
      for (const userId of told) await queueNotice(tx, { userId, kind: `CARD_${card.colour}`, text });
    }
  }
  return raised;
}

/** One case, after a change (the worker's cards:refresh job). */
export async function refreshCards(applicationId: string, now = new Date()): Promise<number> {
  const [cal, p] = await Promise.all([loadWorkingCalendar(), people()]);
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<CaseRow[]>`${SELECT_CASES} WHERE a.id = ${applicationId} FOR UPDATE OF a`;
    return recordFor(tx, rows, cal, now, p);
  });
}

/**
 * Every watched case, in batches of one transaction each (the nightly cards:sweep job; `now` is the
 * test clock). Cards of cases that left every watched state are closed at the end.
 */
export async function sweepCards(now = new Date()): Promise<{ cases: number; raised: number; closed: number }> {
  // The calendar and the people are read once for the whole sweep, not per batch.
  const [cal, p] = await Promise.all([loadWorkingCalendar(), people()]);
  const watched = enumLiterals(WATCHED_STATES, APPLICATION_STATES);
  let cases = 0;
  let raised = 0;
  // Cases with a watched clock, then cases past every clock that still have an open follow-up.
  const passes = [
    Prisma.sql`a.state IN (${watched})`,
    Prisma.sql`a.state NOT IN (${watched}) AND a.id IN (SELECT r."applicationId" FROM "RatingFollowUp" f JOIN "Rating" r ON r.id = f."ratingId" WHERE f."answeredAt" IS NULL)`,
  ];
  for (const which of passes) {
    let after = "";
    for (;;) {
      const batch = await db().$transaction(async (tx) => {
        const rows = await tx.$queryRaw<CaseRow[]>`${SELECT_CASES} WHERE ${which} AND a.id > ${after} ORDER BY a.id LIMIT ${BATCH} FOR UPDATE OF a SKIP LOCKED`;
        raised += await recordFor(tx, rows, cal, now, p);
        return rows;
      });
      cases += batch.length;
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1].id;
    }
  }
  const closed = await db().$transaction(async (tx) => {
    // A case's own clocks end with its watched states; a follow-up's card ends with its answer.
    const gone = await tx.$queryRaw<{ id: string; applicationId: string; kind: CardKind; colour: CardColour }[]>`
      UPDATE "Card" c SET "closedAt" = ${now}
      FROM "Application" a
      WHERE c."applicationId" = a.id AND c."closedAt" IS NULL
        AND CASE WHEN c.kind = 'RATING_FOLLOW_UP'
                 THEN NOT EXISTS (SELECT 1 FROM "RatingFollowUp" f WHERE f.id = c.subject AND f."answeredAt" IS NULL)
                 ELSE a.state NOT IN (${watched}) END
      RETURNING c.id, c."applicationId", c.kind, c.colour`;
    for (const g of gone) await recordAuditEvent(tx, { actor: null, action: "card.closed", entityType: "Application", entityId: g.applicationId, meta: { kind: g.kind, colour: g.colour, reason: "clock" } });
    return gone.length;
  });
  return { cases, raised, closed };
}
