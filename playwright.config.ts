import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// Browser downloads are impossible here: use Debian's Chromium when it is installed.
const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;

export default defineConfig({
  testDir: "e2e",
  // One worker: the machine has two cores, and the server under test needs one of them.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath } } }],
  webServer: {
    // The production build made by `npm run test:e2e`, on a throwaway database with the demo data.
    command: "npx tsx scripts/start.ts --test",
    url: `http://localhost:${port}/api/health`,
    // Bulk jobs in batches of 2 with a pause: a job of 30 customers lasts seconds, long enough to watch and cancel.
    env: { PORT: String(port), BULK_JOB_BATCH_SIZE: "2", BULK_JOB_BATCH_PAUSE_MS: "400" },
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
