// The clerk's work list: every case the window is involved in — filings waiting for intake, cases
// under a correction notice, owed materials (容缺), approvals waiting for their certificate, and
// certificates to hand over (pick-up or post) — by stage, with counts, oldest filing first,
// keyset-paged. Searchable by the start of a number, a name, or an applicant (looked up from an ID by
// `findApplicant` in a POST, so the ID itself never travels in a URL).
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/domain/access/actor";
import { APPLICANT_ROLE } from "@/lib/domain/access/roles";
import { decodeCursor, PAGE_SIZE, pageOf } from "@/lib/domain/paging/keyset";
import { APPLICATION_STATES, type ApplicationState } from "@/lib/domain/workflow/application-workflow";
import { classifyWindowSearch, HANDOVER_STATE, WINDOW_OPEN_STATES, WINDOW_STAGE_STATES, WINDOW_STAGES, windowStageOf, type WindowStage } from "@/lib/domain/workflow/window-stages";
import { AppError } from "@/lib/errors";
import { findApplicant } from "@/lib/server/applications/applicants";
import { identifierOf, maskIdentity } from "@/lib/server/accounts/get-applicant-profile";
import { requirePermission } from "@/lib/server/auth/actor";
import { clerkCentreOf } from "@/lib/server/centres/clerk-centre";
import { db } from "@/lib/server/db";
import { containsPattern, enumLiterals } from "@/lib/server/sql-literals";
import { Prisma } from "@/prisma/generated/client";

export const ZWindowCasesFilter = z.object({
  stage: z.enum(WINDOW_STAGES).optional().catch(undefined),
  /** The start of a number, or part of an applicant's or item's name. */
  q: z.string().trim().min(1).max(40).optional().catch(undefined),
  /** An applicant's account (an opaque id, found from their ID number by a POST). */
  applicant: z.string().regex(/^[0-9a-z]{20,40}$/).optional().catch(undefined),
  after: z.string().max(120).optional().catch(undefined),
});
export type WindowCasesFilter = z.infer<typeof ZWindowCasesFilter>;

/** A certificate the window still hands over (the current one of its case: not replaced, valid). */
const PENDING_HANDOVER = Prisma.sql`c.status = 'VALID'
  AND ((c."deliveryMethod" = 'PICKUP' AND c."deliveredAt" IS NULL) OR (c."deliveryMethod" = 'POST' AND c."mailedAt" IS NULL))
  AND NOT EXISTS (SELECT 1 FROM "Certificate" r WHERE r."replacesId" = c.id)`;

type Row = {
  id: string;
  number: string | null;
  state: ApplicationState;
  channel: "ONLINE" | "WINDOW";
  submittedAt: Date;
  applicantName: string;
  itemName: string;
  deliveryMethod: "ELECTRONIC" | "PICKUP" | "POST" | null;
  deliveredAt: Date | null;
  mailedAt: Date | null;
};

export async function listWindowCases(opts: { actor: Actor | null; filter?: z.input<typeof ZWindowCasesFilter>; pageSize?: number }) {
  const actor = await requirePermission(opts.actor, "intake:work", "listWindowCases");
  const filter = ZWindowCasesFilter.parse(opts.filter ?? {});
  const size = opts.pageSize ?? PAGE_SIZE;

  // Each desk follows its own cases: a township centre's clerk those filed there, the hall the rest.
  const desk = await clerkCentreOf(actor.id);
  const narrow: Prisma.Sql[] = [desk === null ? Prisma.sql`a."centreId" IS NULL` : Prisma.sql`a."centreId" = ${desk}`];
  if (filter.applicant) narrow.push(Prisma.sql`a."applicantId" = ${filter.applicant}`);
  if (filter.q) {
    const like = containsPattern(filter.q);
    narrow.push(Prisma.sql`((a.number >= ${filter.q} AND a.number < ${`${filter.q}\u{10FFFF}`}) OR u.name ILIKE ${like} OR v.name ILIKE ${like})`);
  }
  const narrowed = Prisma.sql`AND ${Prisma.join(narrow, " AND ")}`;
  const cursor = decodeCursor(filter.after);
  const at = cursor ? new Date(cursor.value) : null;
  const after = cursor && at && !Number.isNaN(at.getTime()) ? Prisma.sql`AND (a."submittedAt", a.id) > (${at}, ${cursor.id})` : Prisma.empty;

  // The two sources of the list: cases in a state the window acts on, and issued cases whose
  // certificate it still hands over; each joined to the names shown and searched.
  const named = Prisma.sql`JOIN "User" u ON u.id = a."applicantId" JOIN "ItemVersion" v ON v.id = a."itemVersionId"`;
  const columns = Prisma.sql`a.id, a.number, a.state::text AS state, a.channel::text AS channel, a."submittedAt", u.name AS "applicantName", v.name AS "itemName"`;
  const handoverFrom = Prisma.sql`FROM "Certificate" c JOIN "Application" a ON a.id = c."applicationId" ${named}
     WHERE ${PENDING_HANDOVER} AND a.state = ${enumLiterals([HANDOVER_STATE], APPLICATION_STATES)} ${narrowed}`;

  const states = filter.stage && filter.stage !== "HANDOVER" ? WINDOW_STAGE_STATES[filter.stage] : WINDOW_OPEN_STATES;
  const byState = Prisma.sql`
    (SELECT ${columns}, NULL::text AS "deliveryMethod", NULL::timestamp AS "deliveredAt", NULL::timestamp AS "mailedAt"
     FROM "Application" a ${named}
     WHERE a.state IN (${enumLiterals(states, APPLICATION_STATES)}) ${narrowed} ${after}
     ORDER BY a."submittedAt", a.id LIMIT ${size + 1})`;
  const handover = Prisma.sql`
    (SELECT ${columns}, c."deliveryMethod"::text AS "deliveryMethod", c."deliveredAt", c."mailedAt"
     ${handoverFrom} ${after}
     ORDER BY a."submittedAt", a.id LIMIT ${size + 1})`;
  const parts = filter.stage === "HANDOVER" ? [handover] : filter.stage ? [byState] : [byState, handover];

  const [rows, [counts]] = await Promise.all([
    db().$queryRaw<Row[]>`SELECT * FROM (${Prisma.join(parts, " UNION ALL ")}) x ORDER BY "submittedAt", id LIMIT ${size + 1}`,
    // One pass over the open cases for the state stages, one over the pending certificates.
    db().$queryRaw<Record<WindowStage, number>[]>`
      SELECT
        ${Prisma.join(
          (Object.entries(WINDOW_STAGE_STATES) as [Exclude<WindowStage, "HANDOVER">, readonly ApplicationState[]][]).map(
            ([stage, s]) => Prisma.sql`count(*) FILTER (WHERE a.state IN (${enumLiterals(s, APPLICATION_STATES)}))::int AS ${Prisma.raw(`"${stage}"`)}`,
          ),
          ", ",
        )},
        (SELECT count(*)::int ${handoverFrom}) AS "HANDOVER"
      FROM "Application" a ${named}
      WHERE a.state IN (${enumLiterals(WINDOW_OPEN_STATES, APPLICATION_STATES)}) ${narrowed}`,
  ]);
  const paged = pageOf(rows, size, (r) => ({ value: r.submittedAt.toISOString(), id: r.id }));
  return {
    rows: paged.rows.map((r) => ({ ...r, stage: windowStageOf(r.state, r.deliveryMethod ? { deliveryMethod: r.deliveryMethod, deliveredAt: r.deliveredAt, mailedAt: r.mailedAt } : null) })),
    next: paged.next,
    counts,
    total: Object.values(counts).reduce((s, n) => s + n, 0),
    filter,
  };
}

/** The applicant named in the list's filter, as the page shows them (masked). */
export async function windowApplicantOf(opts: { actor: Actor | null; applicantId: string }) {
  await requirePermission(opts.actor, "intake:work", "windowApplicantOf");
  const user = await db().user.findFirst({ where: { id: opts.applicantId, role: APPLICANT_ROLE }, select: { id: true, name: true, residentId: true, creditCode: true } });
  return user ? { id: user.id, name: user.name, maskedId: maskIdentity(identifierOf(user)) } : null;
}

export const ZWindowCaseSearch = z.object({
  who: z.string().max(60, "form.tooLong"),
  stage: z.enum(WINDOW_STAGES).optional().catch(undefined),
});

/**
 * Where the work list's search box leads: an ID is looked up here (in the POST) and replaced by the
 * applicant's opaque account id; a number or a name stays as typed.
 */
export async function windowCasesHref(opts: { actor: Actor | null; input: z.infer<typeof ZWindowCaseSearch> }): Promise<string> {
  await requirePermission(opts.actor, "intake:work", "windowCasesHref");
  const params = new URLSearchParams();
  if (opts.input.stage) params.set("stage", opts.input.stage);
  const search = classifyWindowSearch(opts.input.who);
  if (search?.kind === "identity") {
    const found = await findApplicant({ actor: opts.actor, identifier: search.value });
    if (!found) throw new AppError("APPLICANT_NOT_FOUND", undefined, { field: "who" });
    params.set("applicant", found.id);
  } else if (search) params.set("q", search.value);
  return params.size ? `/office/window/cases?${params}` : "/office/window/cases";
}
