// Accounts on real PostgreSQL: password reset and claiming by a one-time code, the administrator's
// unlock/disable/enable/reset, and enterprise staff sub-accounts that file for their enterprise.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/access/actor";
import { requestAccountCode, resetPasswordWithCode } from "@/lib/server/accounts/account-codes";
import { addEnterpriseStaff, listEnterpriseStaff, removeEnterpriseStaff } from "@/lib/server/accounts/enterprise-staff";
import { listAccounts, manageAccount } from "@/lib/server/accounts/manage-accounts";
import { registerApplicant } from "@/lib/server/accounts/register-applicant";
import { logNotifier, setNotifier, type OutboundMessage } from "@/lib/server/applications/notifier";
import { listMyApplications } from "@/lib/server/applications/list-my-applications";
import { loadActor } from "@/lib/server/auth/actor";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { db } from "@/lib/server/db";
import { draftWithMaterials } from "../factories/filings";
import { makeCreditCode, makeResidentId } from "../factories/identities";
import { createItem } from "../factories/items";
import { actorOf, createUser } from "../factories/users";
import { runQueuedJobs } from "../support/jobs";

const sent: OutboundMessage[] = [];
const codeIn = (m: OutboundMessage | undefined) => m?.text.match(/验证码 (\d{6})/)?.[1] ?? "";
beforeAll(() => setNotifier({ send: async (m) => void sent.push(m) }));
afterAll(() => setNotifier(logNotifier));

let admin: Actor;
beforeAll(async () => {
  admin = actorOf(await createUser(db(), { role: "ADMIN" }));
});

async function person(seq: number) {
  const residentId = makeResidentId("19850505", seq);
  const { id } = await registerApplicant({ applicantType: "PERSON", name: "找回测试", residentId, phone: "13900001111", password: "OldPassw0rd" });
  return { id: id!, loginId: residentId };
}

describe("password reset by a one-time code", () => {
  it("sends a code to the phone on record, and nothing — with the same answer — for an unknown login or a staff account", async () => {
    const before = sent.length;
    await expect(requestAccountCode({ input: { loginId: makeResidentId("19850505", 900) } })).resolves.toBeUndefined();
    await runQueuedJobs();
    const staff = await createUser(db(), { role: "CLERK" });
    await expect(requestAccountCode({ input: { loginId: staff.loginId } })).resolves.toBeUndefined();
    await runQueuedJobs();
    expect(sent.length).toBe(before);
    const p = await person(1);
    await requestAccountCode({ input: { loginId: p.loginId } });
    await runQueuedJobs();
    expect(sent.at(-1)).toMatchObject({ userId: p.id, phone: "13900001111", kind: "ACCOUNT_CODE_RESET" });
    expect(codeIn(sent.at(-1))).toMatch(/^\d{6}$/);
    // Only a keyed hash is kept.
    const stored = await db().accountCode.findFirstOrThrow({ where: { userId: p.id } });
    expect(stored.codeHash).not.toContain(codeIn(sent.at(-1)));
  });

  it("sets the new password with the code, clears the lockout, voids earlier sessions, and refuses the code a second time", async () => {
    const p = await person(2);
    const signedInBefore = Date.now() - 1000;
    await db().user.update({ where: { id: p.id }, data: { failedLoginCount: 0, lockedUntil: new Date(Date.now() + 600_000) } });
    await requestAccountCode({ input: { loginId: p.loginId } });
    await runQueuedJobs();
    const code = codeIn(sent.at(-1));
    await resetPasswordWithCode({ input: { loginId: p.loginId, code, password: "NewPassw0rd" } });
    await expect(verifyCredentials({ loginId: p.loginId, password: "OldPassw0rd" })).rejects.toMatchObject({ code: "BAD_CREDENTIALS" });
    expect((await verifyCredentials({ loginId: p.loginId, password: "NewPassw0rd" })).id).toBe(p.id);
    expect(await loadActor(p.id, "s-before", signedInBefore)).toBeNull();
    expect(await loadActor(p.id, "s-after", Date.now() + 1000)).not.toBeNull();
    await expect(resetPasswordWithCode({ input: { loginId: p.loginId, code, password: "Other1Passw0rd" } })).rejects.toMatchObject({ code: "CODE_INVALID", field: "code" });
    expect(await db().auditEvent.count({ where: { entityId: p.id, action: "account.password.reset" } })).toBe(1);
  });

  it("counts wrong codes: after five, even the right one is refused; five codes an hour at most", async () => {
    const p = await person(3);
    await requestAccountCode({ input: { loginId: p.loginId } });
    await runQueuedJobs();
    const code = codeIn(sent.at(-1));
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) await expect(resetPasswordWithCode({ input: { loginId: p.loginId, code: wrong, password: "NewPassw0rd" } })).rejects.toMatchObject({ code: "CODE_INVALID" });
    await expect(resetPasswordWithCode({ input: { loginId: p.loginId, code, password: "NewPassw0rd" } })).rejects.toMatchObject({ code: "CODE_INVALID" });
    const before = sent.length;
    await Promise.all(Array.from({ length: 8 }, () => requestAccountCode({ input: { loginId: p.loginId } })));
    await runQueuedJobs();
    expect(sent.length - before).toBe(4);
    expect(await db().accountCode.count({ where: { userId: p.id } })).toBe(5);
  });

  it("lets a walk-in registered at the window claim the account with a code", async () => {
    const clerk = actorOf(await createUser(db(), { role: "CLERK" }));
    const { registerWalkInApplicant } = await import("@/lib/server/applications/applicants");
    const residentId = makeResidentId("19700101", 77);
    await registerWalkInApplicant({ actor: clerk, input: { applicantType: "PERSON", name: "窗口登记", residentId, phone: "13900002222" } });
    await requestAccountCode({ input: { loginId: residentId, purpose: "CLAIM" } });
    await runQueuedJobs();
    expect(sent.at(-1)?.kind).toBe("ACCOUNT_CODE_CLAIM");
    await resetPasswordWithCode({ input: { loginId: residentId, code: codeIn(sent.at(-1)), password: "Claimed1Pass" } });
    expect((await verifyCredentials({ loginId: residentId, password: "Claimed1Pass" })).name).toBe("窗口登记");
    expect(await db().auditEvent.count({ where: { action: "account.claimed" } })).toBeGreaterThan(0);
  });
});

describe("the administrator's accounts", () => {
  it("unlocks, disables (voiding sessions and sign-in), enables, and resets — only what the account's state allows, never their own", async () => {
    const clerkUser = await createUser(db(), { role: "CLERK", password: "Clerk1Pass" });
    await db().user.update({ where: { id: clerkUser.id }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
    const listed = await listAccounts({ actor: admin, filter: { q: clerkUser.loginId } });
    expect(listed.rows.map((r) => [r.loginId, r.locked, r.actions])).toEqual([[clerkUser.loginId, true, ["UNLOCK", "DISABLE", "RESET_PASSWORD"]]]);
    await manageAccount({ actor: admin, input: { userId: clerkUser.id, action: "UNLOCK" } });
    expect((await verifyCredentials({ loginId: clerkUser.loginId, password: "Clerk1Pass" })).id).toBe(clerkUser.id);
    await expect(manageAccount({ actor: admin, input: { userId: clerkUser.id, action: "UNLOCK" } })).rejects.toMatchObject({ code: "ALREADY_HANDLED" });

    await manageAccount({ actor: admin, input: { userId: clerkUser.id, action: "DISABLE" } });
    expect(await loadActor(clerkUser.id, "any", Date.now() + 1000)).toBeNull();
    await expect(verifyCredentials({ loginId: clerkUser.loginId, password: "Clerk1Pass" })).rejects.toMatchObject({ code: "BAD_CREDENTIALS" });
    await manageAccount({ actor: admin, input: { userId: clerkUser.id, action: "ENABLE" } });

    const { temporaryPassword } = await manageAccount({ actor: admin, input: { userId: clerkUser.id, action: "RESET_PASSWORD" } });
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9_-]{12,}$/);
    expect((await verifyCredentials({ loginId: clerkUser.loginId, password: temporaryPassword! })).id).toBe(clerkUser.id);
    expect((await db().auditEvent.findMany({ where: { entityId: clerkUser.id, action: { startsWith: "account.admin." } }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual([
      "account.admin.unlock",
      "account.admin.disable",
      "account.admin.enable",
      "account.admin.reset_password",
    ]);

    // An applicant's reset goes to their own phone; the administrator never holds their password.
    const p = await person(4);
    const before = sent.length;
    expect(await manageAccount({ actor: admin, input: { userId: p.id, action: "RESET_PASSWORD" } })).toEqual({ loginId: p.loginId, codeSent: true });
    await runQueuedJobs();
    expect(sent.length).toBe(before + 1);
    await expect(verifyCredentials({ loginId: p.loginId, password: "OldPassw0rd" })).rejects.toMatchObject({ code: "BAD_CREDENTIALS" });

    await expect(manageAccount({ actor: admin, input: { userId: admin.id, action: "DISABLE" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(manageAccount({ actor: actorOf(clerkUser), input: { userId: p.id, action: "UNLOCK" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("enterprise staff sub-accounts", () => {
  it("are added by the enterprise's main account, claim with a code, and file for the enterprise (recorded as its filer)", async () => {
    const creditCode = makeCreditCode(313);
    const { id: enterpriseId } = await registerApplicant({ applicantType: "ENTERPRISE", name: "子账号测试公司", creditCode, contactName: "王总", phone: "13900003333", password: "Company1Pass" });
    const enterprise = (await loadActor(enterpriseId!))!;
    const member = await addEnterpriseStaff({ actor: enterprise, input: { name: "李经办", phone: "13900004444" } });
    expect(member.loginId).toBe(`${creditCode}-01`);
    expect((await addEnterpriseStaff({ actor: enterprise, input: { name: "周经办", phone: "13900005555" } })).loginId).toBe(`${creditCode}-02`);

    await requestAccountCode({ input: { loginId: member.loginId, purpose: "CLAIM" } });
    await runQueuedJobs();
    expect(sent.at(-1)?.phone).toBe("13900004444");
    await resetPasswordWithCode({ input: { loginId: member.loginId, code: codeIn(sent.at(-1)), password: "Member1Pass" } });
    const signedIn = await verifyCredentials({ loginId: member.loginId.toLowerCase(), password: "Member1Pass" });
    const memberActor = (await loadActor(signedIn.id, "m", Date.now() + 1000))!;
    expect(memberActor.actsFor).toBe(enterpriseId);

    const item = await createItem(db());
    const { id } = await draftWithMaterials(memberActor, item);
    expect(await db().application.findUniqueOrThrow({ where: { id }, select: { applicantId: true, filedById: true } })).toEqual({ applicantId: enterpriseId, filedById: memberActor.id });
    expect((await listMyApplications({ actor: enterprise })).rows.map((r) => r.id)).toContain(id);
    expect((await listMyApplications({ actor: memberActor })).rows.map((r) => r.id)).toContain(id);

    // A person, or a sub-account, manages no staff.
    await expect(addEnterpriseStaff({ actor: memberActor, input: { name: "第三人", phone: "13900006666" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const p = await person(5);
    await expect(listEnterpriseStaff({ actor: (await loadActor(p.id))! })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await removeEnterpriseStaff({ actor: enterprise, userId: memberActor.id });
    expect(await loadActor(memberActor.id, "m2", Date.now() + 1000)).toBeNull();
    expect((await listEnterpriseStaff({ actor: enterprise })).map((s) => [s.loginId, s.active])).toEqual([
      [`${creditCode}-01`, false],
      [`${creditCode}-02`, true],
    ]);
  });
});
