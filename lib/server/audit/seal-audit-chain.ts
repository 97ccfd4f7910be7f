// The audit chain's sealing step (docs/decisions/013): writers insert their events unsealed and hold
// no lock; this step, run by the job worker every moment and before every verification or anchor,
// gives the rows committed since their chain position and hash, one sealer at a time.
import "server-only";
import type { DbOrTx } from "@/lib/server/db";

const BATCH = 10_000;

/**
 * Seals every committed unsealed event; returns how many. `wait` false: when another sealer is busy
 * it returns 0 at once (that sealer takes these rows); true: waits for it, so that everything
 * committed before the call is sealed when it returns.
 */
export async function sealAuditChain(tx: DbOrTx, opts: { wait?: boolean } = {}): Promise<number> {
  const wait = opts.wait ?? true;
  let total = 0;
  for (;;) {
    const [{ sealed }] = await tx.$queryRaw<{ sealed: number }[]>`SELECT seal_audit_events(${BATCH}::int, ${wait}) AS sealed`;
    total += sealed;
    if (sealed < BATCH) return total;
  }
}
