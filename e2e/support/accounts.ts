import { expect, type Page } from "@playwright/test";

/** The banner shown while a partner person is inside a customer account. */
export function accountBanner(page: Page) {
  return page.getByRole("region", { name: "Customer account" });
}

/** Switches into a customer account from the top bar's account switcher, with an optional reason. */
export async function switchInto(page: Page, customerName: string, reason = ""): Promise<void> {
  if (!page.url().includes("/customers")) await page.goto("/customers");
  await page.getByRole("combobox", { name: "Switch account" }).click();
  await page.getByRole("searchbox", { name: "Search accounts" }).fill(customerName);
  await page.getByRole("option", { name: new RegExp(`^${escapeRegExp(customerName)}`) }).click();
  const dialog = page.getByRole("dialog", { name: "Switch to this account" });
  if (reason) await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Switch to this account" }).click();
  await expect(page).toHaveURL(/\/workspace$/);
  await expect(accountBanner(page)).toBeVisible();
}

/** **Return to partner account** from the banner. */
export async function returnToPartner(page: Page): Promise<void> {
  await accountBanner(page).getByRole("button", { name: "Return to partner account" }).click();
  await expect(page).toHaveURL(/\/customers/);
  await expect(accountBanner(page)).toHaveCount(0);
}

/** A customer's numeric ID, through the console's own customer search (the caller must be signed in). */
export async function customerIdByName(page: Page, name: string): Promise<number> {
  const response = await page.request.get(`/lookups/customers?q=${encodeURIComponent(name)}`);
  expect(response.ok()).toBeTruthy();
  const customers = (await response.json()) as { id: number; name: string }[];
  const customer = customers.find((candidate) => candidate.name === name);
  if (!customer) throw new Error(`no customer named ${name}`);
  return customer.id;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
