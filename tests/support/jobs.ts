// Runs the job queue's ready jobs in the test process, as the worker would (graphile-worker's
// runOnce with the portal's own task list), against the test file's database.
import { Logger, runOnce } from "graphile-worker";
import { TASK_LIST } from "@/lib/server/jobs/tasks";

const quiet = new Logger(() => () => {});

export async function runQueuedJobs(): Promise<void> {
  await runOnce({ connectionString: process.env.DATABASE_URL, taskList: TASK_LIST, logger: quiet });
}
