// Starts the portal's job worker (scripts/worker.ts) as a child process, as `npm run worker` would.
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";
import { ROOT } from "./prisma-cli";

export function startWorker(env: NodeJS.ProcessEnv, stdio: StdioOptions): ChildProcess {
  // NO_LOG_SUCCESS: graphile-worker does not print a line for every job that succeeds (failures still print).
  return spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/worker.ts"], { cwd: ROOT, env: { NO_LOG_SUCCESS: "1", ...env }, stdio });
}
