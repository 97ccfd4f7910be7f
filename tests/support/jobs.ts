// Runs the job queue's ready jobs in the test process, as the worker would (graphile-worker's
// runOnce with the portal's own task list), against the test file's database.
import { Logger, run, runOnce } from "graphile-worker";
import { TASK_LIST } from "@/lib/server/jobs/tasks";

const quiet = new Logger(() => () => {});

export async function runQueuedJobs(): Promise<void> {
  await runOnce({ connectionString: process.env.DATABASE_URL, taskList: TASK_LIST, logger: quiet });
}

/**
 * A continuous worker in the test process (graphile-worker's run, the portal's task list) until
 * `done` holds. Its check for jobs locked by a dead worker runs within two seconds instead of the
 * production worker's first minute, so a test need not wait for it.
 */
export async function runWorkerUntil(done: () => Promise<boolean>, timeoutMs = 30_000): Promise<boolean> {
  const runner = await run({ connectionString: process.env.DATABASE_URL, taskList: TASK_LIST, logger: quiet, noHandleSignals: true, pollInterval: 200, minResetLockedInterval: 1_000, maxResetLockedInterval: 2_000 });
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await done()) return true;
      await new Promise((r) => setTimeout(r, 200));
    }
    return false;
  } finally {
    await runner.stop();
  }
}
