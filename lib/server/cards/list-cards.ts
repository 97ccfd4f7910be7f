// The cards (预警) a person sees: supervisors and the director every open card (or closed ones, for
// the record), everyone else the cards that name them or, unnamed, their section. Newest first,
// keyset-paged, with counts per colour, each row with the actions the domain allows this actor.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { decodeCursor, PAGE_SIZE, pageOf } from "@/lib/domain/paging/keyset";
import { CARD_KINDS, cardActions, cardActor, type CardColour, type CardKind } from "@/lib/domain/supervision/cards";
import { requirePermission } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";

export const ZCardsFilter = z.object({
  colour: z.enum(["YELLOW", "RED"]).optional().catch(undefined),
  kind: z.enum(CARD_KINDS).optional().catch(undefined),
  closed: z.enum(["1"]).optional().catch(undefined),
  after: z.string().max(120).optional().catch(undefined),
});

type Row = {
  id: string;
  applicationId: string;
  number: string | null;
  itemName: string;
  kind: CardKind;
  colour: CardColour;
  dueOn: Date;
  raisedAt: Date;
  closedAt: Date | null;
  responsibleId: string | null;
  responsibleName: string | null;
  noticeId: string | null;
  noticeText: string | null;
  noticeIssuedAt: Date | null;
  lastAnswer: string | null;
};

export async function listCards(opts: { actor: Actor | null; filter?: z.input<typeof ZCardsFilter>; pageSize?: number }) {
  const actor = await requirePermission(opts.actor, "cards:read", "listCards");
  const filter = ZCardsFilter.parse(opts.filter ?? {});
  const size = opts.pageSize ?? PAGE_SIZE;
  const me = cardActor(actor);
  const supervises = me.supervises;

  const where: Prisma.Sql[] = [filter.closed ? Prisma.sql`c."closedAt" IS NOT NULL` : Prisma.sql`c."closedAt" IS NULL`];
  if (!supervises) where.push(Prisma.sql`(c."responsibleId" = ${actor.id} OR (c."responsibleId" IS NULL AND c."sectionId" = ${actor.sectionId ?? ""}))`);
  if (filter.kind) where.push(Prisma.sql`c.kind = ${filter.kind}::"CardKind"`);
  const page = [...where];
  if (filter.colour) page.push(Prisma.sql`c.colour = ${filter.colour}::"CardColour"`);
  const cursor = decodeCursor(filter.after);
  const at = cursor ? new Date(cursor.value) : null;
  if (cursor && at && !Number.isNaN(at.getTime())) page.push(Prisma.sql`(c."raisedAt", c.id) < (${at}, ${cursor.id})`);

  const [rows, [counts]] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT c.id, c."applicationId", a.number, v.name AS "itemName", c.kind, c.colour, c."dueOn", c."raisedAt", c."closedAt",
             c."responsibleId", r.name AS "responsibleName",
             n.id AS "noticeId", n.text AS "noticeText", n."issuedAt" AS "noticeIssuedAt",
             (SELECT x.answer FROM "SupervisionNotice" x WHERE x."cardId" = c.id AND x."answeredAt" IS NOT NULL ORDER BY x."answeredAt" DESC LIMIT 1) AS "lastAnswer"
      FROM "Card" c
      JOIN "Application" a ON a.id = c."applicationId"
      JOIN "ItemVersion" v ON v.id = a."itemVersionId"
      LEFT JOIN "User" r ON r.id = c."responsibleId"
      LEFT JOIN "SupervisionNotice" n ON n."cardId" = c.id AND n."answeredAt" IS NULL
      WHERE ${Prisma.join(page, " AND ")}
      ORDER BY c."raisedAt" DESC, c.id DESC
      LIMIT ${size + 1}`,
    db().$queryRaw<{ all: number; red: number; yellow: number }[]>`
      SELECT count(*)::int AS all, count(*) FILTER (WHERE c.colour = 'RED')::int AS red, count(*) FILTER (WHERE c.colour = 'YELLOW')::int AS yellow
      FROM "Card" c WHERE ${Prisma.join(where, " AND ")}`,
  ]);
  const paged = pageOf(rows, size, (r) => ({ value: r.raisedAt.toISOString(), id: r.id }));
  return {
    rows: paged.rows.map((r) => ({
      ...r,
      dueOn: r.dueOn.toISOString().slice(0, 10),
      actions: cardActions({ open: r.closedAt === null, responsibleId: r.responsibleId, noticePending: r.noticeId !== null }, me),
    })),
    next: paged.next,
    counts,
    filter,
    supervises,
  };
}
