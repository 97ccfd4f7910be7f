// Repeated failed sign-ins lock the account for a while; the right password does not get through.
import { describe, expect, it } from "vitest";
import { LOCKOUT_POLICY } from "@/lib/domain/auth/lockout";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { db } from "@/lib/server/db";
import { createUser } from "../factories/users";

describe("sign-in lockout", () => {
  it("locks after the limit, refuses even the right password, and opens again later", async () => {
    const user = await createUser(db(), { role: "CLERK", password: "Right0ne!" });
    const t0 = new Date("2026-11-23T09:00:00+08:00");
    for (let i = 1; i < LOCKOUT_POLICY.maxFailures; i++) {
      await expect(verifyCredentials({ loginId: user.loginId, password: "wrong", now: t0 })).rejects.toMatchObject({ code: "BAD_CREDENTIALS" });
    }
    await expect(verifyCredentials({ loginId: user.loginId, password: "wrong", now: t0 })).rejects.toMatchObject({ code: "ACCOUNT_LOCKED", details: { minutes: LOCKOUT_POLICY.lockMinutes } });
    await expect(verifyCredentials({ loginId: user.loginId, password: "Right0ne!", now: t0 })).rejects.toMatchObject({ code: "ACCOUNT_LOCKED" });

    const after = new Date(t0.getTime() + (LOCKOUT_POLICY.lockMinutes + 1) * 60_000);
    const actor = await verifyCredentials({ loginId: user.loginId.toLowerCase(), password: "Right0ne!", now: after });
    expect(actor.id).toBe(user.id);
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "auth.login.failed" } })).toBe(LOCKOUT_POLICY.maxFailures);
  });

  it("parallel wrong passwords each count: a burst of 8 locks the account, and a right password in the burst after the lock is refused", async () => {
    const user = await createUser(db(), { role: "CLERK", password: "Right0ne!" });
    const t0 = new Date("2026-11-23T10:00:00+08:00");
    const burst = await Promise.allSettled(Array.from({ length: 8 }, () => verifyCredentials({ loginId: user.loginId, password: "wrong", now: t0 })));
    expect(burst.every((r) => r.status === "rejected")).toBe(true);
    expect(await db().auditEvent.count({ where: { entityId: user.id, action: "auth.login.failed" } })).toBe(8);
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil?.getTime()).toBe(t0.getTime() + LOCKOUT_POLICY.lockMinutes * 60_000);
    await expect(verifyCredentials({ loginId: user.loginId, password: "Right0ne!", now: t0 })).rejects.toMatchObject({ code: "ACCOUNT_LOCKED" });
  });

  it("an ID without an account answers exactly like one with an account: wrong, then locked after as many tries", async () => {
    const t0 = new Date("2026-11-23T11:00:00+08:00");
    const known = await createUser(db(), { role: "APPLICANT", password: "Right0ne!" });
    const answers = async (loginId: string) => {
      const out: string[] = [];
      for (let i = 0; i < LOCKOUT_POLICY.maxFailures + 1; i++) out.push(await verifyCredentials({ loginId, password: "wrong", now: t0 }).then(() => "OK", (e) => e.code));
      return out;
    };
    const unknownAnswers = await answers("511602199001010000");
    expect(unknownAnswers).toEqual(await answers(known.loginId));
    expect(unknownAnswers.at(-1)).toBe("ACCOUNT_LOCKED");
    // And it opens again after the same time.
    const later = new Date(t0.getTime() + (LOCKOUT_POLICY.lockMinutes + 1) * 60_000);
    await expect(verifyCredentials({ loginId: "511602199001010000", password: "wrong", now: later })).rejects.toMatchObject({ code: "BAD_CREDENTIALS" });
  });

  it("an unknown account and a deactivated one are both just wrong credentials", async () => {
    await expect(verifyCredentials({ loginId: "NOBODY", password: "x" })).rejects.toMatchObject({ code: "BAD_CREDENTIALS" });
    const user = await createUser(db(), { role: "CLERK", password: "Right0ne!" });
    await db().user.update({ where: { id: user.id }, data: { active: false } });
    await expect(verifyCredentials({ loginId: user.loginId, password: "Right0ne!" })).rejects.toMatchObject({ code: "BAD_CREDENTIALS" });
  });
});
