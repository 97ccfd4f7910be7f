// The window finds a walk-in applicant by resident ID or credit code, or registers them on the spot.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { normalizeCreditCode } from "@/lib/domain/identity/credit-code";
import { normalizeResidentId } from "@/lib/domain/identity/resident-id";
import { identifierOf, maskIdentity } from "@/lib/server/accounts/get-applicant-profile";
import { ZRegisterEnterpriseInput, ZRegisterPersonInput } from "@/lib/server/accounts/schemas";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { hashPassword } from "@/lib/server/auth/password";
import { db } from "@/lib/server/db";
import { createApplicantAccount } from "@/lib/server/accounts/register-applicant";
import { APPLICANT_ROLE } from "@/lib/domain/access/roles";

export const ZFindApplicantInput = z.object({ identifier: z.string().trim().min(15, "applicant.identifier").max(20, "applicant.identifier") });

export async function findApplicant(opts: { actor: Actor | null; identifier: string }) {
  await requirePermission(opts.actor, "intake:work", "findApplicant");
  const raw = opts.identifier.trim();
  const user = await db().user.findFirst({
    where: { role: APPLICANT_ROLE, OR: [{ residentId: normalizeResidentId(raw) }, { creditCode: normalizeCreditCode(raw) }] },
    select: { id: true, name: true, applicantType: true, residentId: true, creditCode: true, phone: true, contactName: true },
  });
  if (!user) return null;
  return { id: user.id, name: user.name, applicantType: user.applicantType, maskedId: maskIdentity(identifierOf(user)), phone: user.phone, contactName: user.contactName };
}

// The same checks as self-registration, without a password: the applicant sets one later.
export const ZWalkInApplicantInput = z.discriminatedUnion("applicantType", [ZRegisterPersonInput.omit({ password: true }), ZRegisterEnterpriseInput.omit({ password: true })]);
export type TWalkInApplicantInput = z.input<typeof ZWalkInApplicantInput>;

export async function registerWalkInApplicant(opts: { actor: Actor | null; input: TWalkInApplicantInput }) {
  const actor = await requirePermission(opts.actor, "intake:work", "registerWalkInApplicant");
  const input = ZWalkInApplicantInput.parse(opts.input);
  // Nobody knows this password: the account exists for the record until its owner claims it.
  const passwordHash = await hashPassword(randomBytes(24).toString("base64url"));
  const user = await createApplicantAccount(input, passwordHash, actor);
  return { id: user.id, name: user.name };
}
