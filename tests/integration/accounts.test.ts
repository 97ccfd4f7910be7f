// Accounts on real PostgreSQL: applicant registration, staff creation, validation by field.
import { describe, expect, it } from "vitest";
import { registerApplicant } from "@/lib/server/accounts/register-applicant";
import { createStaffAccount } from "@/lib/server/accounts/create-staff-account";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import { makeCreditCode, makeResidentId } from "../factories/identities";
import { actorOf, createUser } from "../factories/users";

describe("applicant registration", () => {
  it("registers a person by resident ID and audits it", async () => {
    const residentId = makeResidentId("19900101", 5).toLowerCase();
    const { id, loginId } = await registerApplicant({ applicantType: "PERSON", name: "张三", residentId, phone: "13800000000", password: "Passw0rd" });
    expect(loginId).toBe(residentId.toUpperCase());
    const user = await db().user.findUniqueOrThrow({ where: { id: id! } });
    expect(user).toMatchObject({ role: "APPLICANT", applicantType: "PERSON", residentId: loginId });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await db().auditEvent.count({ where: { entityId: id!, action: "account.registered" } })).toBe(1);
  });

  it("registers an enterprise by credit code", async () => {
    const creditCode = makeCreditCode(42);
    const { loginId } = await registerApplicant({ applicantType: "ENTERPRISE", name: "示例公司", creditCode, contactName: "李四", phone: "13800000001", password: "Passw0rd" });
    expect(loginId).toBe(creditCode);
  });

  it("refuses an invalid resident ID, naming the field and the problem", async () => {
    const bad = makeResidentId("19900101", 6).slice(0, 17) + "0";
    const valid = makeResidentId("19900101", 6);
    expect(valid.endsWith("0")).toBe(false);
    const before = await db().user.count();
    await expect(registerApplicant({ applicantType: "PERSON", name: "张三", residentId: bad, phone: "13800000000", password: "Passw0rd" }))
      .rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["residentId"], message: "residentId.checksum" })] });
    expect(await db().user.count()).toBe(before);
  });

  it("a second registration of the same resident ID ends like the first, creates nothing, and tells the owner", async () => {
    const residentId = makeResidentId("19900101", 7);
    const input = { applicantType: "PERSON" as const, name: "张三", residentId, phone: "13800000000", password: "Passw0rd" };
    const first = await registerApplicant(input);
    // The same answer as a new account (the form reveals nothing); the owner is told, nothing changes.
    await expect(registerApplicant({ ...input, name: "冒名者", phone: "13912345678", password: "0therPass" })).resolves.toMatchObject({ loginId: first.loginId, id: null });
    const owner = await db().user.findUniqueOrThrow({ where: { id: first.id! } });
    expect(owner.name).toBe(input.name);
    expect(await db().message.findFirst({ where: { userId: owner.id, kind: "ACCOUNT_REGISTRATION_ATTEMPT" } })).toMatchObject({ params: { phone: "139****5678" } });
    expect(await db().auditEvent.count({ where: { entityId: owner.id, action: "account.registrationAttempt" } })).toBe(1);
  });
});

describe("staff accounts", () => {
  it("an administrator creates a staff account; a reviewer must have a section", async () => {
    const admin = actorOf(await createUser(db(), { role: "ADMIN" }));
    const section = await db().section.create({ data: { code: "S99", name: "测试科" } });
    const created = await createStaffAccount({ actor: admin, input: { loginId: "rev01", name: "经办人", role: "REVIEWER", sectionId: section.id, password: "Passw0rd" } });
    expect(created).toMatchObject({ loginId: "REV01", role: "REVIEWER", sectionId: section.id });
    await expect(createStaffAccount({ actor: admin, input: { loginId: "rev02", name: "经办人", role: "REVIEWER", sectionId: null, password: "Passw0rd" } }))
      .rejects.toMatchObject({ code: "VALIDATION", field: "sectionId" });
    await expect(createStaffAccount({ actor: admin, input: { loginId: "rev01", name: "重复", role: "CLERK", sectionId: null, password: "Passw0rd" } }))
      .rejects.toBeInstanceOf(AppError);
  });
});
