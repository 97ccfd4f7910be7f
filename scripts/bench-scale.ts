// `npm run bench:scale`: every back-office list and the case file at 10 k / 100 k / 1 M applications
// (BENCH_SCALE_SIZES to choose), on a throw-away database filled with set-based SQL the way a
// province fills it: 3 % of filings recent, of which about two thirds open (≈ 1.9 % of all), a
// quarter waiting at the window (≈ 0.7 %), some awaiting the seal; older ones issued, denied,
// rejected or withdrawn; running suspensions, clock entries, ~5 audit events and 2 inbox messages per
// application. For each list it times the service call and, interleaved in the same run, the plain SQL
// that returns the same rows (node-postgres, no Prisma), and prints p50/p95 and their ratio. It also
// checks that each queue's first page equals the true order by due date. Prints; asserts nothing.
// The supervision figures (docs/decisions/017) are measured too: the dashboard of a day, a week, this
// month and a month a year back, and the public statistics, against the same statements sent by
// node-postgres; the first view, which sums a year of closed days, is timed on its own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import holidays from "../prisma/data/cn-holidays-2007-2026.json";
import type { Actor } from "../lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "../lib/domain/calendar/holiday-data";
import { listIntakeQueue } from "../lib/server/applications/list-intake-queue";
import { listMyApplications } from "../lib/server/applications/list-my-applications";
import { listMessages } from "../lib/server/applications/messages";
import { seedCalendarYears } from "../lib/server/calendar/working-calendar";
import { getCaseFile } from "../lib/server/cases/get-case-file";
import { listCaseQueue } from "../lib/server/cases/list-case-queue";
import { listIssuingQueue } from "../lib/server/certificates/list-issuing-queue";
import { db } from "../lib/server/db";
import { listAuditEvents } from "../lib/server/supervision/list-audit-events";
import { getPublicStatistics } from "../lib/server/statistics/get-public-statistics";
import { getSupervisionDashboard } from "../lib/server/statistics/get-supervision-dashboard";
import { figureRowsSql, lastSummedDay } from "../lib/server/statistics/daily-figures";
import { toPlainDate } from "../lib/domain/calendar/working-days";
import { periodOf, periodInstants, shiftPeriod, trendOf, type Period } from "../lib/domain/statistics/period";
import { APPROVAL_QUEUE_STATES } from "../lib/domain/workflow/state-facts";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/prisma-cli";
import { pct } from "./lib/stats";

const SIZES = (process.env.BENCH_SCALE_SIZES ?? "10000,100000,1000000").split(",").map((s) => Number(s.trim()));
const REPS = Number(process.env.BENCH_SCALE_REPS ?? 60);
const ITEMS = 280;
const SECTIONS = 10;
const OPEN = "'ACCEPTED', 'ACCEPTED_WITH_DEFICIENCIES', 'REVIEWED', 'ESCALATED', 'FORWARDED'";


/** Fills one database with `n` applications and everything around them, set-based. */
async function fill(client: pg.Client, n: number) {
  const applicants = Math.max(500, Math.floor(n / 20));
  const recent = Math.floor(n * 0.03);
  const t0 = performance.now();
  // Bulk load without the audit chain's per-row trigger (hashes stay empty: the lists do not read them).
  await client.query("SET session_replication_role = replica");
  await client.query(`
    INSERT INTO "Department" (id, code, name) SELECT 'd' || s, 'D' || s, '部门' || s FROM generate_series(1, ${SECTIONS}) s;
    INSERT INTO "Section" (id, code, name) SELECT 's' || s, 'S' || s, '审批' || s || '科' FROM generate_series(1, ${SECTIONS}) s;
    INSERT INTO "Item" (id, "implementationCode", "basicCode", "taskType", "departmentId", "sectionId", "updatedAt")
      SELECT 'i' || k, 'BENCH-' || k, 'B' || k, 1, 'd' || (k % ${SECTIONS} + 1), 's' || (k % ${SECTIONS} + 1), now() FROM generate_series(0, ${ITEMS - 1}) k;
    INSERT INTO "ItemVersion" (id, "itemId", version, name, kind, "legalBasis", "processSteps", "statutoryDays", "promisedDays", "feeNote", "visitsRequired")
      SELECT 'v' || k, 'i' || k, 1, '许可事项' || k, (CASE WHEN k % 10 < 3 THEN 'INSTANT' ELSE 'PROMISED' END)::"ItemKind", '《行政许可法》', ARRAY['受理','决定'], 20, 5 + k % 11, '不收费', 0
      FROM generate_series(0, ${ITEMS - 1}) k;
    UPDATE "Item" SET "currentVersionId" = 'v' || substr(id, 2);
    INSERT INTO "User" (id, "loginId", name, "passwordHash", role, "applicantType", "residentId", "updatedAt")
      SELECT 'ap' || g, 'AP' || g, '申请人' || g, 'x', 'APPLICANT', 'PERSON', lpad(g::text, 18, '0'), now() FROM generate_series(1, ${applicants}) g;
    INSERT INTO "User" (id, "loginId", name, "passwordHash", role, "sectionId", "updatedAt")
      SELECT 'rv' || s, 'RV' || s, '审查员' || s, 'x', 'REVIEWER'::"Role", 's' || s, now() FROM generate_series(1, ${SECTIONS}) s
      UNION ALL SELECT 'ch' || s, 'CH' || s, '科长' || s, 'x', 'CHIEF'::"Role", 's' || s, now() FROM generate_series(1, ${SECTIONS}) s
      UNION ALL SELECT 'dir', 'DIR', '局长', 'x', 'DIRECTOR'::"Role", NULL::text, now()
      UNION ALL SELECT 'clk', 'CLK', '窗口', 'x', 'CLERK'::"Role", NULL, now()
      UNION ALL SELECT 'sup', 'SUP', '监察', 'x', 'SUPERVISOR'::"Role", NULL, now();
    INSERT INTO "Delegation" (id, number, "granteeUserId", "sectionIds", "itemIds", scope, "validFrom", "validTo", "grantedById", note)
      SELECT 'dg' || s, '广安审批授〔2026〕' || s || '号', 'ch' || s, ARRAY['s' || s], ARRAY[]::text[], 'INSTANT_AND_PROMISED', DATE '2026-01-01', DATE '2027-12-31', 'dir', '年度授权'
      FROM generate_series(1, ${SECTIONS}) s;
    INSERT INTO "Material" (id, "itemVersionId", position, name, kind)
      SELECT 'mat' || k || '-' || m, 'v' || k, m, '材料' || m, (CASE WHEN m = 3 THEN 'SUPPLEMENTARY' ELSE 'CORE' END)::"MaterialKind" FROM generate_series(0, ${ITEMS - 1}) k CROSS JOIN generate_series(1, 3) m;
  `);
  // Applications: created over five years, newest last; the most recent 3 % still in motion.
  await client.query(`
    INSERT INTO "Application" (id, number, "submissionKey", "applicantId", "filedById", channel, "itemId", "itemVersionId", state, subject, "contactName", "contactPhone",
                               "createdAt", "submittedAt", "acceptedAt", "promisedDue", "statutoryDue", "decidedAt", "clockSuspended", "updatedAt",
                               "rejectionReason", "rejectionBasis", "decisionReason", "decisionBasis", "acceptedById", "decidedById")
    SELECT 'a' || g, '511602-' || to_char(c, 'YYYYMMDD') || '-' || lpad(g::text, 7, '0'), 'k' || g, 'ap' || (g % ${applicants} + 1), 'ap' || (g % ${applicants} + 1),
           (CASE WHEN r % 3 = 0 THEN 'WINDOW' ELSE 'ONLINE' END)::"FilingChannel", 'i' || (g * 31 % ${ITEMS}), 'v' || (g * 31 % ${ITEMS}), st::"ApplicationState",
           '经营场所：广安区某路' || g || '号', '联系人', '13800000000', c, c + interval '1 hour',
           CASE WHEN st IN ('SUBMITTED', 'REJECTED', 'WITHDRAWN') THEN NULL ELSE c + interval '1 day' END,
           CASE WHEN st IN ('SUBMITTED', 'REJECTED', 'WITHDRAWN') THEN NULL ELSE (c + interval '1 day')::date + (7 + (g * 31 % ${ITEMS}) % 11)::int END,
           CASE WHEN st IN ('SUBMITTED', 'REJECTED', 'WITHDRAWN') THEN NULL ELSE (c + interval '1 day')::date + 28 END,
           CASE WHEN st IN ('AWAITING_SEAL', 'ISSUED', 'DENIED') THEN c + interval '9 days' END,
           st IN (${OPEN}) AND r % 13 = 0, now(),
           CASE WHEN st = 'REJECTED' THEN '不属于本机关职权范围' END, CASE WHEN st = 'REJECTED' THEN '《行政许可法》第三十二条' END,
           CASE WHEN st = 'DENIED' THEN '不符合法定条件' END, CASE WHEN st = 'DENIED' THEN '《行政许可法》第三十八条' END,
           CASE WHEN st IN ('SUBMITTED', 'REJECTED', 'WITHDRAWN') THEN NULL ELSE 'clk' END,
           CASE WHEN st IN ('AWAITING_SEAL', 'ISSUED', 'DENIED') THEN 'ch' || ((g * 31 % ${ITEMS}) % ${SECTIONS} + 1) END
    FROM (
      SELECT g, r, c,
             CASE WHEN g > ${n - recent} THEN
                    CASE WHEN r2 < 65 THEN (CASE WHEN r < 50 THEN 'ACCEPTED' WHEN r < 70 THEN 'REVIEWED' WHEN r < 80 THEN 'ACCEPTED_WITH_DEFICIENCIES' WHEN r < 95 THEN 'ESCALATED' ELSE 'FORWARDED' END)
                         WHEN r2 < 88 THEN 'SUBMITTED' WHEN r2 < 92 THEN 'AWAITING_SEAL' ELSE 'ISSUED' END
                  ELSE CASE WHEN r < 85 THEN 'ISSUED' WHEN r < 89 THEN 'DENIED' WHEN r < 94 THEN 'REJECTED' ELSE 'WITHDRAWN' END
             END AS st
      FROM (SELECT g, (g * 7919) % 100 AS r, (g * 104729) % 100 AS r2,
                   now() - ((${n} - g)::float8 * (5 * 365 * 86400.0 / ${n})) * interval '1 second' AS c
            FROM generate_series(1::bigint, ${n}::bigint) g) x
    ) y`);
  // Running suspensions of the suspended cases, and a finished one for a tenth of the others.
  await client.query(`
    INSERT INTO "ClockEntry" (id, "applicationId", kind, reason, "startedOn", "endedOn", "orderedById")
    SELECT 'ce' || a.id, a.id, 'SUSPENSION'::"ClockEntryKind", 'EXPERT_REVIEW'::"SuspensionReason", a."acceptedAt"::date + 2, NULL, 'rv1' FROM "Application" a WHERE a."clockSuspended"
    UNION ALL
    SELECT 'cf' || a.id, a.id, 'SUSPENSION'::"ClockEntryKind", 'TESTING'::"SuspensionReason", a."acceptedAt"::date + 1, a."acceptedAt"::date + 3, 'rv1' FROM "Application" a
    WHERE NOT a."clockSuspended" AND a."acceptedAt" IS NOT NULL AND hashtext(a.id) % 10 = 0`);
  // The certificates of the issued cases (issued the day after the decision), and cards: a yellow one
  // for one case in twenty after acceptance, and a red one for a third of those, closed once decided.
  await client.query(`
    INSERT INTO "Seal" (id, name, holder, status, "archivedAt") VALUES ('bench-seal', '测试审批专用章', '局长', 'ARCHIVED', now());
    INSERT INTO "Certificate" (id, identifier, number, "applicationId", "originalOf", "itemId", "itemVersionId", name, "typeCode", "holderName", "holderIdType", "holderId",
       "issuerName", "issuerCode", "issuedOn", "validFrom", content, "decisionRef", "sealId", "pdfSha256", "canonicalRecord", "recordSm3", "sm2Signature", "createdAt")
    SELECT 'c' || a.id, 'ident-' || a.id, 'no-' || a.id, a.id, a.id, a."itemId", a."itemVersionId", '许可证', 'T', '持证人', '身份证', 'x', '审批局', 'c',
           (a."decidedAt" + interval '1 day')::date, (a."decidedAt" + interval '1 day')::date, '{}', 'r', 'bench-seal', 'sha-' || a.id, '{}', 's', 's', a."decidedAt" + interval '1 day'
    FROM "Application" a WHERE a.state = 'ISSUED';
    INSERT INTO "Card" (id, "applicationId", kind, colour, "dueOn", "responsibleId", "sectionId", "raisedAt", "closedAt")
    SELECT 'cd' || k || a.id, a.id, 'PROMISED'::"CardKind", (CASE WHEN k = 1 THEN 'YELLOW' ELSE 'RED' END)::"CardColour", a."promisedDue",
           'ch' || substr(i."sectionId", 2), i."sectionId", a."acceptedAt" + (4 + k) * interval '1 day', a."decidedAt"
    FROM "Application" a JOIN "Item" i ON i.id = a."itemId" CROSS JOIN generate_series(1, 2) k
    WHERE a."acceptedAt" IS NOT NULL AND hashtext(a.id || 'card') % 20 = 0 AND (k = 1 OR hashtext(a.id) % 3 = 0)`);
  // Materials of the filings at the window (the intake queue counts them).
  await client.query(`
    INSERT INTO "ApplicationMaterial" (id, "applicationId", "materialId", "updatedAt")
    SELECT 'am' || a.id || '-' || m, a.id, 'mat' || substr(a."itemVersionId", 2) || '-' || m, now() FROM "Application" a CROSS JOIN generate_series(1, 3) m WHERE a.state = 'SUBMITTED'`);
  // The trail (~5 events each) and the inbox (2 messages each).
  await client.query(`
    INSERT INTO "AuditEvent" (at, "actorId", "actorRole", action, "entityType", "entityId", after)
    SELECT a."createdAt" + k * interval '1 hour', CASE WHEN k = 1 THEN a."applicantId" ELSE 'rv1' END, (CASE WHEN k = 1 THEN 'APPLICANT' ELSE 'REVIEWER' END)::"Role",
           (ARRAY['application.created', 'application.SUBMIT', 'application.ACCEPT', 'application.RECORD_REVIEW', 'application.APPROVE'])[k], 'Application', a.id, jsonb_build_object('step', k)
    FROM "Application" a CROSS JOIN generate_series(1, 5) k ORDER BY a."createdAt", k`);
  await client.query(`
    INSERT INTO "Message" (id, "userId", "applicationId", kind, params, "createdAt")
    SELECT 'm' || k || a.id, a."applicantId", a.id, (ARRAY['SUBMIT', 'ACCEPT'])[k], jsonb_build_object('number', a.number, 'item', '许可事项'), a."createdAt" + k * interval '1 hour'
    FROM "Application" a CROSS JOIN generate_series(1, 2) k`);
  await client.query("SET session_replication_role = origin");
  await client.query("VACUUM ANALYZE");
  const { rows } = await client.query<{ open: number; intake: number; seal: number; events: string; messages: string }>(`
    SELECT (SELECT count(*) FROM "Application" WHERE state IN (${OPEN}))::int AS open, (SELECT count(*) FROM "Application" WHERE state = 'SUBMITTED')::int AS intake,
           (SELECT count(*) FROM "Application" WHERE state = 'AWAITING_SEAL')::int AS seal, (SELECT count(*) FROM "AuditEvent") AS events, (SELECT count(*) FROM "Message") AS messages`);
  return { ...rows[0], applicants, seconds: (performance.now() - t0) / 1000 };
}

type Measure = { name: string; service: () => Promise<unknown>; sql: () => Promise<unknown> };

/** Service and plain SQL alternately, REPS times each after a warm-up: p50/p95 of both. */
async function measure(m: Measure) {
  for (let i = 0; i < 3; i++) {
    await m.service();
    await m.sql();
  }
  const service: number[] = [];
  const sql: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const first = i % 2 === 0;
    for (const which of first ? ["service", "sql"] : ["sql", "service"]) {
      const t = performance.now();
      await (which === "service" ? m.service() : m.sql());
      (which === "service" ? service : sql).push(performance.now() - t);
    }
  }
  return { name: m.name, s50: pct(service, 50), s95: pct(service, 95), q50: pct(sql, 50), q95: pct(sql, 95) };
}

async function main() {
  const server = process.env.TEST_DATABASE_ADMIN_URL
    ? { adminUrl: process.env.TEST_DATABASE_ADMIN_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `bureau-bench-scale-${process.pid}`), preferredPort: 54397, persistent: false });
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "bench-scale-uploads-"));
  const tables: string[] = [];
  try {
    for (const n of SIZES) {
      const database = `bench_scale_${n}_${process.pid}`;
      await ensureDatabase(server.adminUrl, database);
      const url = withDatabase(server.adminUrl, database);
      process.env.DATABASE_URL = url;
      migrateDeploy(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
        const facts = await fill(client, n);
        tables.push(await benchOne(client, n, facts));
      } finally {
        await client.end();
        await db().$disconnect();
        await dropDatabase(server.adminUrl, database).catch(() => {});
      }
    }
  } finally {
    await server.stop();
  }
  console.log(`\n${tables.join("\n\n")}`);
}

const actor = (id: string, role: Actor["role"], sectionId: string | null = null): Actor => ({ id, role, name: id, sectionId });

/** The page query and the counts query of a case queue, as plain SQL (the same rows the service returns). */
function queueSql(client: pg.Client, states: string, scope: string) {
  return () =>
    Promise.all([
      client.query(`SELECT a.id, a.number, a.state, a."promisedDue", a."statutoryDue", a."clockSuspended", a."acceptedAt", v.name, v.kind, v."promisedDays", v."statutoryDays", u.name
                    FROM "Application" a JOIN "ItemVersion" v ON v.id = a."itemVersionId" JOIN "User" u ON u.id = a."applicantId"
                    WHERE a.state IN (${states}) ${scope} ORDER BY a."promisedDue", a.id LIMIT 51`),
      client.query(`SELECT count(*), count(*) FILTER (WHERE NOT a."clockSuspended" AND a."promisedDue" < current_date),
                           count(*) FILTER (WHERE NOT a."clockSuspended" AND a."promisedDue" >= current_date AND a."promisedDue" < current_date + 5), count(*) FILTER (WHERE a."clockSuspended")
                    FROM "Application" a WHERE a.state IN (${states}) ${scope}`),
    ]);
}

/** A Prisma.Sql statement's text and values as node-postgres takes them (instants as UTC, as Prisma sends them). */
function pgStatement(sql: { text: string; values: unknown[] }): [string, unknown[]] {
  return [sql.text, sql.values.map((v) => (v instanceof Date ? v.toISOString() : v))];
}

const SUMS = `sum(received)::int, sum(accepted)::int, sum(decided)::int, sum("onTimePromised")::int, sum("onTimeStatutory")::int, sum("daysCounted")::int, sum("daysUsed")::int,
  sum("promisedDays")::int, sum("statutoryDays")::int, sum("instantReceived")::int, sum("instantSameDay")::int, sum(issued)::int`;
const COUNTS = `received, accepted, decided, "onTimePromised", "onTimeStatutory", "daysCounted", "daysUsed", "promisedDays", "statutoryDays", "instantReceived", "instantSameDay", issued`;

/**
 * The statements the dashboard (or, with `forPublic`, the public statistics) sends for one period,
 * sent by node-postgres over a pool of four, as the service's pool sends them at once: the period's
 * summed days, the trend's summed totals, the live days counted from the cases, and (dashboard) what
 * is overdue now, the cards, and the names.
 */
function figuresSql(pool: pg.Pool, period: Period, trendFrom: string, forPublic = false) {
  const today = toPlainDate(new Date());
  const last = lastSummedDay(today);
  const closedTo = period.to < last ? period.to : last;
  const trendTo = closedTo;
  const liveFrom = (() => {
    const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return trendFrom > next ? trendFrom : next;
  })();
  const { start, end } = periodInstants(period);
  const dims = forPublic ? "'ITEM'" : "'TOTAL', 'ITEM', 'STAFF'";
  return () =>
    Promise.all([
      period.from <= closedTo ? pool.query(`SELECT dimension, key, ${SUMS} FROM "DailyFigure" WHERE dimension IN (${dims}) AND day >= $1::date AND day <= $2::date GROUP BY dimension, key`, [period.from, closedTo]) : null,
      trendFrom <= trendTo ? pool.query(`SELECT day, ${COUNTS} FROM "DailyFigure" WHERE dimension = 'TOTAL' AND day >= $1::date AND day <= $2::date`, [trendFrom, trendTo]) : null,
      liveFrom <= period.to ? pool.query(...pgStatement(figureRowsSql({ from: liveFrom, to: period.to }))) : null,
      pool.query(`SELECT id, code, name FROM "Section" ORDER BY code`),
      ...(forPublic
        ? [pool.query(`SELECT id, "sectionId" FROM "Item"`)]
        : [
            pool.query(
              `SELECT a."itemId", count(*) FILTER (WHERE a."promisedDue" < $1::date)::int, count(*) FILTER (WHERE a."statutoryDue" < $1::date)::int FROM "Application" a
               WHERE a.state IN ('ACCEPTED', 'ACCEPTED_WITH_DEFICIENCIES', 'REVIEWED', 'ESCALATED') AND NOT a."clockSuspended" AND (a."promisedDue" < $1::date OR a."statutoryDue" < $1::date) GROUP BY a."itemId"`,
              [today],
            ),
            pool.query(
              `SELECT GROUPING(a."itemId") = 1, c.colour, a."itemId", c."responsibleId", count(*)::int FROM "Card" c JOIN "Application" a ON a.id = c."applicationId"
               WHERE c."raisedAt" >= $1 AND c."raisedAt" < $2 GROUP BY GROUPING SETS ((c.colour, a."itemId"), (c.colour, c."responsibleId"))`,
              [start.toISOString(), end.toISOString()],
            ),
            pool.query(`SELECT colour, count(*)::int FROM "Card" WHERE "closedAt" IS NULL GROUP BY colour`),
            pool.query(`SELECT i.id, i."implementationCode", i."sectionId", v.name FROM "Item" i LEFT JOIN "ItemVersion" v ON v.id = i."currentVersionId"`),
            pool.query(`SELECT id, name, "loginId", role FROM "User" WHERE role <> 'APPLICANT'`),
          ]),
    ]);
}

async function benchOne(client: pg.Client, n: number, facts: Awaited<ReturnType<typeof fill>>) {
  const director = actor("dir", "DIRECTOR");
  const reviewer = actor("rv1", "REVIEWER", "s1");
  const chief = actor("ch1", "CHIEF", "s1");
  const clerk = actor("clk", "CLERK");
  const supervisor = actor("sup", "SUPERVISOR");
  const applicant = actor("ap1", "APPLICANT");
  const section = `AND a."itemVersionId" IN (SELECT sv.id FROM "ItemVersion" sv JOIN "Item" i ON i.id = sv."itemId" WHERE i."sectionId" = 's1' AND sv.kind <> 'INSTANT')`;

  // The true order by due date (written independently, with plain joins), and whether each queue's first page is exactly it.
  const bySection = `AND i."sectionId" = 's1' AND v.kind <> 'INSTANT'`;
  const truth = async (states: string, scope: string) =>
    (await client.query<{ id: string }>(`SELECT a.id FROM "Application" a JOIN "Item" i ON i.id = a."itemId" JOIN "ItemVersion" v ON v.id = a."itemVersionId" WHERE a.state IN (${states}) ${scope} ORDER BY a."promisedDue", a.id LIMIT 50`)).rows.map((r) => r.id);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const checks = [
    ["director's queue", same((await listCaseQueue({ actor: director })).rows.map((r) => r.id), await truth(OPEN, ""))],
    ["section queue", same((await listCaseQueue({ actor: reviewer })).rows.map((r) => r.id), await truth(OPEN, bySection))],
    ["approval queue", same((await listCaseQueue({ actor: chief, states: APPROVAL_QUEUE_STATES })).rows.map((r) => r.id), await truth("'REVIEWED'", bySection))],
  ] as const;

  // A deep page of the director's queue (the 20th), reached by its keyset cursor.
  let deep: string | undefined;
  for (let i = 0; i < 19; i++) deep = (await listCaseQueue({ actor: director, filter: { after: deep } })).next ?? deep;
  const [value, id] = (deep ?? "~").split("~");
  const openCase = (await listCaseQueue({ actor: director })).rows[0]?.id ?? "a1";
  const newestIntake = (await listIntakeQueue({ actor: clerk, filter: { order: "newest" } })).rows[0];
  const newestTruth = (await client.query<{ id: string }>(`SELECT id FROM "Application" WHERE state = 'SUBMITTED' ORDER BY "submittedAt" DESC, id DESC LIMIT 1`)).rows[0]?.id;
  const firstEvent = (await listAuditEvents({ actor: supervisor, order: "oldest" })).events[0]?.id;

  // The supervision figures. The first view sums a year of closed days at once (and the view of a
  // month a year back the year before it); every later view reads them and counts the last two days live.
  const today = toPlainDate(new Date());
  const thisMonth = periodOf("month", today);
  const yearAgo = shiftPeriod(thisMonth, -12);
  const timed = async (f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    return (performance.now() - t) / 1000;
  };
  const firstView = await timed(() => getSupervisionDashboard({ actor: director, query: { period: "month" } }));
  const firstYearAgo = await timed(() => getSupervisionDashboard({ actor: director, query: { period: "month", on: yearAgo.from } }));
  const summed = (await client.query<{ rows: number; days: number }>(`SELECT count(*)::int AS rows, (SELECT count(*)::int FROM "FigureDay") AS days FROM "DailyFigure"`)).rows[0];
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const dashboard = (kind: "day" | "week" | "month", on?: string) => {
    const p = periodOf(kind, on ?? today);
    return { service: () => getSupervisionDashboard({ actor: director, query: { period: kind, on } }), sql: figuresSql(pool, p, trendOf(p)[0].from) };
  };

  const measures: Measure[] = [
    { name: "supervision dashboard, today (+ 14-day trend)", ...dashboard("day") },
    { name: "supervision dashboard, this week (+ 12-week trend)", ...dashboard("week") },
    { name: "supervision dashboard, this month (+ 12-month trend)", ...dashboard("month") },
    { name: "supervision dashboard, a month a year back", ...dashboard("month", yearAgo.from) },
    { name: "public statistics (12 months, sections)", service: () => getPublicStatistics({}), sql: figuresSql(pool, thisMonth, trendOf(thisMonth)[0].from, true) },
    { name: "director's case queue, first page + counts", service: () => listCaseQueue({ actor: director }), sql: queueSql(client, OPEN, "") },
    {
      name: "director's case queue, 20th page",
      service: () => listCaseQueue({ actor: director, filter: { after: deep } }),
      sql: queueSql(client, OPEN, `AND (a."promisedDue", a.id) > ('${value}'::date, '${id}')`),
    },
    { name: "section queue (reviewer), first page + counts", service: () => listCaseQueue({ actor: reviewer }), sql: queueSql(client, OPEN, section) },
    { name: "approval queue (chief)", service: () => listCaseQueue({ actor: chief, states: APPROVAL_QUEUE_STATES }), sql: queueSql(client, "'REVIEWED'", section) },
    {
      name: "intake queue, newest first + counts",
      service: () => listIntakeQueue({ actor: clerk, filter: { order: "newest" } }),
      sql: () =>
        Promise.all([
          client.query(`SELECT a.id, a.number, a.channel, a."submittedAt", u.name, v.name,
                          (SELECT count(*) FROM "ApplicationMaterial" m WHERE m."applicationId" = a.id AND m."storedFileId" IS NOT NULL),
                          (SELECT count(*) FROM "ApplicationMaterial" m WHERE m."applicationId" = a.id),
                          EXISTS (SELECT 1 FROM "CorrectionNotice" c WHERE c."applicationId" = a.id)
                        FROM "Application" a JOIN "User" u ON u.id = a."applicantId" JOIN "ItemVersion" v ON v.id = a."itemVersionId"
                        WHERE a.state IN ('SUBMITTED') ORDER BY a."submittedAt" DESC, a.id DESC LIMIT 51`),
          client.query(`SELECT count(*), count(*) FILTER (WHERE a.channel = 'ONLINE'), count(*) FILTER (WHERE a.channel = 'WINDOW'),
                          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "CorrectionNotice" c WHERE c."applicationId" = a.id)) FROM "Application" a WHERE a.state IN ('SUBMITTED')`),
        ]),
    },
    {
      name: "issuing queue + counts",
      service: () => listIssuingQueue({ actor: clerk }),
      sql: () =>
        Promise.all([
          client.query(`SELECT a.id, a.number, a."decidedAt", u.name, v.name FROM "Application" a JOIN "User" u ON u.id = a."applicantId" JOIN "ItemVersion" v ON v.id = a."itemVersionId"
                        WHERE a.state IN ('AWAITING_SEAL') ORDER BY a."decidedAt", a.id LIMIT 51`),
          client.query(`SELECT count(*), count(*) FILTER (WHERE a."decidedAt"::date <= current_date - 14), count(*) FILTER (WHERE a."decidedAt"::date > current_date - 14 AND a."decidedAt"::date <= current_date - 7)
                        FROM "Application" a WHERE a.state IN ('AWAITING_SEAL')`),
        ]),
    },
    {
      name: "applicant's applications",
      service: () => listMyApplications({ actor: applicant }),
      sql: () =>
        Promise.all([
          client.query(`SELECT a.id, a.number, a.state, a.channel, a."createdAt", a."submittedAt", a."promisedDue", v.name FROM "Application" a JOIN "ItemVersion" v ON v.id = a."itemVersionId"
                        WHERE a."applicantId" = 'ap1' ORDER BY a."createdAt" DESC, a.id DESC LIMIT 21`),
          client.query(`SELECT count(*) FROM "Application" WHERE "applicantId" = 'ap1'`),
        ]),
    },
    {
      name: "applicant's inbox",
      service: () => listMessages({ actor: applicant }),
      sql: () => client.query(`SELECT id, kind, params, "createdAt", "readAt", "applicationId" FROM "Message" WHERE "userId" = 'ap1' ORDER BY "createdAt" DESC, id DESC LIMIT 51`),
    },
    {
      name: "audit trail, newest first",
      service: () => listAuditEvents({ actor: supervisor }),
      sql: () => client.query(`SELECT e.*, u.name, u."loginId" FROM (SELECT * FROM "AuditEvent" ORDER BY id DESC LIMIT 51) e LEFT JOIN "User" u ON u.id = e."actorId" ORDER BY e.id DESC`),
    },
    {
      name: "audit trail, from its first event",
      service: () => listAuditEvents({ actor: supervisor, order: "oldest" }),
      sql: () => client.query(`SELECT e.*, u.name, u."loginId" FROM (SELECT * FROM "AuditEvent" ORDER BY id LIMIT 51) e LEFT JOIN "User" u ON u.id = e."actorId" ORDER BY e.id`),
    },
    {
      name: "case file (director)",
      service: () => getCaseFile({ actor: director, applicationId: openCase }),
      sql: () =>
        Promise.all([
          client.query(`SELECT a.*, i.id, i."sectionId", i."implementationCode", v.name, v.kind, v."promisedDays", v."statutoryDays" FROM "Application" a JOIN "Item" i ON i.id = a."itemId" JOIN "ItemVersion" v ON v.id = a."itemVersionId" WHERE a.id = $1`, [openCase]),
          client.query(`SELECT * FROM "ClockEntry" WHERE "applicationId" = $1 ORDER BY "startedOn", "createdAt"`, [openCase]),
          client.query(`SELECT * FROM "ReviewOpinion" WHERE "applicationId" = $1 ORDER BY "createdAt"`, [openCase]),
          client.query(`SELECT count(*) FROM "ApplicationMaterial" WHERE "applicationId" = $1 AND verdict = 'OWED'`, [openCase]),
          client.query(`SELECT * FROM "Certificate" WHERE "applicationId" = $1 ORDER BY version DESC LIMIT 1`, [openCase]),
          client.query(`SELECT * FROM "Delegation" ORDER BY "createdAt"`),
          client.query(
            `SELECT id, name FROM "User" WHERE id IN (SELECT "authorId" FROM "ReviewOpinion" WHERE "applicationId" = $1 UNION SELECT "orderedById" FROM "ClockEntry" WHERE "applicationId" = $1
               UNION SELECT "endedById" FROM "ClockEntry" WHERE "applicationId" = $1 UNION SELECT "decidedById" FROM "Application" WHERE id = $1)`,
            [openCase],
          ),
        ]),
    },
  ];
  const results = [];
  for (const m of measures) results.push(await measure(m));
  await pool.end();

  const lines = [
    `bench:scale — ${n.toLocaleString("en")} applications (${facts.open.toLocaleString("en")} open, ${facts.intake.toLocaleString("en")} at the window, ${facts.seal.toLocaleString("en")} awaiting the seal; ${Number(facts.events).toLocaleString("en")} audit events, ${Number(facts.messages).toLocaleString("en")} messages; filled in ${facts.seconds.toFixed(0)} s); ${REPS} runs each, service and plain SQL interleaved; ms`,
    "",
    "| list | service p50 | service p95 | plain SQL p50 | plain SQL p95 | ratio p50 | ratio p95 |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...results.map((r) => `| ${r.name} | ${r.s50.toFixed(1)} | ${r.s95.toFixed(1)} | ${r.q50.toFixed(1)} | ${r.q95.toFixed(1)} | ${(r.s50 / r.q50).toFixed(1)}× | ${(r.s95 / r.q95).toFixed(1)}× |`),
    "",
    `supervision figures: first view of this month ${firstView.toFixed(1)} s (sums the closed days of its 12-month trend), then of a month a year back ${firstYearAgo.toFixed(1)} s; DailyFigure holds ${summed.rows.toLocaleString("en")} rows for ${summed.days} days`,
    "",
    `first page = true order by due date: ${checks.map(([name, ok]) => `${name} ${ok ? "yes" : "NO"}`).join(", ")}; newest filing first in the intake queue (newest first): ${newestIntake?.id === newestTruth ? "yes" : "NO"}; first audit event reached: ${firstEvent === "1" ? "yes" : `event ${firstEvent}`}`,
  ];
  console.log(lines.join("\n"));
  return lines.join("\n");
}

void main();
