// The signed-in applicant's own profile, with the identity number masked for display.
import "server-only";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/domain/access/actor";
import { db } from "@/lib/server/db";

/** An applicant's identifying number: the resident ID of a person, the credit code of an enterprise. */
export function identifierOf(user: { residentId: string | null; creditCode: string | null }): string {
  return user.residentId ?? user.creditCode ?? "";
}

export function maskIdentity(value: string): string {
  return value.length <= 8 ? value : `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
}

export async function getApplicantProfile(opts: { actor: Actor | null }) {
  const actor = await requirePermission(opts.actor, "applicant:self", "getApplicantProfile");
  const user = await db().user.findUnique({
    where: { id: actor.id },
    select: { name: true, loginId: true, applicantType: true, residentId: true, creditCode: true, phone: true, contactName: true, enterprise: { select: { name: true, residentId: true, creditCode: true } } },
  });
  if (!user) throw new AppError("NOT_FOUND");
  // A sub-account shows its enterprise's credit code, and its own login.
  return { ...user, maskedId: maskIdentity(identifierOf(user.enterprise ?? user)), isEnterpriseMain: user.applicantType === "ENTERPRISE" };
}
