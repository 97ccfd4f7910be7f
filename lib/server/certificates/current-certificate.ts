// The certificate an application stands on now: the newest in its line (a replacement, 补办/变更,
// takes the place of the one it replaces; earlier ones stay on record and verify as "replaced").
import "server-only";
import type { Prisma } from "@/prisma/generated/client";

export function currentCertificate<S extends Prisma.CertificateSelect>(select: S) {
  return { where: { replacedBy: { is: null } }, orderBy: { version: "desc" as const }, take: 1, select };
}
