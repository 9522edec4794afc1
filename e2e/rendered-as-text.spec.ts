/**
 * Issue #7, "Bad input": text people type is shown as text. A customer is added through the console's own dialog
 * with an HTML/script payload as its name and external ID; the Customers table (searched, so the payload is
 * highlighted), the customer page and the audit log then show the payload literally, and nothing in it runs: no
 * script sets `window.__xss`, no dialog opens.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";

const marker = randomUUID().slice(0, 6);
const NAME = `<img src=x onerror="window.__xss=1">${marker}<script>window.__xss=1</script>`;
const EXTERNAL_ID = `<svg onload=window.__xss=1>${marker}`;

/** Fails the test on any dialog (alert, confirm, prompt) the page opens by itself. */
function refuseDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on("dialog", async (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return opened;
}

async function expectNothingRan(page: Page, opened: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(opened).toEqual([]);
  // The payload stays text: no element of it was made.
  expect(await page.locator(`img[src="x"], svg[onload]`).count()).toBe(0);
}

test("a customer named with HTML and script is shown literally everywhere, and nothing in it runs", async ({ page }) => {
  const opened = refuseDialogs(page);
  await signInAs(page, DEMO_USERS.acmeAdmin.email);

  await page.goto("/customers");
  await page.getByRole("button", { name: "Add customer" }).click();
  const dialog = page.getByRole("dialog", { name: "Add customer" });
  await dialog.getByLabel("Customer name").fill(NAME);
  await dialog.getByLabel("Notification email").fill("ops@payload.example");
  await dialog.getByRole("combobox", { name: "Plan" }).click();
  await page.getByRole("option", { name: "Starter" }).click();
  await dialog.getByLabel("External ID (optional)").fill(EXTERNAL_ID);
  await dialog.getByRole("button", { name: "Add customer" }).click();
  await expect(dialog).toBeHidden();

  // The table, searched for the payload's own characters, so that the highlight splits it into marked parts.
  await page.goto(`/customers?${new URLSearchParams({ q: `<img src=x onerror="window.__xss=1">${marker}` })}`);
  const row = page.getByRole("row").filter({ hasText: marker });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(NAME);
  await expectNothingRan(page, opened);
  await page.goto(`/customers?${new URLSearchParams({ q: EXTERNAL_ID })}`);
  await expect(page.getByRole("row").filter({ hasText: marker })).toContainText(EXTERNAL_ID);
  await expectNothingRan(page, opened);

  // The customer page: its heading, its external ID, its title.
  await page.getByRole("row").filter({ hasText: marker }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NAME);
  await expect(page.getByRole("definition").filter({ hasText: EXTERNAL_ID })).toHaveCount(1);
  await expectNothingRan(page, opened);
  const customerUrl = page.url();

  // The customer's Activity and the audit log, whose entries name the customer and carry the details.
  await page.goto(`${customerUrl.replace(/\/$/, "")}/activity`);
  await expect(page.getByText(NAME).first()).toBeVisible();
  await expectNothingRan(page, opened);
  // Filtered to the customer: the notifications job may write a page of newer events for other customers meanwhile.
  const customerId = /\/customers\/(\d+)/.exec(customerUrl)![1]!;
  await page.goto(`/audit-log?customer=${customerId}`);
  await expect(page.getByText(NAME).first()).toBeVisible();
  await expectNothingRan(page, opened);
});
