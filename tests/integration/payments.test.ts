// 票款分离 on a real database against the simulated fiscal platform as a real HTTP server on loopback:
// an approval of a fee-bearing item issues a payment notice; issuance waits; the worker registers the
// notice; a payer pays at the platform; the platform's signed callback (here delivered to the same
// service the route calls) confirms it; issuance proceeds. A forged or stale callback changes nothing.
// A lost callback is made up by a status query. The nightly reconciliation flags what does not match.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import holidays from "../../prisma/data/cn-holidays-2007-2026.json";
import { startFiscalPlatform, type FiscalPlatform } from "../../scripts/lib/fiscal-platform";
import type { Actor } from "@/lib/domain/access/actor";
import { calendarYearsFromHolidayJson } from "@/lib/domain/calendar/holiday-data";
import { addCalendarDays, toPlainDate } from "@/lib/domain/calendar/working-days";
import { toDateColumn } from "@/lib/server/date-column";
import { expireOverdueNotices } from "@/lib/server/fees/expire-payment-notices";
import { reissuePaymentNotice } from "@/lib/server/fees/reissue-payment-notice";
import { formatPaymentCode, isPaymentCode } from "@/lib/domain/fees/fees";
import { signedHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "@/lib/domain/signing/hmac-signature";
import { submitApplication } from "@/lib/server/applications/file-application";
import { decideIntake } from "@/lib/server/applications/intake";
import { listMyApplications } from "@/lib/server/applications/list-my-applications";
import { seedCalendarYears } from "@/lib/server/calendar/working-calendar";
import { decideCase } from "@/lib/server/cases/decide-case";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { issueCertificate } from "@/lib/server/certificates/issue-certificate";
import { listIssuingQueue } from "@/lib/server/certificates/list-issuing-queue";
import { db } from "@/lib/server/db";
import { TASKS, enqueue } from "@/lib/server/jobs/queue";
import { receivePaymentCallback } from "@/lib/server/fees/receive-payment-callback";
import { listPayments } from "@/lib/server/fees/list-payments";
import { requestReconciliation } from "@/lib/server/fees/reconcile-payments";
import { resolveMismatch } from "@/lib/server/fees/resolve-mismatch";
import { ensureSealIdentity } from "@/lib/server/seals/seal-keys";
import { draftWithMaterials } from "../factories/filings";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";
import { runQueuedJobs } from "../support/jobs";

process.env.UPLOAD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "uploads-payments-"));
const SECRET = "fiscal-test-secret-0123456789";
process.env.FISCAL_PLATFORM_SECRET = SECRET;

let platform: FiscalPlatform;
/** Callbacks the platform sends land here and go to the same service the route calls. */
let callbackServer: import("node:http").Server;
/** While true, the bureau "cannot be reached": callbacks are answered 503 and not processed. */
let dropCallbacks = false;
let item: Awaited<ReturnType<typeof createItem>>;
let applicant: Actor, clerk: Actor, director: Actor, admin: Actor;

beforeAll(async () => {
  const http = await import("node:http");
  callbackServer = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (dropCallbacks) {
        res.writeHead(503);
        res.end();
        return;
      }
      void receivePaymentCallback({ body, timestamp: (req.headers[TIMESTAMP_HEADER] as string) ?? null, signature: (req.headers[SIGNATURE_HEADER] as string) ?? null, client: "127.0.0.1" }).then((r) => {
        res.writeHead(r.status, { "content-type": "application/json" });
        res.end(JSON.stringify(r.body));
      });
    });
  });
  await new Promise<void>((r) => callbackServer.listen(0, "127.0.0.1", r));
  const port = (callbackServer.address() as import("node:net").AddressInfo).port;
  platform = await startFiscalPlatform({ secret: SECRET, callbackUrl: `http://127.0.0.1:${port}/api/payments/callback`, testHooks: true });
  process.env.FISCAL_PLATFORM_URL = platform.url;

  await seedCalendarYears(db(), calendarYearsFromHolidayJson(holidays));
  item = await createItem(db(), {
    promisedDays: 0,
    statutoryDays: 20,
    kind: "INSTANT",
    feeLines: [
      { name: "证照工本费", amountFen: 1000, basis: "示例收费依据（测试）" },
      { name: "检验费", amountFen: 4050, basis: "示例收费依据（测试）" },
    ],
  });
  const seal = await db().seal.create({ data: { name: "广安市广安区行政审批局审批专用章", holder: "局长", status: "ACTIVE", activeMarker: true } });
  await ensureSealIdentity(db(), seal);
  applicant = actorOf(await createUser(db(), { role: "APPLICANT", name: "缴费测试人" }));
  clerk = actorOf(await createUser(db(), { role: "CLERK" }));
  director = actorOf(await createUser(db(), { role: "DIRECTOR" }));
  admin = actorOf(await createUser(db(), { role: "ADMIN" }));
});

afterAll(async () => {
  await platform?.stop();
  await new Promise((r) => callbackServer?.close(r));
});

async function approved() {
  const { id, materialIds } = await draftWithMaterials(applicant, item);
  await submitApplication({ actor: applicant, applicationId: id });
  await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: materialIds } });
  await decideCase({ actor: director, input: { applicationId: id, decision: "APPROVE" } });
  return id;
}

async function until(check: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe("fees through the bank channel", () => {
  it("a fee charged by quantity (计量收费): the grant needs the quantity, named beside its line; the notice charges price × quantity", async () => {
    const road = await createItem(db(), {
      promisedDays: 0,
      statutoryDays: 20,
      kind: "INSTANT",
      feeLines: [
        { name: "证照工本费", amountFen: 1000, basis: "示例收费依据（测试）" },
        { name: "公路路产补偿费", amountFen: 24000, unit: "平方米", basis: "示例补偿标准（测试）" },
      ],
    });
    const { id, materialIds } = await draftWithMaterials(applicant, road);
    await submitApplication({ actor: applicant, applicationId: id });
    await decideIntake({ actor: clerk, input: { applicationId: id, decision: "ACCEPT", okMaterialIds: materialIds } });
    // The decider is asked for the line's quantity (its position in the published lines).
    expect((await getCaseFile({ actor: director, applicationId: id })).feeQuantities).toEqual([{ index: 1, name: "公路路产补偿费", unit: "平方米", unitFen: 24000 }]);
    for (const quantities of [{}, { "1": "0" }, { "1": "二十" }, { "1": "1.005" }] as Record<string, string>[]) {
      await expect(decideCase({ actor: director, input: { applicationId: id, decision: "APPROVE", quantities } })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { "quantities.1": "decision.quantity" } });
    }
    await expect(decideCase({ actor: director, input: { applicationId: id, decision: "APPROVE", quantities: { "1": "999999" } } })).rejects.toMatchObject({ fieldErrors: { "quantities.1": "decision.feeTooHigh" } });
    // Nothing was decided by the refusals.
    expect((await db().application.findUniqueOrThrow({ where: { id } })).state).toBe("ACCEPTED");
    expect(await db().paymentNotice.count({ where: { applicationId: id } })).toBe(0);

    await decideCase({ actor: director, input: { applicationId: id, decision: "APPROVE", quantities: { "1": "12.5" } } });
    const notice = await db().paymentNotice.findUniqueOrThrow({ where: { applicationId: id } });
    // 10.00 + 240.00 × 12.5 = 3,010.00 元
    expect(notice.amountFen).toBe(301_000);
    const file = await getCaseFile({ actor: clerk, applicationId: id });
    expect(file.payment?.lines).toEqual([
      { name: "证照工本费", amountFen: 1000, basis: "示例收费依据（测试）" },
      { name: "公路路产补偿费", amountFen: 300_000, basis: "示例补偿标准（测试）", unit: "平方米", unitFen: 24000, quantity: "12.5" },
    ]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "payment.notice.issued", entityId: notice.id } });
    expect(audit.after).toMatchObject({ amountFen: 301_000, quantities: [{ line: "公路路产补偿费", quantity: "12.5", unit: "平方米" }] });
    // A denial asks for no quantity.
    const other = await draftWithMaterials(applicant, road);
    await submitApplication({ actor: applicant, applicationId: other.id });
    await decideIntake({ actor: clerk, input: { applicationId: other.id, decision: "ACCEPT", okMaterialIds: other.materialIds } });
    await decideCase({ actor: director, input: { applicationId: other.id, decision: "DENY", reason: "不符合条件", basis: "示例依据" } });
    expect(await db().paymentNotice.count({ where: { applicationId: other.id } })).toBe(0);
  });

  it("approval issues a notice; issuance waits; the platform's signed callback confirms the payment; issuance proceeds", async () => {
    const id = await approved();
    const notice = await db().paymentNotice.findUniqueOrThrow({ where: { applicationId: id } });
    expect(isPaymentCode(notice.code)).toBe(true);
    expect(notice).toMatchObject({ amountFen: 5050, state: "ISSUED", registeredAt: null });
    expect(notice.code.slice(0, 10)).toBe(`511602${new Date().getFullYear()}`);
    const messages = await db().message.findMany({ where: { applicationId: id, kind: "PAYMENT_NOTICE" } });
    expect(messages).toHaveLength(1);
    expect(messages[0].params).toMatchObject({ code: notice.code, amount: "50.50" });

    // The case file offers issuance only as refused, with the reason; the service refuses it too.
    const file = await getCaseFile({ actor: clerk, applicationId: id });
    expect(file.actions).toContainEqual({ action: "ISSUE", allowed: false, reason: "FEES_UNPAID" });
    expect(file.payment).toMatchObject({ code: notice.code, amountFen: 5050, state: "ISSUED" });
    await expect(issueCertificate({ actor: clerk, input: { applicationId: id } })).rejects.toMatchObject({ code: "FEES_UNPAID" });
    const queued = async () => (await listIssuingQueue({ actor: clerk })).rows.find((r) => r.id === id);
    expect(await queued()).toMatchObject({ feesUnpaid: true });

    // The worker registers the notice with the platform; the payer cannot pay before that.
    await expect(platform.pay(notice.code)).rejects.toThrow(/unknown payment code/);
    await runQueuedJobs();
    expect((await db().paymentNotice.findUniqueOrThrow({ where: { id: notice.id } })).registeredAt).not.toBeNull();

    await platform.pay(notice.code);
    expect(await until(async () => (await db().paymentNotice.findUniqueOrThrow({ where: { id: notice.id } })).state === "PAID")).toBe(true);
    const paid = await db().paymentNotice.findUniqueOrThrow({ where: { id: notice.id } });
    expect(paid).toMatchObject({ confirmedBy: "CALLBACK", bankRef: expect.stringMatching(/^SIMBANK/) });
    expect(platform.callbacks.filter((c) => c.code === notice.code).map((c) => c.status)).toEqual([200]);
    expect(await db().message.count({ where: { applicationId: id, kind: "PAYMENT_CONFIRMED" } })).toBe(1);

    expect(await queued()).toMatchObject({ feesUnpaid: false });
    const issued = await issueCertificate({ actor: clerk, input: { applicationId: id } });
    expect(issued.alreadyDone).toBe(false);
    expect((await db().application.findUniqueOrThrow({ where: { id } })).state).toBe("ISSUED");
  });

  it("refuses a forged, a stale and an unsigned callback, changing nothing, and audits each with its client", async () => {
    const id = await approved();
    await runQueuedJobs();
    const notice = await db().paymentNotice.findUniqueOrThrow({ where: { applicationId: id } });
    const body = JSON.stringify({ code: notice.code, amountFen: notice.amountFen, paidAt: new Date().toISOString(), bankRef: "FORGED1" });
    const forged = signedHeaders("not-the-platform-secret", body, Date.now());
    const stale = signedHeaders(SECRET, body, Date.now() - 10 * 60_000);
    const answers = await Promise.all([
      receivePaymentCallback({ body, timestamp: forged[TIMESTAMP_HEADER], signature: forged[SIGNATURE_HEADER], client: "203.0.113.9" }),
      receivePaymentCallback({ body, timestamp: stale[TIMESTAMP_HEADER], signature: stale[SIGNATURE_HEADER], client: "203.0.113.9" }),
      receivePaymentCallback({ body, timestamp: null, signature: null, client: "203.0.113.9" }),
    ]);
    expect(answers.map((a) => [a.status, a.body.problem])).toEqual([
      [401, "MISMATCH"],
      [401, "STALE"],
      [401, "MISSING"],
    ]);
    expect((await db().paymentNotice.findUniqueOrThrow({ where: { id: notice.id } })).state).toBe("ISSUED");
    expect(await db().auditEvent.count({ where: { action: "payment.callback.refused", entityId: "203.0.113.9" } })).toBe(3);

    // Signed right but with another amount: refused as a mismatch (409), still unpaid.
    const wrong = JSON.stringify({ code: notice.code, amountFen: 1, paidAt: new Date().toISOString(), bankRef: "X1" });
    const h = signedHeaders(SECRET, wrong, Date.now());
    expect(await receivePaymentCallback({ body: wrong, timestamp: h[TIMESTAMP_HEADER], signature: h[SIGNATURE_HEADER], client: "127.0.0.1" })).toMatchObject({ status: 409, body: { outcome: "AMOUNT_MISMATCH" } });
    expect((await db().paymentNotice.findUniqueOrThrow({ where: { id: notice.id } })).state).toBe("ISSUED");
  });

  it("a lost callback is made up by a status query; two deliveries of the same callback at once confirm once", async () => {
    dropCallbacks = true;
    try {
      // The bureau cannot be reached by the platform: its callback is lost (answered 503).
      const id = await approved();
      await runQueuedJobs();
      const lost = await db().paymentNotice.findUniqueOrThrow({ where: { applicationId: id } });
      await platform.pay(lost.code);
      expect(await until(async () => platform.callbacks.some((c) => c.code === lost.code && c.status === 503))).toBe(true);
      expect((await db().paymentNotice.findUniqueOrThrow({ where: { id: lost.id } })).state).toBe("ISSUED");
      // The payer says they paid: the worker asks the platform.
      await db().$transaction((tx) => enqueue(tx, TASKS.queryPayment, { id: lost.id }));
      await runQueuedJobs();
      expect(await db().paymentNotice.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({ state: "PAID", confirmedBy: "QUERY" });

      // The same signed callback delivered twice at once: one confirmation, one audit event.
      const id2 = await approved();
      await runQueuedJobs();
      const notice = await db().paymentNotice.findUniqueOrThrow({ where: { applicationId: id2 } });
      const atBank = await platform.pay(notice.code);
      const body = JSON.stringify({ code: atBank.code, amountFen: atBank.amountFen, paidAt: atBank.paidAt, bankRef: atBank.bankRef });
      const h = signedHeaders(SECRET, body, Date.now());
      const twice = await Promise.all([1, 2].map(() => receivePaymentCallback({ body, timestamp: h[TIMESTAMP_HEADER], signature: h[SIGNATURE_HEADER], client: "127.0.0.1" })));
      expect(twice.map((t) => t.body.outcome).sort()).toEqual(["ALREADY_CONFIRMED", "CONFIRMED"]);
      expect(await db().auditEvent.count({ where: { action: "payment.confirmed", entityId: notice.id } })).toBe(1);
    } finally {
      dropCallbacks = false;
    }
  });

  it("past its due day an unpaid notice expires — a paid one whose callback was lost is confirmed instead — and the window issues it again", async () => {
    dropCallbacks = true;
    try {
      const unpaidId = await approved();
      const paidId = await approved();
      await runQueuedJobs();
      const unpaid = await db().paymentNotice.findUniqueOrThrow({ where: { applicationId: unpaidId } });
      const paid = await db().paymentNotice.findUniqueOrThrow({ where: { applicationId: paidId } });
      await platform.pay(paid.code);
      // Both were due yesterday.
      const yesterday = toDateColumn(addCalendarDays(toPlainDate(new Date()), -1));
      await db().paymentNotice.updateMany({ where: { id: { in: [unpaid.id, paid.id] } }, data: { dueDate: yesterday } });
      expect(await expireOverdueNotices()).toEqual({ expired: 1, confirmed: 1 });
      expect((await db().paymentNotice.findUniqueOrThrow({ where: { id: unpaid.id } })).state).toBe("EXPIRED");
      expect(await db().paymentNotice.findUniqueOrThrow({ where: { id: paid.id } })).toMatchObject({ state: "PAID", confirmedBy: "QUERY" });
      expect(await db().message.count({ where: { applicationId: unpaidId, kind: "PAYMENT_EXPIRED" } })).toBe(1);
      expect(await expireOverdueNotices()).toEqual({ expired: 0, confirmed: 0 });
      // The applicant's list says so: expired (ask the window), not "to pay".
      const mine = (await listMyApplications({ actor: applicant })).rows.find((r) => r.id === unpaidId);
      expect(mine).toMatchObject({ paymentDue: false, paymentExpired: true });
      await expect(issueCertificate({ actor: clerk, input: { applicationId: unpaidId } })).rejects.toMatchObject({ code: "FEES_UNPAID" });
      // The old code can no longer be paid into the case; the window issues a new one (once, however many clerks click).
      await expect(reissuePaymentNotice({ actor: applicant, input: { applicationId: unpaidId } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const clerk2 = actorOf(await createUser(db(), { role: "CLERK" }));
      const both = await Promise.allSettled([reissuePaymentNotice({ actor: clerk, input: { applicationId: unpaidId } }), reissuePaymentNotice({ actor: clerk2, input: { applicationId: unpaidId } })]);
      expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const again = await db().paymentNotice.findUniqueOrThrow({ where: { id: unpaid.id } });
      expect(again).toMatchObject({ state: "ISSUED", registeredAt: null, amountFen: unpaid.amountFen });
      expect(again.code).not.toBe(unpaid.code);
      expect(await db().message.count({ where: { applicationId: unpaidId, kind: "PAYMENT_NOTICE" } })).toBe(2);
      await runQueuedJobs();
      await platform.pay(again.code);
      await db().$transaction((tx) => enqueue(tx, TASKS.queryPayment, { id: again.id }));
      await runQueuedJobs();
      expect((await db().paymentNotice.findUniqueOrThrow({ where: { id: again.id } })).state).toBe("PAID");
      await expect(reissuePaymentNotice({ actor: clerk, input: { applicationId: unpaidId } })).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });
    } finally {
      dropCallbacks = false;
    }
  });

  it("the platform takes no payment of a code past its due day (缴款期限), as the bureau expires it", async () => {
    const id = await approved();
    const notice = await db().paymentNotice.findUniqueOrThrow({ where: { applicationId: id } });
    // Registered with a due day that has passed.
    await db().paymentNotice.update({ where: { id: notice.id }, data: { dueDate: toDateColumn(addCalendarDays(toPlainDate(new Date()), -1)) } });
    await runQueuedJobs();
    await expect(platform.pay(notice.code)).rejects.toThrow(/past its due day/);
    const page = await fetch(`${platform.url}/pay?code=${notice.code}`, { method: "POST", body: new URLSearchParams({ code: notice.code }) });
    expect(await page.text()).toContain("已超过缴款期限");
    // Unpaid at the platform: the bureau expires it, and the window can issue it again.
    expect(await expireOverdueNotices()).toMatchObject({ expired: 1 });
    expect((await db().paymentNotice.findUniqueOrThrow({ where: { id: notice.id } })).state).toBe("EXPIRED");
  });

  it("the reconciliation of a day is clean when both sides agree, and raises an injected mismatch to the administrator", async () => {
    const today = toPlainDate(new Date());
    await requestReconciliation({ actor: admin, input: { day: today } });
    await runQueuedJobs();
    const clean = await db().reconciliationRun.findUniqueOrThrow({ where: { day: new Date(`${today}T00:00:00Z`) } });
    expect(clean.mismatchCount).toBe(0);
    expect(clean.bankRows).toBe(clean.bureauRows);

    // A payment the bank reports that the bureau never confirmed.
    const res = await fetch(`${platform.url}/test/reconciliation-rows`, { method: "POST", body: JSON.stringify({ day: today, code: formatPaymentCode("511602", 2026, 999_999_999), amountFen: 777 }) });
    expect(res.status).toBe(201);
    await requestReconciliation({ actor: admin, input: { day: today } });
    await runQueuedJobs();
    const run = await db().reconciliationRun.findUniqueOrThrow({ where: { day: new Date(`${today}T00:00:00Z`) } });
    expect(run.mismatchCount).toBeGreaterThan(0);
    expect(await db().message.count({ where: { userId: admin.id, kind: "RECONCILIATION_MISMATCH" } })).toBe(1);
    await expect(requestReconciliation({ actor: clerk, input: { day: today } })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // 对账差错处理: the administrator closes it — a way that fits its kind, with a note; once.
    const code = formatPaymentCode("511602", 2026, 999_999_999);
    const close = { day: today, code, kind: "UNKNOWN_TO_BUREAU" as const, resolution: "REFUNDED" as const, note: "已向财政申请退付，退付申请号 TF-0001" };
    await expect(resolveMismatch({ actor: clerk, input: close })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resolveMismatch({ actor: admin, input: { ...close, kind: "MISSING_AT_BANK" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resolveMismatch({ actor: admin, input: { ...close, day: "2025-02-29" } })).rejects.toMatchObject({ name: "ZodError" });
    await expect(resolveMismatch({ actor: admin, input: { ...close, note: "  " } })).rejects.toMatchObject({ name: "ZodError" });
    const before = await listPayments({ actor: admin });
    const open = before.runs.find((r) => r.day === today)!;
    expect(open.open).toBe(run.mismatchCount);
    expect(open.mismatches.find((m) => m.code === code)).toMatchObject({ closed: null, ways: ["TIMING", "REFUNDED", "CORRECTED", "OTHER"] });
    // Two administrators at once: one record, the other told it was closed meanwhile.
    const both = await Promise.allSettled([resolveMismatch({ actor: admin, input: close }), resolveMismatch({ actor: admin, input: { ...close, resolution: "OTHER" } })]);
    expect(both.map((b) => b.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((both.find((b) => b.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "MISMATCH_CLOSED" });
    // Running the day again keeps what was recorded; the record cannot be changed.
    await requestReconciliation({ actor: admin, input: { day: today } });
    await runQueuedJobs();
    const after = (await listPayments({ actor: admin })).runs.find((r) => r.day === today)!;
    expect(after.open).toBe(run.mismatchCount - 1);
    const closed = after.mismatches.find((m) => m.code === code)!.closed!;
    expect(closed.by).toBe((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).name);
    expect(await db().auditEvent.count({ where: { action: "payments.mismatch.resolved", entityId: run.id } })).toBe(1);
    await expect(db().mismatchResolution.updateMany({ data: { note: "改写" } })).rejects.toThrow(/append-only/);
    await expect(db().mismatchResolution.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
