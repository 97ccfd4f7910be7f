// The stale-lock rule: postmaster.pid goes only when no process of the old server still runs in the
// data folder (orphaned backends outlive a killed postmaster for a moment).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clearStalePidFile, processesInDataDir } from "./embedded-postgres";

const deadPid = 2 ** 22 - 3; // above the default pid_max: never a live process

describe("clearStalePidFile", () => {
  it.runIf(fs.existsSync("/proc"))("waits while a process still runs in the data folder, then removes the stale lock", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pgdata-"));
    fs.writeFileSync(path.join(dir, "postmaster.pid"), `${deadPid}\n${dir}\n`);
    const orphan = spawn("sleep", ["1.5"], { cwd: dir, stdio: "ignore" });
    await new Promise((r) => setTimeout(r, 100));
    expect(processesInDataDir(dir)).toContain(orphan.pid);
    const started = Date.now();
    await clearStalePidFile(dir);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(fs.existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  });

  it.runIf(fs.existsSync("/proc"))("refuses when the old server's processes do not go away", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pgdata-"));
    fs.writeFileSync(path.join(dir, "postmaster.pid"), `${deadPid}\n`);
    const orphan = spawn("sleep", ["5"], { cwd: dir, stdio: "ignore" });
    await new Promise((r) => setTimeout(r, 100));
    await expect(clearStalePidFile(dir, 500)).rejects.toThrow(/still run/);
    expect(fs.existsSync(path.join(dir, "postmaster.pid"))).toBe(true);
    orphan.kill();
  });
});
