// A production seed puts no published password on any account: no demo accounts, and the
// administrator's password is the one the operator was shown.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";
import { db } from "@/lib/server/db";
import { ITEMS_CSV } from "../../prisma/seed";
import { seedBureau } from "../../prisma/seed/seed-bureau";
import { DEMO_PASSWORD } from "../factories/demo-accounts";

describe("production seed", () => {
  it("creates only the administrator, with the given password; the demo password opens nothing", async () => {
    await seedBureau(db(), fs.readFileSync(ITEMS_CSV, "utf8"), { production: true, adminPassword: "Gen3rated-Once!" });
    expect(await db().user.findMany({ select: { loginId: true, role: true } })).toEqual([{ loginId: "ADMIN", role: "ADMIN" }]);
    await expect(verifyCredentials({ loginId: "ADMIN", password: DEMO_PASSWORD })).rejects.toMatchObject({ code: "BAD_CREDENTIALS" });
    expect((await verifyCredentials({ loginId: "ADMIN", password: "Gen3rated-Once!" })).role).toBe("ADMIN");
  });
});
