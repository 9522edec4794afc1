import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { accountBanner } from "./support/accounts";
import { signInAs } from "./support/auth";
import { demoCustomerId } from "./support/customers";

/** Keyboard use of the Customers page, the dialogs and switching (issue 12, items 7, 11 and 12). */

/** The table has rendered the URL's view, and the page's script has hydrated (so that keys reach its handlers). */
async function waitForTable(page: Page) {
  await expect(page.getByRole("table", { name: "Customers" })).toHaveAttribute("aria-busy", "false");
  await page.waitForLoadState("networkidle");
}

/** Types like a person (one key at a time), so the search's debounce sees keystrokes, not one paste. */
async function typeSlowly(field: Locator, text: string) {
  await field.pressSequentially(text, { delay: 60 });
}

test.describe("the Customers page from the keyboard", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
  });

  test("Back restores each settled search, not each keystroke (item 7)", async ({ page }) => {
    await page.goto("/customers");
    await waitForTable(page);
    await page.getByRole("tab", { name: /^Active/ }).click();
    await expect(page).toHaveURL(/\/customers\?status=active$/);
    await waitForTable(page);

    const search = page.getByRole("searchbox", { name: "Search customers" });
    await typeSlowly(search, "northwind");
    await expect(page).toHaveURL(/q=northwind/);
    await waitForTable(page);
    // Enter settles the search; the next one gets its own entry.
    await search.press("Enter");
    await search.fill("");
    await typeSlowly(search, "contoso");
    await expect(page).toHaveURL(/q=contoso/);
    await waitForTable(page);

    await page.goBack();
    await expect(page).toHaveURL(/q=northwind/);
    await expect(search).toHaveValue("northwind");
    await waitForTable(page);
    await expect(page.getByRole("table", { name: "Customers" }).getByRole("link", { name: /Northwind Traders/ })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/\/customers\?status=active$/);
    await expect(search).toHaveValue("");
    await page.goBack();
    await expect(page).toHaveURL(/\/customers$/);
    await page.goForward();
    await page.goForward();
    await expect(page).toHaveURL(/q=northwind/);
    await expect(search).toHaveValue("northwind");
  });

  test("the App filter is a combobox over a listbox: type to filter, arrows, Enter (item 12)", async ({ page }) => {
    await page.goto("/customers");
    await waitForTable(page);
    await page.getByRole("button", { name: "App", exact: true }).focus();
    await page.keyboard.press("Enter");
    const search = page.getByRole("combobox", { name: "Search apps" });
    await expect(search).toBeFocused();
    const listbox = page.getByRole("listbox", { name: "Apps" });
    await expect(listbox.getByRole("option").first()).toBeVisible();
    await expect(listbox.getByRole("button")).toHaveCount(0);

    await page.keyboard.type("s");
    const options = listbox.getByRole("option");
    expect(await options.count()).toBeGreaterThan(1);
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowDown");
    await expect(options.first()).toHaveAttribute("aria-selected", "false");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    const secondId = await options.nth(1).getAttribute("id");
    await expect(search).toHaveAttribute("aria-activedescendant", secondId!);
    const chosen = (await options.nth(1).innerText()).trim();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");

    await expect(listbox).toBeHidden();
    await expect(page).toHaveURL(/app=\d+/);
    await expect(page.getByRole("group", { name: "Active filters" }).getByText(`App: ${chosen}`)).toBeVisible();
    await expect(page.getByRole("button", { name: "App", exact: true })).toBeFocused();
  });

  test("the status tabs follow the tabs pattern: one tab stop, arrows, Home, End (item 12)", async ({ page }) => {
    await page.goto("/customers");
    await waitForTable(page);
    const tab = (name: RegExp) => page.getByRole("tab", { name });
    const all = tab(/^All/);
    await expect(all).toHaveAttribute("aria-selected", "true");
    await expect(all).toHaveAttribute("tabindex", "0");
    await expect(tab(/^Active/)).toHaveAttribute("tabindex", "-1");
    await expect(page.getByRole("tabpanel")).toHaveAccessibleName(/^All/);

    await all.focus();
    await page.keyboard.press("ArrowRight");
    await expect(tab(/^Active/)).toBeFocused();
    // Moving does not show the tab (each tab asks the server for its rows): Enter does.
    await expect(all).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("End");
    await expect(tab(/^Expired subscription/)).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(all).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(tab(/^Expired subscription/)).toBeFocused();
    await page.keyboard.press("Home");
    await expect(all).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/status=in_trial/);
    await expect(tab(/^In trial/)).toHaveAttribute("aria-selected", "true");
    await expect(tab(/^In trial/)).toHaveAttribute("tabindex", "0");
    await expect(page.getByRole("tabpanel")).toHaveAccessibleName(/^In trial/);
    await expect(tab(/^In trial/)).toBeFocused();
  });
});

test.describe("focus after dialogs and switching (item 11)", () => {
  test("Esc returns focus to the trigger; a customer added gets focus on its row", async ({ page }) => {
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    await page.goto("/customers");
    await waitForTable(page);
    const add = page.getByRole("button", { name: "Add customer" });
    await add.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Add customer" });
    await expect(dialog.getByLabel("Customer name")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(add).toBeFocused();

    const name = `Keyboard Customer ${randomUUID().slice(0, 8)}`;
    await page.keyboard.press("Enter");
    await expect(dialog.getByLabel("Customer name")).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press("Tab");
    await page.keyboard.type("ops@keyboard.example");
    await dialog.getByRole("combobox", { name: "Plan" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("option", { name: "Growth" }).focus();
    await page.keyboard.press("Enter");
    await dialog.getByRole("button", { name: "Add customer" }).focus();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    // The row arrives with the server's next render, which can take seconds on a loaded machine.
    await expect(page.getByRole("table", { name: "Customers" }).getByRole("link", { name })).toBeFocused({ timeout: 20_000 });
  });

  test("a dialog opened from a row menu gives focus back to that row's menu button", async ({ page }) => {
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    await page.goto("/customer-managers");
    await page.waitForLoadState("networkidle");
    const menuButton = page.getByRole("button", { name: `More actions for ${DEMO_USERS.acmeManager.name}` });
    const openFromMenu = async (item: string) => {
      await menuButton.focus();
      await page.keyboard.press("Enter");
      const menuItem = page.getByRole("menuitem", { name: item });
      await menuItem.focus();
      await expect(menuItem).toBeFocused();
      await page.keyboard.press("Enter");
    };

    await openFromMenu("Edit customer manager");
    const edit = page.getByRole("dialog", { name: "Edit customer manager" });
    await expect(edit).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(edit).toBeHidden();
    await expect(menuButton).toBeFocused();

    await openFromMenu("Edit customer manager");
    await expect(edit).toBeVisible();
    await edit.getByRole("button", { name: "Cancel" }).focus();
    await page.keyboard.press("Enter");
    await expect(edit).toBeHidden();
    await expect(menuButton).toBeFocused();

    await openFromMenu("Remove customer manager");
    const confirm = page.getByRole("alertdialog", { name: "Remove customer manager" });
    await expect(confirm).toBeVisible();
    await confirm.getByRole("button", { name: "Cancel" }).focus();
    await page.keyboard.press("Enter");
    await expect(confirm).toBeHidden();
    await expect(menuButton).toBeFocused();

    await openFromMenu("Remove customer manager");
    await expect(confirm).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(confirm).toBeHidden();
    await expect(menuButton).toBeFocused();
  });

  test("switching in and back out leaves focus on the new page's heading", async ({ page }) => {
    await signInAs(page, DEMO_USERS.acmeManager.email);
    const northwind = await demoCustomerId(page.request, "Northwind Traders");
    await page.goto(`/customers/${northwind}`);
    await page.waitForLoadState("networkidle");
    const switchButton = page.getByRole("button", { name: "Switch to this account" });
    await switchButton.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Switch to this account" });
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(switchButton).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Switch to this account" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/workspace$/);
    await expect(accountBanner(page)).toBeVisible();
    const heading = page.locator("#main h1");
    await expect(heading).toBeFocused();
    await expect(heading).toHaveText("Dashboard");

    await accountBanner(page).getByRole("button", { name: "Return to partner account" }).focus();
    await page.keyboard.press("Enter");
    await expect(accountBanner(page)).toHaveCount(0);
    await expect(heading).toBeFocused();
    await expect(heading).not.toHaveText("Dashboard");
  });
});
