import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../db/seed/demo-users";
import { startCluster, type Cluster } from "../scripts/lib/cluster";

/**
 * Three instances of the production server behind haproxy (scripts/lib/cluster.ts, as `npm run cluster` runs them)
 * on the database of the server under test: nothing a person needs lives in one instance's memory, so killing the
 * instance that signed them in changes nothing for them.
 */
const haproxy = spawnSync("haproxy", ["-v"]).status === 0;
// CI installs haproxy and asks for this test (.ci/run): there a missing haproxy fails it instead of skipping it.
const required = process.env.E2E_REQUIRE_CLUSTER === "1";
const port = Number(process.env.E2E_PORT ?? 3100) + 10;

test.describe("several instances behind a balancer", () => {
  test.skip(!haproxy && !required, "haproxy is not installed (apt-get install haproxy)");

  let cluster: Cluster | null = null;
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    // Written by the server under test when it starts (scripts/start.ts --test), so read here, not on import.
    const database = JSON.parse(readFileSync(join(process.cwd(), ".data", "e2e-database.json"), "utf8")) as { url: string; embedded: boolean };
    test.skip(database.embedded, "several instances need PostgreSQL (DATABASE_URL): the embedded database serves one process");
    cluster = await startCluster({
      count: 3,
      balancerPort: port,
      output: "ignore",
      servedBy: true,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        DATABASE_EMBEDDED: "0",
        NEXTAUTH_SECRET: "several-instances-test-secret",
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NODE_ENV: "production",
        // The server under test runs the jobs and sends the mail its tests read; these instances only serve pages.
        JOB_WORKER: "0",
      },
    });
  });
  test.afterAll(async () => {
    await cluster?.stop();
  });

  test("a person signed in through the balancer keeps working when the instance that signed them in is killed", async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ baseURL: cluster!.origin });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(DEMO_USERS.acmeAdmin.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    const signIn = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    const servedBy = (await signIn).headers()["x-served-by"];
    await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();

    const signedInBy = cluster!.instances.find((item) => item.id === servedBy);
    expect(signedInBy, `the instance that signed in (${servedBy})`).toBeTruthy();
    await signedInBy!.stop("SIGKILL");

    // Every page after the kill is served by the others, with the same session; round robin spreads them.
    const answeredBy = new Set<string>();
    page.on("response", (response) => {
      const id = response.headers()["x-served-by"];
      if (id && response.request().resourceType() === "document") answeredBy.add(id);
    });
    for (const [path, heading] of [
      ["/customers", "Customers"],
      ["/customer-managers", "Customer managers"],
      ["/audit-log", "Audit log"],
      ["/customers?q=north", "Customers"],
      ["/team", "Team"],
    ] as const) {
      await page.goto(path);
      await expect(page, `${path} after the kill`).not.toHaveURL(/\/sign-in/);
      await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    }
    expect([...answeredBy].sort()).not.toContain(servedBy);
    expect(answeredBy.size).toBeGreaterThan(1);
    await context.close();
  });
});
