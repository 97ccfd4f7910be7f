// Creates users straight in the database for tests (staff of any role, or applicants).
import { hash } from "@node-rs/argon2";
import type { Role } from "../../lib/domain/access/roles";
import type { PrismaClient } from "../../prisma/generated/client";
import { makeResidentId } from "./identities";

let seq = 0;

export async function createUser(
  prisma: PrismaClient,
  opts: { role: Role; password?: string; loginId?: string; sectionId?: string | null; name?: string },
) {
  seq++;
  const isApplicant = opts.role === "APPLICANT";
  const residentId = isApplicant ? makeResidentId("19800101", seq) : null;
  const loginId = opts.loginId ?? residentId ?? `${opts.role}${seq}${Date.now() % 100000}`;
  return prisma.user.create({
    data: {
      loginId,
      name: opts.name ?? `${opts.role.toLowerCase()} ${seq}`,
      role: opts.role,
      passwordHash: await hash(opts.password ?? "Passw0rd!"),
      sectionId: opts.sectionId ?? null,
      applicantType: isApplicant ? "PERSON" : null,
      residentId,
      phone: isApplicant ? "13800009999" : null,
    },
  });
}

export function actorOf(user: { id: string; role: Role; name: string; sectionId: string | null }) {
  return { id: user.id, role: user.role, name: user.name, sectionId: user.sectionId };
}
