// The case queues at more open cases than one page: the first page is the true order by due date,
// paging reaches every case exactly once, the counts are right, and the filters filter.
import { beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "@/lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { listCaseQueue, type CaseQueueRow } from "@/lib/server/cases/list-case-queue";
import { listIntakeQueue } from "@/lib/server/applications/list-intake-queue";
import { listAuditEvents } from "@/lib/server/supervision/list-audit-events";
import { listIssuingQueue } from "@/lib/server/certificates/list-issuing-queue";
import { listMyApplications } from "@/lib/server/applications/list-my-applications";
import { listMessages } from "@/lib/server/applications/messages";
import { db } from "@/lib/server/db";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

const NOW = new Date("2026-11-16T02:00:00Z"); // Monday 16 Nov 2026, 10:00 in Beijing
let reviewer: Actor, director: Actor, clerk: Actor;
let sectionItem: Awaited<ReturnType<typeof createItem>>, otherItem: Awaited<ReturnType<typeof createItem>>, instantItem: Awaited<ReturnType<typeof createItem>>;

/** `n` cases of one item, set-based: due dates spread over ±60 days, states, channels and suspensions mixed. */
async function insertCases(item: Awaited<ReturnType<typeof createItem>>, applicantId: string, n: number, tag: string) {
  await db().$executeRawUnsafe(
    `INSERT INTO "Application" (id, number, "submissionKey", "applicantId", "filedById", channel, "itemId", "itemVersionId", state, subject, "contactName", "contactPhone",
       "submittedAt", "acceptedAt", "promisedDue", "statutoryDue", "clockSuspended", "updatedAt")
     SELECT '${tag}' || g, '511602-${tag}-' || lpad(g::text, 5, '0'), gen_random_uuid()::text, $1, $1,
            (CASE WHEN g % 3 = 0 THEN 'WINDOW' ELSE 'ONLINE' END)::"FilingChannel", $2, $3,
            (CASE WHEN g % 10 = 0 THEN 'ISSUED' WHEN g % 4 = 0 THEN 'REVIEWED' ELSE 'ACCEPTED' END)::"ApplicationState",
            '排序测试', '张三', '13800000000', now(), now(),
            DATE '2026-11-16' + ((g * 37) % 121 - 60), DATE '2026-11-16' + ((g * 37) % 121 - 40), g % 7 = 0, now()
     FROM generate_series(1, ${n}) g`,
    applicantId,
    item.item.id,
    item.version.id,
  );
}

/** The truth, by plain SQL: the open cases of these items in due-date order. */
async function truth(itemIds: string[]) {
  return db().$queryRawUnsafe<{ id: string; promisedDue: Date; clockSuspended: boolean; state: string; channel: string; number: string }[]>(
    `SELECT id, "promisedDue", "clockSuspended", state::text, channel::text, number FROM "Application"
     WHERE state IN ('ACCEPTED', 'ACCEPTED_WITH_DEFICIENCIES', 'REVIEWED', 'ESCALATED', 'FORWARDED') AND "itemId" = ANY($1)
     ORDER BY "promisedDue", id`,
    itemIds,
  );
}

async function allPages(actor: Actor, filter: Record<string, string> = {}) {
  const seen: CaseQueueRow[] = [];
  let after: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await listCaseQueue({ actor, now: NOW, filter: { ...filter, after } });
    seen.push(...page.rows);
    if (!page.next) return seen;
    after = page.next;
  }
  throw new Error("paging did not end");
}

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  sectionItem = await createItem(db(), { promisedDays: 10, statutoryDays: 20 });
  otherItem = await createItem(db(), { promisedDays: 10, statutoryDays: 20 });
  instantItem = await createItem(db(), { kind: "INSTANT", promisedDays: 0, statutoryDays: 20 });
  await db().item.update({ where: { id: instantItem.item.id }, data: { sectionId: sectionItem.section.id } });
  const applicant = await createUser(db(), { role: "APPLICANT" });
  reviewer = actorOf(await createUser(db(), { role: "REVIEWER", sectionId: sectionItem.section.id }));
  director = actorOf(await createUser(db(), { role: "DIRECTOR" }));
  clerk = actorOf(await createUser(db(), { role: "CLERK" }));
  // 130 filings waiting at the window, submitted over the last days (some at the same instant).
  await db().$executeRawUnsafe(
    `INSERT INTO "Application" (id, number, "submissionKey", "applicantId", "filedById", channel, "itemId", "itemVersionId", state, subject, "contactName", "contactPhone", "submittedAt", "updatedAt")
     SELECT 'in' || g, '511602-in-' || lpad(g::text, 5, '0'), gen_random_uuid()::text, $1, $1, (CASE WHEN g % 4 = 0 THEN 'WINDOW' ELSE 'ONLINE' END)::"FilingChannel", $2, $3,
            'SUBMITTED', '受理测试', '张三', '13800000000', TIMESTAMP '2026-11-10 08:00' + ((g * 53) % 97) * INTERVAL '1 hour', now()
     FROM generate_series(1, 130) g`,
    applicant.id,
    sectionItem.item.id,
    sectionItem.version.id,
  );
  await insertCases(sectionItem, applicant.id, 160, "qa");
  await insertCases(otherItem, applicant.id, 90, "qb");
  await insertCases(instantItem, applicant.id, 30, "qc");
});

describe("case queues", () => {
  it("the section's first page is the true order by due date; paging reaches every case once; instant items and other sections stay out", async () => {
    const expected = await truth([sectionItem.item.id]);
    expect(expected.length).toBeGreaterThan(100);
    const first = await listCaseQueue({ actor: reviewer, now: NOW });
    expect(first.rows).toHaveLength(50);
    expect(first.rows.map((r) => r.id)).toEqual(expected.slice(0, 50).map((r) => r.id));
    const all = await allPages(reviewer);
    expect(all.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it("the counts above the list are the section's open, overdue, due-soon and suspended cases; the marks agree with them", async () => {
    const expected = await truth([sectionItem.item.id]);
    const page = await listCaseQueue({ actor: reviewer, now: NOW });
    const all = await allPages(reviewer);
    expect(page.counts.open).toBe(expected.length);
    expect(page.counts.suspended).toBe(expected.filter((r) => r.clockSuspended).length);
    expect(page.counts.overdue).toBe(all.filter((r) => r.mark === "overdue").length);
    expect(page.counts.soon).toBe(all.filter((r) => r.mark === "soon").length);
    expect(page.counts.overdue).toBe(expected.filter((r) => !r.clockSuspended && r.promisedDue.toISOString().slice(0, 10) < "2026-11-16").length);
  });

  it("filters: overdue only, a state, a channel, the start of a number; a malformed cursor is the first page", async () => {
    const overdue = await allPages(reviewer, { mark: "overdue" });
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((r) => r.mark === "overdue")).toBe(true);
    const reviewed = await allPages(reviewer, { state: "REVIEWED" });
    expect(reviewed.length).toBe((await truth([sectionItem.item.id])).filter((r) => r.state === "REVIEWED").length);
    expect(reviewed.every((r) => r.state === "REVIEWED")).toBe(true);
    const window = await allPages(reviewer, { channel: "WINDOW" });
    expect(window.length).toBe((await truth([sectionItem.item.id])).filter((r) => r.channel === "WINDOW").length);
    const byNumber = await allPages(reviewer, { q: "511602-qa-0001" });
    expect(byNumber.map((r) => r.number).sort()).toEqual((await truth([sectionItem.item.id])).map((r) => r.number).filter((n) => n.startsWith("511602-qa-0001")).sort());
    expect((await listCaseQueue({ actor: reviewer, now: NOW, filter: { after: "'; DROP TABLE x;--" } })).rows[0].id).toBe((await truth([sectionItem.item.id]))[0].id);
    // The shape of a date that is none (found by the route fuzz): the first page, not a database error.
    expect((await listCaseQueue({ actor: reviewer, now: NOW, filter: { after: "2026-13-45~x" } })).rows[0].id).toBe((await truth([sectionItem.item.id]))[0].id);
    expect((await listIntakeQueue({ actor: clerk, filter: { after: "2026-13-45T99:00:00Z~x" } })).rows.length).toBeGreaterThan(0);
    expect((await listCaseQueue({ actor: reviewer, now: NOW, filter: { state: "ISSUED" } })).rows).toEqual([]);
  });

  it("the director's queue holds every section and instant items, in the same true order", async () => {
    const expected = await truth([sectionItem.item.id, otherItem.item.id, instantItem.item.id]);
    const first = await listCaseQueue({ actor: director, now: NOW, filter: { q: "511602-q" } });
    expect(first.rows.map((r) => r.id)).toEqual(expected.slice(0, 50).map((r) => r.id));
    expect(first.counts.open).toBe(expected.length);
  });
});

describe("the intake queue", () => {
  it("pages oldest first through every waiting filing once; the newest filing is the first row when asked newest first; the counts are right", async () => {
    const expected = await db().$queryRawUnsafe<{ id: string; channel: string }[]>(`SELECT id, channel::text FROM "Application" WHERE state = 'SUBMITTED' ORDER BY "submittedAt", id`);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listIntakeQueue({ actor: clerk, filter: { after } });
      seen.push(...page.rows.map((r) => r.id));
      after = page.next ?? undefined;
    } while (after);
    expect(seen).toEqual(expected.map((r) => r.id));
    const newest = await listIntakeQueue({ actor: clerk, filter: { order: "newest" } });
    expect(newest.rows.slice(0, 50).map((r) => r.id)).toEqual([...expected].reverse().slice(0, 50).map((r) => r.id));
    expect(newest.counts).toMatchObject({ waiting: expected.length, window: expected.filter((r) => r.channel === "WINDOW").length, resubmitted: 0 });
    const window = await listIntakeQueue({ actor: clerk, filter: { channel: "WINDOW", q: "511602-in-0001" } });
    expect(window.rows.every((r) => r.channel === "WINDOW" && r.number!.startsWith("511602-in-0001"))).toBe(true);
    await expect(listIntakeQueue({ actor: reviewer })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the audit trail", () => {
  it("a supervisor reaches its first event directly, and pages through every event once either way", async () => {
    const supervisor = actorOf(await createUser(db(), { role: "SUPERVISOR" }));
    await db().$executeRawUnsafe(`INSERT INTO "AuditEvent" (action, "entityType", "entityId", after) SELECT 'test.paging', 'Test', 't' || g, jsonb_build_object('n', g) FROM generate_series(1, 240) g`);
    const ids = (await db().auditEvent.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((e) => e.id.toString());
    const first = await listAuditEvents({ actor: supervisor, order: "oldest", take: 100 });
    expect(first.events[0].id).toBe(ids[0]);
    for (const order of ["oldest", "newest"] as const) {
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await listAuditEvents({ actor: supervisor, order, after, take: 100 });
        seen.push(...page.events.map((e) => e.id));
        after = page.next ?? undefined;
      } while (after);
      expect(seen).toEqual(order === "oldest" ? ids : [...ids].reverse());
    }
    expect((await listAuditEvents({ actor: supervisor, after: "not-a-number" })).events[0].id).toBe(ids[ids.length - 1]);
  });
});

describe("the issuing queue", () => {
  it("pages approved cases by decision time, every one once; the counts agree with the art. 44 marks of the rows", async () => {
    const applicant = await createUser(db(), { role: "APPLICANT" });
    await db().$executeRawUnsafe(
      `INSERT INTO "Application" (id, number, "submissionKey", "applicantId", "filedById", channel, "itemId", "itemVersionId", state, subject, "contactName", "contactPhone", "decidedAt", "updatedAt")
       SELECT 'is' || g, '511602-is-' || lpad(g::text, 5, '0'), gen_random_uuid()::text, $1, $1, 'ONLINE', $2, $3, 'AWAITING_SEAL', '发证测试', '张三', '13800000000',
              TIMESTAMP '2026-10-20 01:00' + ((g * 29) % 41) * INTERVAL '20 hours', now()
       FROM generate_series(1, 120) g`,
      applicant.id,
      sectionItem.item.id,
      sectionItem.version.id,
    );
    const expected = await db().$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Application" WHERE state = 'AWAITING_SEAL' ORDER BY "decidedAt", id`);
    const rows = [];
    let after: string | undefined;
    let counts;
    do {
      const page = await listIssuingQueue({ actor: clerk, now: NOW, filter: { after } });
      rows.push(...page.rows);
      counts = page.counts;
      after = page.next ?? undefined;
    } while (after);
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(counts).toEqual({ waiting: 120, overdue: rows.filter((r) => r.mark === "overdue").length, soon: rows.filter((r) => r.mark === "soon").length });
    expect(counts!.overdue).toBeGreaterThan(0);
    expect(counts!.soon).toBeGreaterThan(0);
    const overdue = await listIssuingQueue({ actor: clerk, now: NOW, filter: { mark: "overdue" } });
    expect(overdue.rows.every((r) => r.mark === "overdue")).toBe(true);
  });
});

describe("the applicant's own lists", () => {
  it("applications and inbox page newest first through every row once, and only the applicant's own", async () => {
    const frequent = actorOf(await createUser(db(), { role: "APPLICANT" }));
    await db().$executeRawUnsafe(
      `INSERT INTO "Application" (id, "submissionKey", "applicantId", "filedById", channel, "itemId", "itemVersionId", state, subject, "contactName", "contactPhone", "createdAt", "updatedAt")
       SELECT 'my' || g, gen_random_uuid()::text, $1, $1, 'ONLINE', $2, $3, 'DRAFT', '草稿', '张三', '13800000000', TIMESTAMP '2026-01-01' + (g / 3) * INTERVAL '1 day', now()
       FROM generate_series(1, 55) g`,
      frequent.id,
      sectionItem.item.id,
      sectionItem.version.id,
    );
    await db().$executeRawUnsafe(
      `INSERT INTO "Message" (id, "userId", kind, params, "createdAt") SELECT 'mm' || g, $1, 'SUBMIT', '{}'::jsonb, TIMESTAMP '2026-02-01' + (g / 4) * INTERVAL '1 hour' FROM generate_series(1, 130) g`,
      frequent.id,
    );
    const apps: string[] = [];
    let after: string | undefined;
    do {
      const page = await listMyApplications({ actor: frequent, after });
      expect(page.total).toBe(55);
      apps.push(...page.rows.map((r) => r.id));
      after = page.next ?? undefined;
    } while (after);
    const expectedApps = await db().application.findMany({ where: { applicantId: frequent.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(apps).toEqual(expectedApps.map((a) => a.id));
    const messages: string[] = [];
    do {
      const page = await listMessages({ actor: frequent, after });
      messages.push(...page.rows.map((r) => r.id));
      after = page.next ?? undefined;
    } while (after);
    const expectedMessages = await db().message.findMany({ where: { userId: frequent.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(messages).toEqual(expectedMessages.map((m) => m.id));
    expect(messages).toHaveLength(130);
  });
});
