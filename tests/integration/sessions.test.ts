// Signing out is enforced on the server: a session cookie that survives it signs nobody in.
import { describe, expect, it } from "vitest";
import { endSessions, loadActor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { actorOf, createUser } from "../factories/users";

describe("sign-out", () => {
  it("voids every session signed in before it, and only those", async () => {
    const user = await createUser(db(), { role: "CLERK" });
    const before = Date.now() - 1000;
    expect(await loadActor(user.id, before)).not.toBeNull();
    await endSessions(actorOf(user));
    expect(await loadActor(user.id, before)).toBeNull();
    expect(await loadActor(user.id, Date.now() + 1)).not.toBeNull();
    expect(await db().auditEvent.count({ where: { actorId: user.id, action: "account.signedOut" } })).toBe(1);
  });
});
