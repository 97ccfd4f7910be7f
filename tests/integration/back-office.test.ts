// The back office against a real database: decisions only under a delegation in force (through
// the server actions), the clock ledger's dates, one winner among concurrent decisions, and the
// hash-chained audit trail that names the first row edited behind the application's back.
import { execFileSync } from "node:child_process";
import path from "node:path";
import os from "node:os";
import fs from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import type { Actor } from "@/lib/domain/access/actor";
import { submitApplication } from "@/lib/server/applications/file-application";
import { decideIntake } from "@/lib/server/applications/intake";
import { verifyAuditChain, verifyAuditTrail } from "@/lib/server/audit/verify-audit-chain";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { decideCase } from "@/lib/server/cases/decide-case";
import { endSuspension } from "@/lib/server/cases/end-suspension";
import { grantExtension } from "@/lib/server/cases/grant-extension";
import { recordReview } from "@/lib/server/cases/record-review";
import { recordSurvey } from "@/lib/server/cases/record-survey";
import { startSuspension } from "@/lib/server/cases/start-suspension";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { listCaseQueue } from "@/lib/server/cases/list-case-queue";
import { grantDelegation } from "@/lib/server/delegations/grant-delegation";
import { revokeDelegation } from "@/lib/server/delegations/revoke-delegation";
import { db } from "@/lib/server/db";
import { ensureSealIdentity } from "@/lib/server/seals/seal-keys";
import { anchorAuditChain } from "@/lib/server/supervision/anchor-audit-chain";
import { draftWithMaterials } from "../factories/filings";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-bo-"));

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/current-actor", () => ({ currentActor: async () => session.actor, requireArea: async () => session.actor }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string, v?: Record<string, string>) => (v?.reason !== undefined && key.startsWith("errors.") ? `${key}:${v.reason}` : key), { has: () => true, raw: (key: string) => key }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const officeActions = await import("@/app/office/cases/actions");

const at = (day: string) => new Date(`${day}T02:00:00Z`); // 10:00 in Beijing
let instantItem: Awaited<ReturnType<typeof createItem>>, promisedItem: Awaited<ReturnType<typeof createItem>>;
let applicant: Actor, clerk: Actor, reviewer: Actor, chief: Actor, chief2: Actor, director: Actor;

beforeAll(async () => {
  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  instantItem = await createItem(db(), { promisedDays: 0, statutoryDays: 20, kind: "INSTANT" });
  promisedItem = await createItem(db(), { promisedDays: 15, statutoryDays: 20 });
  applicant = actorOf(await createUser(db(), { role: "APPLICANT" }));
  clerk = actorOf(await createUser(db(), { role: "CLERK" }));
  reviewer = actorOf(await createUser(db(), { role: "REVIEWER", sectionId: promisedItem.section.id }));
  chief = actorOf(await createUser(db(), { role: "CHIEF", sectionId: promisedItem.section.id }));
  chief2 = actorOf(await createUser(db(), { role: "CHIEF", sectionId: promisedItem.section.id }));
  director = actorOf(await createUser(db(), { role: "DIRECTOR" }));
});

/** An application of `item` accepted at the window on `day`. */
async function accepted(item: Awaited<ReturnType<typeof createItem>>, day: string) {
  const { id, materialIds: ids } = await draftWithMaterials(applicant, item);
  await submitApplication({ actor: applicant, applicationId: id, now: at(day) });
  await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: ids }, now: at(day) });
  return id;
}

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};

describe("decisions under delegated authority", () => {
  it("a clerk approves an instant item only under a delegation in force; revoked, expired or out of scope decide nothing, and say why", async () => {
    const today = new Date().toISOString().slice(0, 10);
    session.actor = clerk;
    const decide = async (id: string) => officeActions.decideCaseAction(null, form({ applicationId: id, decision: "APPROVE" }));

    const first = await accepted(instantItem, today);
    expect(await decide(first)).toMatchObject({ ok: false, message: "errors.DELEGATION_REFUSED:refusals.NO_DELEGATION" });

    // Out of scope: a delegation for another item.
    const other = await createItem(db(), { kind: "INSTANT", promisedDays: 0 });
    await grantDelegation({ actor: director, input: { granteeRole: "CLERK", itemIds: [other.item.id], scope: "INSTANT_ONLY", validFrom: "2026-01-01", validTo: "2099-12-31" }, now: at("2026-01-01") });
    expect(await decide(first)).toMatchObject({ ok: false, message: "errors.DELEGATION_REFUSED:refusals.ITEM_OUT_OF_SCOPE" });

    // Expired (granted last year, for last year).
    const expired = await grantDelegation({ actor: director, input: { granteeRole: "CLERK", itemIds: [instantItem.item.id], scope: "INSTANT_ONLY", validFrom: "2025-01-01", validTo: "2025-12-31" }, now: at("2025-01-01") });
    expect(await decide(first)).toMatchObject({ ok: false, message: "errors.DELEGATION_REFUSED:refusals.EXPIRED" });
    // An expired delegation has nothing left to revoke.
    await expect(revokeDelegation({ actor: director, input: { delegationId: expired.id, reason: "已过期" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });

    // In force: the approval records the delegation it was made under.
    // Backdated: refused, naming the start date.
    await expect(grantDelegation({ actor: director, input: { granteeUserId: clerk.id, itemIds: [instantItem.item.id], scope: "INSTANT_ONLY", validFrom: "2026-01-01", validTo: "2099-12-31" }, now: at("2026-03-02") })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { validFrom: "delegation.validFrom" } });
    const valid = await grantDelegation({ actor: director, input: { granteeUserId: clerk.id, itemIds: [instantItem.item.id], scope: "INSTANT_ONLY", validFrom: "2026-01-01", validTo: "2099-12-31" }, now: at("2026-01-01") });
    expect(await decide(first)).toMatchObject({ ok: true, data: { state: "AWAITING_SEAL" } });
    const decided = await db().application.findUniqueOrThrow({ where: { id: first } });
    expect(decided.decisionDelegationId).toBe(valid.id);

    // Revoked: the next case is refused, and nothing changes.
    await revokeDelegation({ actor: director, input: { delegationId: valid.id, reason: "岗位调整" } });
    const second = await accepted(instantItem, today);
    expect(await decide(second)).toMatchObject({ ok: false, message: "errors.DELEGATION_REFUSED:refusals.REVOKED" });
    expect((await db().application.findUniqueOrThrow({ where: { id: second } })).state).toBe("ACCEPTED");
    expect(await db().auditEvent.count({ where: { entityId: second, action: "decision.refused" } })).toBe(1);

    // A revoked delegation cannot be edited back to life in the database either.
    await expect(db().delegation.update({ where: { id: valid.id }, data: { revokedAt: null } })).rejects.toThrow(/only be revoked/);
  });

  it("a chief decides a promised item of the section only after review, under a delegation covering promised items", async () => {
    const id = await accepted(promisedItem, "2026-09-14");
    await expect(decideCase({ actor: director, input: { applicationId: id, decision: "APPROVE" } })).rejects.toMatchObject({ code: "REVIEW_REQUIRED" });
    await recordReview({ actor: reviewer, input: { applicationId: id, recommendation: "APPROVE", opinion: "材料齐全，符合许可条件，建议准予许可。" } });
    // A further opinion joins the file without moving the case.
    await expect(recordReview({ actor: chief, input: { applicationId: id, recommendation: "APPROVE", opinion: "同意经办人意见。" } })).resolves.toMatchObject({ state: "REVIEWED" });
    expect(await db().reviewOpinion.count({ where: { applicationId: id } })).toBe(2);
    await grantDelegation({ actor: director, input: { granteeRole: "CHIEF", sectionIds: [promisedItem.section.id], scope: "INSTANT_ONLY", validFrom: "2026-01-01", validTo: "2099-12-31" }, now: at("2026-01-01") });
    await expect(decideCase({ actor: chief, input: { applicationId: id, decision: "APPROVE" } })).rejects.toMatchObject({ code: "DELEGATION_REFUSED", details: { reason: "KIND_OUT_OF_SCOPE" } });
    await grantDelegation({ actor: director, input: { granteeRole: "CHIEF", sectionIds: [promisedItem.section.id], scope: "INSTANT_AND_PROMISED", validFrom: "2026-01-01", validTo: "2099-12-31" }, now: at("2026-01-01") });

    // Two chiefs at once: exactly one decision is stored.
    const results = await Promise.allSettled([
      decideCase({ actor: chief, input: { applicationId: id, decision: "APPROVE" } }),
      decideCase({ actor: chief2, input: { applicationId: id, decision: "DENY", reason: "不符合条件", basis: "《行政许可法》第三十八条第二款" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "ALREADY_HANDLED" });
    expect(await db().auditEvent.count({ where: { entityId: id, action: { in: ["application.APPROVE", "application.DENY"] } } })).toBe(1);
  });
});

describe("the clock ledger", () => {
  it("moves both due dates by suspended working days (a holiday inside the suspension does not count twice) and the extension", async () => {
    // The same hand-worked example as the domain test, through the services and the database:
    // accepted Mon 14 Sep 2026, promised 15 / statutory 20 working days → 10 Oct / 16 Oct.
    const id = await accepted(promisedItem, "2026-09-14");
    expect((await getCaseFile({ actor: reviewer, applicationId: id, now: at("2026-09-15") })).clock).toMatchObject({ promisedDue: "2026-10-10", statutoryDue: "2026-10-16" });

    await recordSurvey({ actor: reviewer, input: { applicationId: id, note: "现场勘查经营场所" }, now: at("2026-09-22") });
    // Expert review from Tue 29 Sep to Fri 9 Oct, across National Day (1–7 Oct off).
    await startSuspension({ actor: reviewer, input: { applicationId: id, reason: "EXPERT_REVIEW", note: "组织专家评审" }, now: at("2026-09-29") });
    await expect(recordReview({ actor: reviewer, input: { applicationId: id, recommendation: "APPROVE", opinion: "挂起期间不能审查结束" } })).rejects.toMatchObject({ code: "CLOCK_SUSPENDED" });
    await expect(startSuspension({ actor: reviewer, input: { applicationId: id, reason: "TESTING", note: "重复挂起" }, now: at("2026-09-30") })).rejects.toMatchObject({ code: "SUSPENSION_OVERLAPS" });
    await endSuspension({ actor: reviewer, input: { applicationId: id }, now: at("2026-10-09") });
    await expect(grantExtension({ actor: reviewer, input: { applicationId: id, days: 5, note: "情况复杂" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(grantExtension({ actor: chief, input: { applicationId: id, days: 11, note: "超过法定" } })).rejects.toMatchObject({ name: "ZodError" });
    await grantExtension({ actor: chief, input: { applicationId: id, days: 5, note: "专家意见分歧，需补充论证" }, now: at("2026-10-12") });
    await expect(grantExtension({ actor: chief, input: { applicationId: id, days: 6, note: "再延期" }, now: at("2026-10-13") })).rejects.toMatchObject({ code: "EXTENSION_TOO_LONG" });

    // (29 Sep, 9 Oct] holds 3 working days (30 Sep, 8 Oct, 9 Oct): promised 10 Oct → 14 Oct;
    // statutory 20 + 5 = 25 working days → Wed 28 Oct.
    const file = await getCaseFile({ actor: chief, applicationId: id, now: at("2026-10-13") });
    expect(file.clock).toMatchObject({ promisedDue: "2026-10-14", statutoryDue: "2026-10-28", suspendedWorkingDays: 3, extensionDays: 5, suspended: false });
    expect(file.ledger.map((e) => e.kind)).toEqual(["SURVEY", "SUSPENSION", "EXTENSION"]);
    const stored = await db().application.findUniqueOrThrow({ where: { id } });
    expect(stored.promisedDue?.toISOString().slice(0, 10)).toBe("2026-10-14");
    expect(stored.statutoryDue?.toISOString().slice(0, 10)).toBe("2026-10-28");
    expect(await db().auditEvent.count({ where: { entityId: id, action: { startsWith: "clock." } } })).toBe(4);
  });

  it("the section queue sorts by the nearest due date and marks yellow and red", async () => {
    const soon = await accepted(promisedItem, "2026-10-08");
    const late = await accepted(promisedItem, "2026-09-01");
    const queue = (await listCaseQueue({ actor: reviewer, now: at("2026-10-26") })).rows;
    const mine = queue.filter((q) => q.id === soon || q.id === late);
    expect(mine.map((q) => q.id)).toEqual([late, soon]);
    expect(mine.map((q) => q.mark)).toEqual(["overdue", "soon"]); // soon: promised 28 Oct, 2 working days away
    expect(queue.every((q, i) => i === 0 || (queue[i - 1].promisedDue ?? "") <= (q.promisedDue ?? "9999"))).toBe(true);
  });
});

describe("the audit trail", () => {
  it("stays one unbroken chain under concurrent writers", async () => {
    const { recordAuditEvent } = await import("@/lib/server/audit/record-audit-event");
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        i % 2 ? recordAuditEvent(db(), { actor: null, action: "test.concurrent", entityType: "Test", entityId: String(i) }) : db().$transaction((tx) => recordAuditEvent(tx, { actor: null, action: "test.concurrent", entityType: "Test", entityId: String(i) })),
      ),
    );
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it("is hash-chained; editing a row directly makes verification fail at that row, and the command says so", async () => {
    await accepted(instantItem, new Date().toISOString().slice(0, 10));
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
    const rows = await db().auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    const target = rows[Math.floor(rows.length / 2)].id;
    // Behind the application's back: a superuser switches the append-only trigger off.
    await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await db().$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'application.REJECT' WHERE id = ${target}`);
    await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    expect(await verifyAuditChain(db(), 7)).toMatchObject({ ok: false, brokenAt: target.toString(), problem: "content" });

    let output = "";
    try {
      execFileSync(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/verify-audit.ts"], { env: process.env, encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      output = String((e as { stderr?: string }).stderr) + String((e as { stdout?: string }).stdout);
      expect((e as { status?: number }).status).toBe(1);
    }
    expect(output).toContain(`BROKEN at event id ${target}`);
  });

  it("anchored outside the database under the seal: a row rewritten and every hash after it recomputed still fails verification", async () => {
    process.env.AUDIT_ANCHOR_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "anchors-"));
    process.env.SEAL_KEY_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "seal-keys-"));
    const seal = await db().seal.findFirst({ where: { status: "ACTIVE" } }) ?? (await db().seal.create({ data: { name: "广安市广安区行政审批局审批专用章", holder: "局长", status: "ACTIVE", activeMarker: true } }));
    await ensureSealIdentity(db(), seal);
    // Start from a clean chain (the test above broke one row on purpose): re-chain it, then anchor.
    const rechain = async () => {
      await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
      await db().$executeRawUnsafe(`DO $$ DECLARE r "AuditEvent"; last_hash text := NULL; BEGIN
        FOR r IN SELECT * FROM "AuditEvent" WHERE seq IS NOT NULL ORDER BY seq LOOP
          UPDATE "AuditEvent" SET "prevHash" = last_hash, hash = audit_event_hash(last_hash, r) WHERE id = r.id;
          last_hash := audit_event_hash(last_hash, r);
        END LOOP; END $$`);
      await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    };
    await rechain();
    const supervisor = actorOf(await createUser(db(), { role: "SUPERVISOR" }));
    const anchor = await anchorAuditChain({ actor: supervisor });
    expect(anchor).not.toBeNull();
    expect(await verifyAuditTrail(db())).toMatchObject({ ok: true, anchors: 1 });

    // The attacker rewrites an early row and recomputes the whole chain: the chain alone verifies…
    const first = await db().auditEvent.findFirstOrThrow({ orderBy: { id: "asc" } });
    await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await db().$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'application.REJECT' WHERE id = ${first.id}`);
    await db().$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    await rechain();
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
    // …but the hash anchored outside the database no longer matches.
    expect(await verifyAuditTrail(db())).toMatchObject({ ok: false, brokenAt: anchor!.id, problem: "anchor-hash" });
  });
});
