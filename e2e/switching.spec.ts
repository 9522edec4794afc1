import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { accountBanner, returnToPartner, switchInto } from "./support/accounts";
import { signInAs } from "./support/auth";
import { setServerClock } from "./support/clock";
import { demoCustomerId } from "./support/customers";
import { e2eDatabase } from "./support/database";

const MORGAN = DEMO_USERS.acmeManager;
const MINUTE = 60_000;

test.describe("switching into a customer account", () => {
  test("a customer manager enters from the account switcher; the console is out of reach while inside (rules C7, U18)", async ({ page }) => {
    await signInAs(page, MORGAN.email);
    await page.goto("/customers");
    await page.getByRole("combobox", { name: "Switch account" }).click();
    // The accounts it may enter: the partner account, then the customers it manages.
    const options = page.getByRole("listbox", { name: "Search accounts" }).getByRole("option");
    await expect(options.first()).toContainText("Acme Embedded");
    await expect(options).toHaveCount(5);
    await page.keyboard.press("Escape");

    await switchInto(page, "Northwind Traders", "Ticket 4411");
    await expect(accountBanner(page)).toContainText("You are in Northwind Traders's account as Admin");
    await expect(page.getByRole("combobox", { name: "Switch account" })).toHaveCount(0);
    for (const path of ["/customers", "/customer-managers", "/audit-log"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/workspace$/);
    }
    // The console's reads refuse too.
    expect((await page.request.get("/lookups/accounts?q=")).status()).toBe(403);
    await returnToPartner(page);
    await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  });

  test("a direct invitation wins: Morgan is an Operator in Initech, where it manages as Admin (rule C12)", async ({ page }) => {
    await signInAs(page, MORGAN.email);
    await switchInto(page, "Initech");
    await expect(accountBanner(page)).toContainText("You are in Initech's account as Operator");
    await page.getByRole("table", { name: "Recipes" }).getByRole("link").first().click();
    await expect(page.getByRole("button", { name: /Stop recipe|Start recipe/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save new version" })).toHaveCount(0);
    await page.getByRole("link", { name: "Workspace admin" }).click();
    await expect(page.getByLabel("Team name")).toHaveAttribute("readonly", "");
    await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
    await returnToPartner(page);
  });

  test("a switch ends after its time limit, at the next request (rule C7)", async ({ page }) => {
    await signInAs(page, MORGAN.email);
    await switchInto(page, "Contoso Pharmaceuticals");
    try {
      await setServerClock(page.request, 59 * MINUTE);
      await page.goto("/workspace/teams");
      await expect(accountBanner(page)).toBeVisible();
      await setServerClock(page.request, 61 * MINUTE);
      await page.goto("/workspace/teams");
      await expect(page).toHaveURL(/\/customers$/);
      await expect(accountBanner(page)).toHaveCount(0);
    } finally {
      await setServerClock(page.request, 0);
    }
    const sql = e2eDatabase();
    if (sql) {
      try {
        const [out] = await sql<{ changes: { reason: string }; customer_name: string }[]>`
          select a.changes, a.customer_name from audit_events a join users u on u.id = a.actor_user_id
           where u.email = ${MORGAN.email} and a.action = 'account.switch_out' order by a.id desc limit 1`;
        expect(out).toMatchObject({ customer_name: "Contoso Pharmaceuticals", changes: { reason: "expired" } });
      } finally {
        await sql.end();
      }
    }
  });

  test("signing out ends the switch; signing in again starts in the partner account", async ({ page }) => {
    await signInAs(page, MORGAN.email);
    await switchInto(page, "Northwind Traders");
    await page.getByRole("button", { name: MORGAN.name }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await signInAs(page, MORGAN.email);
    await page.goto("/");
    await expect(page).toHaveURL(/\/customers$/);
    await expect(accountBanner(page)).toHaveCount(0);
    const sql = e2eDatabase();
    if (sql) {
      try {
        const [out] = await sql<{ changes: { reason: string } }[]>`
          select a.changes from audit_events a join users u on u.id = a.actor_user_id
           where u.email = ${MORGAN.email} and a.action = 'account.switch_out' order by a.id desc limit 1`;
        expect(out?.changes.reason).toBe("signed out");
      } finally {
        await sql.end();
      }
    }
  });

  test("a partner admin is offered only the customers it manages; another partner's admin finds none of them (rule U18, decision D8)", async ({ page, browser, baseURL }) => {
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    await page.goto("/customers");
    await page.getByRole("combobox", { name: "Switch account" }).click();
    await page.getByRole("searchbox", { name: "Search accounts" }).fill("Initech");
    await expect(page.getByText("No customer account matches your search.")).toBeVisible();
    await page.keyboard.press("Escape");
    // Nor does its page offer the switch (the server refuses it as well: the authorization matrix, lib tests).
    const initech = await demoCustomerId(page.request, "Initech");
    await page.goto(`/customers/${initech}`);
    await expect(page.getByRole("button", { name: "Switch to this account" })).toHaveCount(0);

    const context = await browser.newContext({ baseURL });
    const globex = await context.newPage();
    await signInAs(globex, DEMO_USERS.globexAdmin.email);
    await globex.goto("/customers");
    await globex.getByRole("combobox", { name: "Switch account" }).click();
    await globex.getByRole("searchbox", { name: "Search accounts" }).fill("Northwind");
    await expect(globex.getByText("No customer account matches your search.")).toBeVisible();
    await context.close();
  });
});
