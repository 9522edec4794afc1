import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";
import { createTestCustomer } from "./support/customers";

/**
 * Bulk actions on the Customers table (issue 17): a whole view selected, its plan changed in a background job
 * followed to the end, and a job cancelled midway. Each test makes its own customers, one more page than fits
 * (named with a fresh prefix that is the view's search), so that the demo customers other tests read are left as
 * they are. The test server runs bulk jobs in batches of 2 with a pause between them (playwright.config.ts), so
 * that a job of 30 customers lasts seconds, long enough to watch and to cancel.
 */

const COUNT = 30;

async function customersOfOneView(page: Page, plan: string): Promise<string> {
  const prefix = `Bulk ${randomUUID().slice(0, 8)}`;
  for (let index = 0; index < COUNT; index += 1) {
    await createTestCustomer(page.request, { name: `${prefix} ${String(index).padStart(2, "0")}`, plan });
  }
  return prefix;
}

function table(page: Page) {
  return page.getByRole("table", { name: "Customers" });
}

function planCells(page: Page) {
  return table(page).locator("tbody tr td:nth-last-child(6) div.text-xs");
}

/** Selects the page with the keyboard, then every customer of the view, and opens a bulk action's dialog. */
async function bulkActionOnWholeView(page: Page, prefix: string, action: string, title: string) {
  await page.goto(`/customers?q=${encodeURIComponent(prefix)}`);
  await expect(table(page).getByRole("checkbox", { name: new RegExp(`^Select ${prefix}`) })).toHaveCount(25);
  const pageBox = page.getByRole("checkbox", { name: "Select all customers on this page" });
  await pageBox.focus();
  await page.keyboard.press("Space");
  await expect(pageBox).toBeChecked();
  const bar = page.getByRole("region", { name: "Selected customers" });
  await expect(bar).toContainText("25 customers selected on this page.");
  await bar.getByRole("button", { name: `Select all ${COUNT} customers matching this view` }).click();
  await expect(bar).toContainText(`All ${COUNT} customers matching this view are selected.`);

  await bar.getByRole("button", { name: "Bulk actions" }).click();
  await page.getByRole("menuitem", { name: action }).click();
  const dialog = page.getByRole("dialog", { name: title });
  // The selection in words, as the server counts it: the view's filter, not 25 IDs.
  await expect(dialog.getByText(new RegExp(`^All ${COUNT} customers`))).toBeVisible();
  return { dialog, bar };
}

async function changePlanOfWholeView(page: Page, prefix: string, plan: string) {
  const { dialog, bar } = await bulkActionOnWholeView(page, prefix, "Change plan…", "Change plan");
  await dialog.getByRole("combobox", { name: "New plan" }).click();
  await page.getByRole("option", { name: plan, exact: true }).click();
  await expect(dialog.getByTestId("bulk-effect")).toHaveText(`Moves ${COUNT} customers to the plan ${plan}.`);
  await dialog.getByRole("button", { name: "Change plan" }).click();
  await expect(dialog).toBeHidden();
  await expect(bar).toBeHidden();
}

test.beforeEach(async ({ page }) => {
  await signInAs(page, DEMO_USERS.acmeAdmin.email);
});

test("select all customers matching a view, change their plan, and follow the job to the end", async ({ page }) => {
  test.setTimeout(90_000);
  const prefix = await customersOfOneView(page, "Starter");
  await changePlanOfWholeView(page, prefix, "Growth");

  // The progress bar follows the job, and is still there after a reload.
  const progress = page.getByRole("progressbar", { name: /progress$/ });
  await expect(progress).toBeVisible();
  await page.reload();
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuemax", String(COUNT));

  // A toast says how it ended, and the table shows the new plan without a reload.
  await expect(page.getByText(new RegExp(`: ${COUNT} customers changed\\.$`))).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveCount(0);
  await expect(page.getByRole("link", { name: "See it on the Jobs page" })).toBeVisible();
  await expect.poll(async () => [...new Set(await planCells(page).allInnerTexts())]).toEqual(["Growth"]);
  await page.goto(`/customers?q=${encodeURIComponent(prefix)}&page=2`);
  await expect.poll(async () => [...new Set(await planCells(page).allInnerTexts())]).toEqual(["Growth"]);

  // The Jobs page keeps it: who, what, which customers, how it went.
  await page.goto("/jobs");
  const job = page.getByRole("table", { name: "Jobs" }).locator("tbody tr").first();
  await expect(job).toContainText(DEMO_USERS.acmeAdmin.name);
  await expect(job).toContainText("Finished");
  await expect(job).toContainText(`All ${COUNT} customers`);
  await expect(job).toContainText(`${COUNT} customers changed`);
  // axe on the Jobs page with a finished job in it (e2e/accessibility.spec.ts checks it empty, in every mode).
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("cancel a job midway, from another browser: it stops at its next batch and keeps what it did", async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const prefix = await customersOfOneView(page, "Starter");
  await changePlanOfWholeView(page, prefix, "Business");

  const progress = page.getByRole("progressbar", { name: /progress$/ });
  await expect.poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 30_000 }).toBeGreaterThan(0);

  // The same admin in a browser that did not start the job: the server says it is theirs and underway.
  const elsewhere = await (await browser.newContext({ baseURL: testInfo.project.use.baseURL })).newPage();
  await signInAs(elsewhere, DEMO_USERS.acmeAdmin.email);
  await elsewhere.goto("/customers");
  const running = elsewhere.getByRole("list", { name: "Your running jobs" }).getByRole("listitem").filter({ hasText: prefix });
  await expect(running.getByRole("progressbar", { name: /progress$/ })).toBeVisible();
  await running.getByRole("button", { name: "Cancel job" }).click();
  const confirm = elsewhere.getByRole("alertdialog", { name: "Cancel this job?" });
  await confirm.getByRole("button", { name: "Cancel job" }).click();
  await elsewhere.context().close();

  const ended = page.getByText(new RegExp(`cancelled after (\\d+) of ${COUNT} customers`));
  await expect(ended).toBeVisible({ timeout: 30_000 });
  const done = Number(/after (\d+) of/.exec(await ended.innerText())![1]);
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(COUNT);

  // What it changed stays changed; the rest kept their plan.
  await page.goto(`/customers?q=${encodeURIComponent(prefix)}&size=50`);
  await expect(table(page).locator("tbody tr")).toHaveCount(COUNT);
  const plans = await planCells(page).allInnerTexts();
  expect(plans.filter((plan) => plan === "Business")).toHaveLength(done);
  expect(plans.filter((plan) => plan === "Starter")).toHaveLength(COUNT - done);

  await page.goto("/jobs");
  const job = page.getByRole("table", { name: "Jobs" }).locator("tbody tr").first();
  await expect(job).toContainText("Cancelled");
  await expect(job.getByRole("button", { name: "Cancel job" })).toHaveCount(0);
});

test("a partner member sees no selection and no bulk actions", async ({ page }) => {
  await signInAs(page, DEMO_USERS.acmeMember.email);
  await page.goto("/customers");
  await expect(table(page)).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Select all customers on this page" })).toHaveCount(0);
  await page.goto("/jobs");
  await expect(page.getByRole("heading", { name: "Only partner admins can see jobs" })).toBeVisible();
});

test("export a whole view as CSV: the finished job's file has every customer of the view, from the Jobs page", async ({ page }) => {
  test.setTimeout(90_000);
  const prefix = await customersOfOneView(page, "Starter");
  const { dialog } = await bulkActionOnWholeView(page, prefix, "Export CSV…", "Export customers");
  await dialog.getByRole("button", { name: "Export CSV" }).click();
  await expect(dialog).toBeHidden();

  await page.goto("/jobs");
  const job = page.getByRole("table", { name: "Jobs" }).locator("tbody tr").filter({ hasText: prefix }).first();
  await expect(job).toContainText("Finished", { timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), job.getByRole("link", { name: "Download CSV" }).click()]);
  const lines = readFileSync(await download.path(), "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toMatch(/^ID,Customer,External ID,/);
  const names = lines.slice(1).map((line) => line.split(",")[1]);
  expect(names.sort()).toEqual(Array.from({ length: COUNT }, (_, index) => `${prefix} ${String(index).padStart(2, "0")}`));
});
