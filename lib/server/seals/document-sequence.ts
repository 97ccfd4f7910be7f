// The next number of a numbering series (a certificate prefix, a kind of document) in a year,
// inside the caller's transaction: rolled back with it, never handed out twice.
import "server-only";
import type { Tx } from "@/lib/server/db";

export async function nextInSeries(tx: Tx, prefix: string, year: number): Promise<number> {
  const [{ last }] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "CertificateCounter" (prefix, year, last) VALUES (${prefix}, ${year}, 1)
    ON CONFLICT (prefix, year) DO UPDATE SET last = "CertificateCounter".last + 1 RETURNING last`;
  return last;
}
