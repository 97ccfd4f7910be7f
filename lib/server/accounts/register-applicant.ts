// Self-registration of an applicant: a person (resident ID) or an enterprise (credit code).
import "server-only";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { hashPassword } from "@/lib/server/auth/password";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";
import { ZRegisterApplicantInput, type TRegisterApplicantInput } from "./schemas";
import { APPLICANT_ROLE } from "@/lib/domain/access/roles";
import { postMessage } from "@/lib/server/applications/transition";

/**
 * Self-registration. An ID or credit code that already has an account ends exactly like a new one
 * (the form must not tell a stranger which IDs are registered); the account's owner is told
 * through their own inbox and phone that someone tried, and the attempt is audited.
 */
export async function registerApplicant(raw: TRegisterApplicantInput): Promise<{ id: string | null; loginId: string; name: string }> {
  const input = ZRegisterApplicantInput.parse(raw);
  const passwordHash = await hashPassword(input.password);
  try {
    return await createApplicantAccount(input, passwordHash, null);
  } catch (e) {
    if (!(e instanceof AppError && e.code === "LOGIN_ID_TAKEN")) throw e;
    const loginId = (input.applicantType === "PERSON" ? input.residentId : input.creditCode) ?? "";
    const owner = await db().user.findUnique({ where: { loginId }, select: { id: true, role: true } });
    if (owner) {
      await db().$transaction(async (tx) => {
        await recordAuditEvent(tx, { actor: null, action: "account.registrationAttempt", entityType: "User", entityId: owner.id, meta: { phone: maskPhone(input.phone) } });
        await postMessage(tx, { userId: owner.id, applicationId: null, kind: "ACCOUNT_REGISTRATION_ATTEMPT", params: { phone: maskPhone(input.phone) } });
      });
    }
    return { id: null, loginId, name: input.name };
  }
}

const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****");

type ApplicantFields = {
  applicantType: "PERSON" | "ENTERPRISE";
  name: string;
  phone: string;
  residentId?: string;
  creditCode?: string;
  contactName?: string;
};

/**
 * Creates an applicant's account with its audit event: self-registration (actor null) or a
 * clerk registering a walk-in. A taken ID or credit code is LOGIN_ID_TAKEN on that field.
 */
export async function createApplicantAccount(input: ApplicantFields, passwordHash: string, clerk: Actor | null): Promise<{ id: string; loginId: string; name: string }> {
  const person = input.applicantType === "PERSON";
  const loginId = (person ? input.residentId : input.creditCode) ?? "";
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          loginId,
          name: input.name,
          passwordHash,
          role: APPLICANT_ROLE,
          applicantType: input.applicantType,
          residentId: person ? loginId : null,
          creditCode: person ? null : loginId,
          contactName: person ? null : (input.contactName ?? null),
          phone: input.phone,
        },
      });
      await recordAuditEvent(tx, {
        actor: clerk ?? { id: user.id, role: APPLICANT_ROLE },
        action: clerk ? "account.registeredAtWindow" : "account.registered",
        entityType: "User",
        entityId: user.id,
        after: { applicantType: input.applicantType },
      });
      return { id: user.id, loginId, name: user.name };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new AppError("LOGIN_ID_TAKEN", undefined, { field: person ? "residentId" : "creditCode" });
    }
    throw e;
  }
}
