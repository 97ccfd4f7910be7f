// Browser tests: the built app (`next start`) in Chromium — Debian's package where present.
import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./scripts/lib/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const executablePath = chromiumPath();

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Whole journeys (filing → intake → decision → trail, each page axe-scanned) take 40–60 s alone
  // and up to two minutes when the 2-core machine is busy.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [["list"], ["json"]] : [["list"]],
  outputDir: ".data/test-results/playwright",
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          // As root in CI, and with no network beyond the registries: keep Chromium quiet and local.
          args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: {
    command: `node_modules/.bin/next start -p ${PORT}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
