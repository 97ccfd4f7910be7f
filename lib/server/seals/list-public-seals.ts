// The seals and their public keys, published for anyone to check the bureau's signatures with.
import "server-only";
import { db } from "@/lib/server/db";

export async function listPublicSeals() {
  return db().seal.findMany({
    where: { keyId: { not: null } },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    select: { id: true, name: true, status: true, keyId: true, rsaFingerprint: true, sm2PublicKey: true, sm2Fingerprint: true, certificatePem: true, demo: true, archivedAt: true, _count: { select: { stampRecords: true } } },
  });
}
