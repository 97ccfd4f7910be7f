// `npx tsx --conditions=react-server scripts/bench-ratings.ts`: times the 好差评 and complaint figures
// (lib/server/statistics/rating-figures.ts) on a throw-away embedded PostgreSQL (or
// TEST_DATABASE_ADMIN_URL) holding five years of a large bureau: BENCH_RATINGS (700 000) ratings over
// 60 items in 12 sections, ~3 % bad with their follow-ups, 20 000 complaints. Prints; asserts nothing.
import os from "node:os";
import path from "node:path";
import { monthPeriod, periodOf, trendOf } from "../lib/domain/statistics/period";
import { db } from "../lib/server/db";
import { loadPublicRatingFigures, loadRatingFigures } from "../lib/server/statistics/rating-figures";
import { createItem } from "../tests/factories/items";
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from "./lib/embedded-postgres";
import { migrateDeploy } from "./lib/prisma-cli";
import { pct } from "./lib/stats";

const RATINGS = Number(process.env.BENCH_RATINGS ?? 700_000);
const REPS = Number(process.env.BENCH_RATINGS_REPS ?? 40);
const TODAY = "2026-11-30";

async function timed(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  console.log(`${label.padEnd(36)} p50 ${pct(ms, 50).toFixed(1)} ms · p95 ${pct(ms, 95).toFixed(1)} ms`);
}

async function main() {
  const server = process.env.TEST_DATABASE_ADMIN_URL
    ? { adminUrl: process.env.TEST_DATABASE_ADMIN_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `bureau-bench-ratings-${process.pid}`), preferredPort: 54390, persistent: false });
  const database = `bench_ratings_${process.pid}`;
  try {
    await ensureDatabase(server.adminUrl, database);
    process.env.DATABASE_URL = withDatabase(server.adminUrl, database);
    migrateDeploy(process.env.DATABASE_URL);
    const items = [];
    for (let i = 0; i < 60; i++) items.push(await createItem(db()));
    // Twelve sections: items share them.
    for (let i = 12; i < items.length; i++) await db().item.update({ where: { id: items[i].item.id }, data: { sectionId: items[i % 12].section.id } });
    const versions = items.map((i) => `'${i.version.id}'`).join(",");
    const sections = items.slice(0, 12).map((i) => `'${i.section.id}'`).join(",");
    // The figures never read the application; a throw-away database need not hold 700 k of them.
    await db().$executeRawUnsafe(`ALTER TABLE "Rating" DROP CONSTRAINT "Rating_applicationId_fkey"`);
    const t = performance.now();
    await db().$executeRawUnsafe(`
      INSERT INTO "Rating" (id, "serviceKey", service, "applicationId", "itemVersionId", channel, "staffId", "window", level, "createdAt", "excludedAt")
      SELECT 'b' || g, 'k' || g, CASE WHEN g % 3 = 0 THEN 'ONLINE' ELSE 'WINDOW' END::"RatedService", 'a' || g, (ARRAY[${versions}])[1 + g % 60], 'WEB',
             's' || (g % 40), CASE WHEN g % 3 = 0 THEN '' ELSE 'W' || (g % 12) END,
             (ARRAY['VERY_SATISFIED','SATISFIED','BASIC','UNSATISFIED','VERY_UNSATISFIED'])[CASE WHEN g % 50 = 0 THEN 4 WHEN g % 97 = 0 THEN 5 ELSE 1 + g % 3 END]::"RatingLevel",
             timestamp '2021-12-01' + (g * interval '1 day' * 1826 / ${RATINGS}), CASE WHEN g % 5000 = 0 THEN now() END
      FROM generate_series(1, ${RATINGS}) g`);
    await db().$executeRawUnsafe(`
      INSERT INTO "RatingFollowUp" (id, "ratingId", "sectionId", "dueOn", "answeredAt")
      SELECT 'f' || r.id, r.id, (ARRAY[${sections}])[1 + (hashtext(r.id) & 11)], (r."createdAt" + interval '7 days')::date,
             CASE WHEN hashtext(r.id) % 10 <> 0 THEN r."createdAt" + interval '6 days' END
      FROM "Rating" r WHERE r.level IN ('UNSATISFIED', 'VERY_UNSATISFIED')`);
    await db().$executeRawUnsafe(`
      INSERT INTO "Complaint" (id, number, category, text, phone, stage, "sectionId", "createdAt", "updatedAt")
      SELECT 'c' || g, 'TS' || g, 'OTHER', 't', '1', (ARRAY['RECEIVED','ASSIGNED','HANDLED','ANSWERED','CLOSED'])[1 + g % 5]::"ComplaintStage",
             CASE WHEN g % 5 > 0 THEN (ARRAY[${sections}])[1 + g % 12] END, timestamp '2021-12-01' + (g * interval '1 day' * 1826 / 20000), now()
      FROM generate_series(1, 20000) g`);
    await db().$executeRawUnsafe(`VACUUM ANALYZE`);
    const [counts] = await db().$queryRawUnsafe<{ ratings: number; followUps: number; complaints: number }[]>(
      `SELECT (SELECT count(*) FROM "Rating")::int AS ratings, (SELECT count(*) FROM "RatingFollowUp")::int AS "followUps", (SELECT count(*) FROM "Complaint")::int AS complaints`,
    );
    console.log(`filled in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

    await timed("dashboard, a day", () => loadRatingFigures({ period: periodOf("day", TODAY), today: TODAY }));
    await timed("dashboard, a week", () => loadRatingFigures({ period: periodOf("week", TODAY), today: TODAY }));
    await timed("dashboard, a month", () => loadRatingFigures({ period: periodOf("month", TODAY), today: TODAY }));
    await timed("public, 12 months and sections", () => loadPublicRatingFigures({ months: trendOf(monthPeriod("2026-11"), 12), today: TODAY }));
    await db().$disconnect();
  } finally {
    await dropDatabase(server.adminUrl, database).catch(() => {});
    await server.stop();
  }
}

void main();
