// Signing out is enforced on the server: a copy of the session cookie that survives it signs
// nobody in, while the same user's other sessions go on.
import { describe, expect, it } from "vitest";
import { endSession, loadActor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { actorOf, createUser } from "../factories/users";

describe("sign-out", () => {
  it("voids the signed-out session, and only that one", async () => {
    const user = await createUser(db(), { role: "CLERK" });
    expect(await loadActor(user.id, "session-a")).not.toBeNull();
    await endSession(actorOf(user), "session-a");
    expect(await loadActor(user.id, "session-a")).toBeNull();
    expect(await loadActor(user.id, "session-b")).not.toBeNull();
    expect(await db().auditEvent.count({ where: { actorId: user.id, action: "account.signedOut" } })).toBe(1);
  });
});
