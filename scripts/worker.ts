// `npm run worker`: the portal's background process, beside the web server (`npm run dev` starts it
// for you). It runs the job queue (graphile-worker, docs/decisions/016): notifications out of the
// outbox, cards after each change and in the nightly sweep, the daily audit anchor; and it seals the
// audit chain about once a second. Several workers may run against one database: each job is taken
// by one of them, each scheduled run is made once. Stops on SIGINT/SIGTERM after the jobs in hand.
import { run } from "graphile-worker";
import { env } from "../lib/env";
import { anchorDaily, sealPending } from "../lib/server/jobs/audit-chain-jobs";
import { CRONTAB, TASK_LIST, sweepIfStale } from "../lib/server/jobs/tasks";
import { db } from "../lib/server/db";

const settings = env(); // a bad setting stops the worker here, naming the variable
if (!settings.DATABASE_URL) {
  console.error("DATABASE_URL is not set (npm run dev starts the worker with the embedded database's URL).");
  process.exit(2);
}

const SEAL_EVERY_MS = 1_000;
let stopping = false;
let wake: (() => void) | null = null;
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

// Asked before the schedule is registered, which records its own first execution time.
const sweepNow = await attempt("catch-up sweep", sweepIfStale);
if (sweepNow) console.log("[worker] the cards were not swept in the last day: sweeping now");
const runner = await run({
  connectionString: settings.DATABASE_URL,
  concurrency: settings.WORKER_CONCURRENCY,
  noHandleSignals: true,
  pollInterval: 2_000,
  taskList: TASK_LIST,
  crontab: CRONTAB,
});
// The queue reconnects by itself after a database restart; should it stop for good, so does the
// process, non-zero, for whatever supervises it to start it again.
runner.promise.catch((e: unknown) => {
  console.error("[worker] the job queue stopped:", e instanceof Error ? e.message : e);
  process.exitCode = 1;
  stopping = true;
  wake?.();
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    wake?.();
  });
}

console.log(`[worker] started: ${settings.WORKER_CONCURRENCY} jobs at a time, sealing the audit chain every second`);
// A fresh installation (or one down since before the last scheduled anchor) anchors now.
const anchored = await attempt("daily anchor", () => anchorDaily());
if (anchored) console.log(`[worker] anchored the audit chain at event ${anchored}`);
while (!stopping) {
  await attempt("sealing", sealPending);
  await pause(SEAL_EVERY_MS);
}
await runner.stop().catch(() => {});
await attempt("final sealing", sealPending);
await db().$disconnect();
console.log("[worker] stopped");
