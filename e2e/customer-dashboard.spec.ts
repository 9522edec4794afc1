import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";
import { createTestCustomer, demoCustomerId, type FixtureJob } from "./support/customers";
import { e2eDatabase } from "./support/database";

const HOUR_MS = 3_600_000;
const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });
const numbers = new Intl.NumberFormat("en");

function job(status: FixtureJob["status"], hoursAgo: number, tasksUsed: number): FixtureJob {
  return { status, startedAt: new Date(Date.now() - hoursAgo * HOUR_MS).toISOString(), tasksUsed };
}

/** Tasks of the jobs that started this calendar month (UTC): what the billing period counts. */
function tasksThisMonth(jobs: FixtureJob[]): number {
  const now = new Date();
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return jobs.filter((j) => Date.parse(j.startedAt) >= monthStart).reduce((sum, j) => sum + j.tasksUsed, 0);
}

async function expectFigures(page: Page, figures: { active: string; success: string; error: string; tasks?: string }) {
  await expect(page.getByRole("region", { name: "Active recipes" })).toContainText(figures.active);
  await expect(page.getByRole("region", { name: "Success rate" })).toContainText(figures.success);
  await expect(page.getByRole("region", { name: "Error rate" })).toContainText(figures.error);
  if (figures.tasks) await expect(page.getByRole("region", { name: "Tasks used in billing period" })).toContainText(figures.tasks);
}

async function recipeRows(page: Page) {
  const rows = page.getByRole("table", { name: "Recipes" }).locator("tbody tr");
  return (await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent?.trim() ?? "")))) as string[][];
}

test.describe("the customer dashboard (rule U16)", () => {
  test("shows recipes, success and error rates and tasks used for the period in the URL", async ({ page }) => {
    const sync = [job("succeeded", 1, 4), job("succeeded", 3, 2), job("failed", 20, 1), job("succeeded", 50, 5), job("failed", 60, 1)];
    const exports = [job("succeeded", 5, 3), job("succeeded", 100, 2), job("succeeded", 24 * 20, 7)];
    const archive = [job("failed", 30, 1), job("failed", 24 * 10, 1)];
    const customer = await createTestCustomer(page.request, {
      plan: "Starter",
      recipes: [
        { name: "Sync accounts", status: "running", jobs: sync },
        { name: "Nightly export", status: "running", jobs: exports },
        { name: "Archive tickets", status: "stopped", jobs: archive },
        { name: "Unused draft", status: "stopped" },
      ],
    });
    const tasks = `${numbers.format(tasksThisMonth([...sync, ...exports, ...archive]))} / 1,000`;
    await signInAs(page, DEMO_USERS.acmeAdmin.email);

    // The default period is the last 7 days.
    await page.goto(`/customers/${customer.id}`);
    const periods = page.getByRole("navigation", { name: "Time period" });
    await expect(periods.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
    await expectFigures(page, { active: "2 of 4", success: percent.format(5 / 8), error: percent.format(3 / 8), tasks });
    expect(await recipeRows(page)).toEqual([
      ["Archive tickets", "Stopped", "0", "1"],
      ["Nightly export", "Running", "2", "0"],
      ["Sync accounts", "Running", "3", "2"],
      ["Unused draft", "Stopped", "0", "0"],
    ]);
    await expect(page.getByRole("region", { name: "Success rate" })).toContainText("5 successful jobs");

    await periods.getByRole("link", { name: "Last 24 hours" }).click();
    await expect(page).toHaveURL(`/customers/${customer.id}?period=24h`);
    await expectFigures(page, { active: "2 of 4", success: percent.format(3 / 4), error: percent.format(1 / 4), tasks });
    expect(await recipeRows(page)).toEqual([
      ["Archive tickets", "Stopped", "0", "0"],
      ["Nightly export", "Running", "1", "0"],
      ["Sync accounts", "Running", "2", "1"],
      ["Unused draft", "Stopped", "0", "0"],
    ]);
    await expect(page.getByRole("table", { name: /Jobs over time/ })).toBeAttached();

    // A malformed period falls back to the default.
    await page.goto(`/customers/${customer.id}?period=1y`);
    await expect(periods.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
    await expectFigures(page, { active: "2 of 4", success: percent.format(5 / 8), error: percent.format(3 / 8) });

    const sql = e2eDatabase();
    if (sql) {
      try {
        const [usage] = await sql<{ tasks: number }[]>`
          select case when usage_period = date_trunc('month', now() at time zone 'UTC')::date then tasks_used else 0 end as tasks
            from customers where id = ${customer.id}`;
        await expect(page.getByRole("region", { name: "Tasks used in billing period" })).toContainText(`${numbers.format(usage!.tasks)} / 1,000`);
      } finally {
        await sql.end();
      }
    }
  });

  test("agrees with the database for a demo customer over two periods", async ({ page }) => {
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    const id = await demoCustomerId(page.request, "Contoso Pharmaceuticals");
    const sql = e2eDatabase();
    test.skip(!sql, "reads the database directly, which only a real PostgreSQL allows while the server runs");
    try {
      for (const [period, hours] of [
        ["30d", 30 * 24],
        ["90d", 90 * 24],
      ] as const) {
        await page.goto(`/customers/${id}?period=${period}`);
        const [jobs] = await sql!<{ succeeded: number; failed: number }[]>`
          select count(*) filter (where status = 'succeeded')::int as succeeded, count(*) filter (where status = 'failed')::int as failed
            from jobs where customer_id = ${id} and started_at > now() - make_interval(hours => ${hours}) and started_at <= now()`;
        const [recipes] = await sql!<{ total: number; running: number }[]>`
          select count(*)::int as total, count(*) filter (where status = 'running')::int as running from recipes where customer_id = ${id}`;
        const total = jobs!.succeeded + jobs!.failed;
        await expectFigures(page, {
          active: `${recipes!.running} of ${recipes!.total}`,
          success: total ? percent.format(jobs!.succeeded / total) : "—",
          error: total ? percent.format(jobs!.failed / total) : "—",
        });
        const rows = await recipeRows(page);
        expect(rows.reduce((sum, row) => sum + Number(row[2]!.replace(/,/g, "")), 0)).toBe(jobs!.succeeded);
        expect(rows.reduce((sum, row) => sum + Number(row[3]!.replace(/,/g, "")), 0)).toBe(jobs!.failed);
      }
    } finally {
      await sql!.end();
    }
  });
});
