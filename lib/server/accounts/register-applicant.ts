// Self-registration of an applicant: a person (resident ID) or an enterprise (credit code).
import "server-only";
import { AppError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";
import { Prisma } from "@/prisma/generated/client";
import { ZRegisterApplicantInput, type TRegisterApplicantInput } from "./schemas";

export async function registerApplicant(raw: TRegisterApplicantInput): Promise<{ id: string; loginId: string }> {
  const input = ZRegisterApplicantInput.parse(raw);
  const loginId = input.applicantType === "PERSON" ? input.residentId : input.creditCode;
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          loginId,
          name: input.name,
          passwordHash,
          role: "APPLICANT",
          applicantType: input.applicantType,
          residentId: input.applicantType === "PERSON" ? input.residentId : null,
          creditCode: input.applicantType === "ENTERPRISE" ? input.creditCode : null,
          contactName: input.applicantType === "ENTERPRISE" ? input.contactName : null,
          phone: input.phone,
        },
      });
      await recordAuditEvent(tx, {
        actor: { id: user.id, role: "APPLICANT" },
        action: "account.registered",
        entityType: "User",
        entityId: user.id,
        after: { applicantType: input.applicantType },
      });
      return { id: user.id, loginId };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new AppError("LOGIN_ID_TAKEN", undefined, {
        field: input.applicantType === "PERSON" ? "residentId" : "creditCode",
      });
    }
    throw e;
  }
}
