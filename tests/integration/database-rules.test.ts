// Rules the database itself enforces: the audit trail is append-only; one active seal at most.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";

describe("database rules", () => {
  it("refuses to update or delete an audit event", async () => {
    const e = await db().auditEvent.create({ data: { action: "test", entityType: "T", entityId: "1" } });
    await expect(db().auditEvent.update({ where: { id: e.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.delete({ where: { id: e.id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'forged'`)).rejects.toThrow(/append-only/);
    expect((await db().auditEvent.findUniqueOrThrow({ where: { id: e.id } })).action).toBe("test");
    // Nor can the trail (or the stamp log) be emptied wholesale.
    for (const table of ["AuditEvent", "StampRecord", "CorrectionNotice", "Delegation"]) {
      await expect(db().$executeRawUnsafe(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    }
    expect(await db().auditEvent.count({ where: { id: e.id } })).toBe(1);
  });

  it("allows only one active seal", async () => {
    await db().seal.create({ data: { name: "审批专用章", holder: "局长", status: "ACTIVE", activeMarker: true } });
    await expect(db().seal.create({ data: { name: "第二枚", holder: "某人", status: "ACTIVE", activeMarker: true } })).rejects.toThrow();
    await expect(db().$executeRawUnsafe(`INSERT INTO "Seal" (id, name, holder, status) VALUES ('x', '无标记', '某人', 'ACTIVE')`)).rejects.toThrow(/seal/i);
  });
});
