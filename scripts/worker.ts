// `npm run worker`: the portal's background process, beside the web server (`npm run dev` starts it
// for you). Seals the audit chain about once a second and anchors it daily. Several workers may run
// against one database; each duty is taken by one of them at a time. Stops on SIGINT/SIGTERM.
import { env } from "../lib/env";
import { anchorDaily, sealPending } from "../lib/server/jobs/audit-chain-jobs";
import { db } from "../lib/server/db";

env(); // a bad setting stops the worker here, naming the variable
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set (npm run dev starts the worker with the embedded database's URL).");
  process.exit(2);
}

const SEAL_EVERY_MS = 1_000;
const ANCHOR_CHECK_EVERY_MS = 60_000;
let stopping = false;
let wake: (() => void) | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    wake?.();
  });
}
const pause = (ms: number) => new Promise<void>((resolve) => {
  const t = setTimeout(resolve, ms);
  wake = () => (clearTimeout(t), resolve());
});

/** Runs a duty; a failure (the database restarting, say) is logged and tried again next round. */
async function attempt<T>(name: string, duty: () => Promise<T>): Promise<T | undefined> {
  try {
    return await duty();
  } catch (e) {
    console.error(`[worker] ${name} failed; retrying next round:`, e instanceof Error ? e.message : e);
    return undefined;
  }
}

console.log("[worker] started: sealing the audit chain every second, anchoring it daily");
let nextAnchorCheck = 0;
while (!stopping) {
  await attempt("sealing", sealPending);
  if (Date.now() >= nextAnchorCheck) {
    const anchored = await attempt("daily anchor", () => anchorDaily());
    if (anchored) console.log(`[worker] anchored the audit chain at event ${anchored}`);
    nextAnchorCheck = Date.now() + ANCHOR_CHECK_EVERY_MS;
  }
  await pause(SEAL_EVERY_MS);
}
await attempt("final sealing", sealPending);
await db().$disconnect();
console.log("[worker] stopped");
