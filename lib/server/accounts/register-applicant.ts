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

export async function registerApplicant(raw: TRegisterApplicantInput): Promise<{ id: string; loginId: string; name: string }> {
  const input = ZRegisterApplicantInput.parse(raw);
  const passwordHash = await hashPassword(input.password);
  return createApplicantAccount(input, passwordHash, null);
}

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
