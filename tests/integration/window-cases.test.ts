// The clerk's work list on real PostgreSQL: every case the window handles, by stage, paged once
// through, with counts, a search by number or name, and an applicant found from an ID in a POST.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access/actor";
import { listWindowCases, windowCasesHref } from "@/lib/server/applications/list-window-cases";
import { db } from "@/lib/server/db";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

let clerk: Actor;
let reviewer: Actor;
let applicant: { id: string; name: string; residentId: string | null };
let other: { id: string };

const STATES = ["SUBMITTED", "CORRECTION_REQUESTED", "ACCEPTED_WITH_DEFICIENCIES", "AWAITING_SEAL", "ISSUED", "ACCEPTED", "REVIEWED", "DRAFT", "WITHDRAWN"];

beforeAll(async () => {
  clerk = actorOf(await createUser(db(), { role: "CLERK" }));
  reviewer = actorOf(await createUser(db(), { role: "REVIEWER" }));
  const a = await createUser(db(), { role: "APPLICANT", name: "窗口测试甲" });
  applicant = { id: a.id, name: a.name, residentId: a.residentId };
  other = await createUser(db(), { role: "APPLICANT", name: "窗口测试乙" });
  const item = await createItem(db());
  // 9 states × 30 cases, two applicants; every issued case has a certificate, delivered one of five ways.
  await db().$executeRawUnsafe(
    `INSERT INTO "Application" (id, number, "submissionKey", "applicantId", "filedById", channel, "itemId", "itemVersionId", state, subject, "contactName", "contactPhone", "submittedAt", "updatedAt")
     SELECT 'wc' || g, '511602-wc-' || lpad(g::text, 5, '0'), gen_random_uuid()::text, CASE WHEN g % 2 = 0 THEN $1 ELSE $2 END, $1,
            (CASE WHEN g % 3 = 0 THEN 'WINDOW' ELSE 'ONLINE' END)::"FilingChannel", $3, $4,
            ($5::text[])[1 + g % 9]::"ApplicationState", '窗口清单', '张三', '13800000000',
            CASE WHEN ($5::text[])[1 + g % 9] = 'DRAFT' THEN NULL ELSE timestamp '2026-11-02 01:00' + g * interval '7 minutes' END, now()
     FROM generate_series(1, 270) g`,
    applicant.id,
    other.id,
    item.item.id,
    item.version.id,
    STATES,
  );
  const seal = await db().seal.create({ data: { name: "测试专用章", holder: "测试", status: "ARCHIVED", archivedAt: new Date() } });
  await db().$executeRawUnsafe(
    `INSERT INTO "Certificate" (id, identifier, number, "applicationId", "originalOf", "itemId", "itemVersionId", name, "typeCode", "holderName", "holderIdType", "holderId",
       "issuerName", "issuerCode", "issuedOn", "validFrom", content, "decisionRef", "sealId", "pdfSha256", "canonicalRecord", "recordSm3", "sm2Signature",
       "deliveryMethod", "deliveredAt", "mailedAt")
     SELECT 'wcc' || a.id, 'wc-ident-' || a.id, 'wc-no-' || a.id, a.id, a.id, a."itemId", a."itemVersionId", '测试证', 'T', '持证人', '身份证', 'x', '审批局', 'c', DATE '2026-11-20', DATE '2026-11-20', '{}', 'r', $1,
            md5(a.id), '{}', 's', 's',
            (ARRAY['PICKUP', 'PICKUP', 'POST', 'POST', 'ELECTRONIC'])[1 + (substr(a.id, 3)::int / 9) % 5]::"DeliveryMethod",
            CASE WHEN (substr(a.id, 3)::int / 9) % 5 = 1 THEN now() END,
            CASE WHEN (substr(a.id, 3)::int / 9) % 5 = 3 THEN now() END
     FROM "Application" a WHERE a.id LIKE 'wc%' AND a.state = 'ISSUED'`,
    seal.id,
  );
});

/** The truth by plain SQL: the window's cases (open states, or issued with a pick-up or post pending), oldest filing first. */
async function truth(extra = "") {
  return db().$queryRawUnsafe<{ id: string; state: string }[]>(
    `SELECT a.id, a.state::text FROM "Application" a JOIN "User" u ON u.id = a."applicantId"
     LEFT JOIN "Certificate" c ON c."applicationId" = a.id
     WHERE a.id LIKE 'wc%' ${extra} AND (a.state IN ('SUBMITTED', 'CORRECTION_REQUESTED', 'ACCEPTED_WITH_DEFICIENCIES', 'AWAITING_SEAL')
       OR (a.state = 'ISSUED' AND ((c."deliveryMethod" = 'PICKUP' AND c."deliveredAt" IS NULL) OR (c."deliveryMethod" = 'POST' AND c."mailedAt" IS NULL))))
     ORDER BY a."submittedAt", a.id`,
  );
}

async function allPages(filter: Record<string, string>) {
  const seen: { id: string; stage: string | null }[] = [];
  let after: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await listWindowCases({ actor: clerk, filter: { ...filter, after }, pageSize: 7 });
    seen.push(...page.rows.map((r) => ({ id: r.id, stage: r.stage })));
    if (!page.next) return seen;
    after = page.next;
  }
  throw new Error("paging did not end");
}

describe("the clerk's work list", () => {
  it("pages once through every case the window handles, oldest filing first, each with its stage; the counts add up", async () => {
    const expected = await truth("AND a.number LIKE '511602-wc-%'");
    const seen = await allPages({ q: "511602-wc-" });
    expect(seen.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    const stageOf: Record<string, string> = { SUBMITTED: "INTAKE", CORRECTION_REQUESTED: "CORRECTION", ACCEPTED_WITH_DEFICIENCIES: "OWED", AWAITING_SEAL: "ISSUING", ISSUED: "HANDOVER" };
    expect(seen.map((r) => r.stage)).toEqual(expected.map((r) => stageOf[r.state]));
    const first = await listWindowCases({ actor: clerk, filter: { q: "511602-wc-" } });
    expect(first.counts).toEqual({ INTAKE: 30, CORRECTION: 30, OWED: 30, ISSUING: 30, HANDOVER: expected.filter((r) => r.state === "ISSUED").length });
    expect(first.counts.HANDOVER).toBeGreaterThan(0);
    expect(first.counts.HANDOVER).toBeLessThan(30);
    expect(first.total).toBe(expected.length);
  });

  it("filters by stage, and finds by name", async () => {
    const handover = await allPages({ stage: "HANDOVER", q: "511602-wc-" });
    expect(handover.map((r) => r.id)).toEqual((await truth("AND a.state = 'ISSUED'")).map((r) => r.id));
    const owed = await allPages({ stage: "OWED", q: "511602-wc-" });
    expect(owed).toHaveLength(30);
    expect(new Set(owed.map((r) => r.stage))).toEqual(new Set(["OWED"]));
    const byName = await allPages({ q: "窗口测试甲" });
    expect(byName.map((r) => r.id)).toEqual((await truth(`AND u.id = '${applicant.id}'`)).map((r) => r.id));
    // % is a character, not a wildcard.
    expect((await listWindowCases({ actor: clerk, filter: { q: "%" } })).rows).toEqual([]);
  });

  it("turns an ID into the applicant's opaque account id (never the ID in the URL), and refuses an unknown ID by name", async () => {
    const href = await windowCasesHref({ actor: clerk, input: { who: applicant.residentId!, stage: "INTAKE" } });
    expect(href).toBe(`/office/window/cases?stage=INTAKE&applicant=${applicant.id}`);
    expect(href).not.toContain(applicant.residentId!);
    const mine = await allPages({ applicant: applicant.id, stage: "INTAKE" });
    expect(mine.map((r) => r.id)).toEqual((await truth(`AND u.id = '${applicant.id}' AND a.state = 'SUBMITTED'`)).map((r) => r.id));
    await expect(windowCasesHref({ actor: clerk, input: { who: "110101199003074477" } })).rejects.toMatchObject({ code: "APPLICANT_NOT_FOUND", field: "who" });
    expect(await windowCasesHref({ actor: clerk, input: { who: "511602-wc-0001" } })).toBe("/office/window/cases?q=511602-wc-0001");
  });

  it("is the window's: a reviewer is refused", async () => {
    await expect(listWindowCases({ actor: reviewer })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
