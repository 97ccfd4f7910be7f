// Test data straight into the e2e database, for cases the browser cannot bring about quickly (a
// clock set back to last December, a case already escalated). What the pages show of them is the
// portal's own work; every action the tests check is then taken through the UI.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { demoAccountOf } from "../factories/demo-accounts";

export async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  // The owner's URL where the runner gives one (the portal itself runs as a login with fewer rights).
  const client = new pg.Client({ connectionString: process.env.E2E_OWNER_DATABASE_URL ?? process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The last official year of the e2e database's calendar. */
export const lastOfficialYear = () => withDb(async (c) => (await c.query<{ last: number }>(`SELECT max(year) AS last FROM "HolidayCalendarYear"`)).rows[0].last);

/** An application of the demo person applicant, already in `state` (accepted by the demo clerk). */
export async function insertCase(opts: { itemCode: string; state: string; acceptedAt: string; promisedDue: string; statutoryDue: string; owedBy?: string; subject?: string; formData?: Record<string, string>; channel?: "ONLINE" | "WINDOW" }) {
  const id = `e2e${randomUUID().replace(/-/g, "").slice(0, 20)}`;
  const number = `511602-${opts.acceptedAt.slice(0, 10).replace(/-/g, "")}-9${String(Math.floor(Math.random() * 10000)).padStart(4, "0")}`;
  await withDb((c) =>
    c.query(
      `INSERT INTO "Application" (id, number, "submissionKey", "applicantId", "filedById", channel, "itemId", "itemVersionId", state, subject, "contactName", "contactPhone",
         "submittedAt", "acceptedAt", "acceptedById", "promisedDue", "statutoryDue", "owedBy", "formData", "updatedAt")
       SELECT $1, $2, $3, u.id, CASE WHEN $14 = 'WINDOW' THEN c.id ELSE u.id END, $14::"FilingChannel", i.id, i."currentVersionId", $4::"ApplicationState", $5, '张小民', '13800001234',
         $6::timestamptz, $6::timestamptz, c.id, $7::date, $8::date, $9::date, $13::jsonb, now()
       FROM "Item" i, "User" u, "User" c WHERE i."implementationCode" = $10 AND u."loginId" = $11 AND c."loginId" = $12`,
      [id, number, randomUUID(), opts.state, opts.subject ?? "浏览器测试办件", opts.acceptedAt, opts.promisedDue, opts.statutoryDue, opts.owedBy ?? null, opts.itemCode, demoAccountOf("APPLICANT").loginId, demoAccountOf("CLERK").loginId, JSON.stringify(opts.formData ?? {}), opts.channel ?? "ONLINE"],
    ),
  );
  return { id, number };
}

/** A delegation in force from the director to one demo account, for one item. */
export async function insertDelegation(opts: { granteeLoginId: string; itemCode: string; scope: "INSTANT_ONLY" | "INSTANT_AND_PROMISED" }) {
  const number = `审批授字〔2026〕9${String(Math.floor(Math.random() * 100000)).padStart(5, "0")}号`;
  await withDb((c) =>
    c.query(
      `INSERT INTO "Delegation" (id, number, "grantedById", "granteeUserId", "itemIds", "sectionIds", scope, "validFrom", "validTo", note)
       SELECT $1, $2, d.id, g.id, ARRAY[i.id], '{}', $3::"DelegationScope", current_date - 1, current_date + 30, '浏览器测试'
       FROM "User" d, "User" g, "Item" i WHERE d."loginId" = 'DIRECTOR' AND g."loginId" = $4 AND i."implementationCode" = $5`,
      [`e2e${randomUUID().replace(/-/g, "").slice(0, 20)}`, number, opts.scope, opts.granteeLoginId, opts.itemCode],
    ),
  );
  return number;
}

/** Asks the running worker to record a case's cards (as a change of the case would) and waits until it has. */
export async function cardsRecordedFor(applicationId: string, timeoutMs = 30_000): Promise<{ kind: string; colour: string }[]> {
  await withDb((c) => c.query(`SELECT graphile_worker.add_job('cards:refresh', json_build_object('applicationId', $1::text))`, [applicationId]));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const cards = await withDb(async (c) => (await c.query<{ kind: string; colour: string }>(`SELECT kind, colour FROM "Card" WHERE "applicationId" = $1 ORDER BY "raisedAt"`, [applicationId])).rows);
    if (cards.length > 0 || Date.now() > deadline) return cards;
    await new Promise((r) => setTimeout(r, 300));
  }
}
