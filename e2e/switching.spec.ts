import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { accountBanner, returnToPartner, switchInto } from "./support/accounts";
import { signedInPage, signInAs } from "./support/auth";
import { setServerClock } from "./support/clock";
import { createTestCustomer, demoCustomerId } from "./support/customers";
import { e2eDatabase } from "./support/database";
import { confirmAlert } from "./support/dialogs";
import { inviteAndJoin } from "./support/team";

const MORGAN = DEMO_USERS.acmeManager;
const ADMIN = DEMO_USERS.acmeAdmin;
const MINUTE = 60_000;

/** The notice a page shows at its top to say why the person is there (issue 12). */
function pageNotice(page: Page, title: string | RegExp) {
  return page.getByRole("status").filter({ hasText: title });
}

/** The account switcher's list, opened, and the hint under it. */
async function openSwitcher(page: Page) {
  await page.getByRole("combobox", { name: "Switch account" }).click();
  return page.getByRole("listbox", { name: "Search accounts" });
}

/** The account switch events of a person, newest last (only on a real PostgreSQL, see e2eDatabase). */
async function switchTrail(email: string, count: number): Promise<[string, string | null, string | null][] | null> {
  const sql = e2eDatabase();
  if (!sql) return null;
  try {
    const rows = await sql<{ action: string; customer_name: string | null; changes: { reason?: string | null } }[]>`
      select a.action, a.customer_name, a.changes from audit_events a join users u on u.id = a.actor_user_id
       where u.email = ${email} and a.action in ('account.switch_in', 'account.switch_out') order by a.id desc limit ${count}`;
    return rows.reverse().map((row) => [row.action, row.customer_name, row.changes.reason ?? null]);
  } finally {
    await sql.end();
  }
}

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
    // A console address says why it did not open, on the workspace it lands on (issue 12).
    for (const path of ["/customers", "/customer-managers", "/audit-log"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/workspace\?from=console$/);
      await expect(pageNotice(page, "The partner console is not available from inside a customer account")).toContainText(
        "You are in Northwind Traders's account. Use Return to partner account",
      );
    }
    // The workspace opened as itself says nothing of it.
    await page.goto("/workspace");
    await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    await expect(pageNotice(page, "The partner console is not available")).toHaveCount(0);
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

  test("a switch ends after its time limit, at the next request, and the page it lands on says so (rule C7, issue 12)", async ({ browser, baseURL }) => {
    // A reader away from UTC, so that the banner's end is seen in the browser's own zone.
    const page = await (await browser.newContext({ baseURL, timezoneId: "Asia/Tokyo" })).newPage();
    await signInAs(page, MORGAN.email);
    await switchInto(page, "Contoso Pharmaceuticals");
    // The banner gives the end as a date and a time in the browser's zone, and counts down from the server's clock.
    const end = accountBanner(page).locator("time");
    const endsAt = new Date((await end.getAttribute("datetime"))!);
    expect(Math.abs(endsAt.getTime() - Date.now() - 60 * MINUTE)).toBeLessThan(2 * MINUTE);
    const local = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: "Asia/Tokyo" }).format(endsAt);
    await expect(end).toHaveText(local);
    await expect(end).toHaveAttribute("title", `${endsAt.toISOString().slice(0, 19).replace("T", " ")} UTC`);
    await expect(accountBanner(page)).toContainText(`The switch ends on ${local} (59 minutes left).`);
    try {
      await setServerClock(page.request, 30 * MINUTE);
      await page.goto("/workspace/teams");
      await expect(accountBanner(page)).toContainText("(29 minutes left)");
      await setServerClock(page.request, 59 * MINUTE);
      await page.goto("/workspace/teams");
      await expect(accountBanner(page)).toContainText("(less than a minute left)");
      await setServerClock(page.request, 61 * MINUTE);
      await page.goto("/workspace/teams");
      await expect(page).toHaveURL(/\/customers\?switch_ended=\d+$/);
      await expect(accountBanner(page)).toHaveCount(0);
      await expect(pageNotice(page, "Your switch into Contoso Pharmaceuticals's account has ended")).toContainText(
        "It reached its time limit of 60 minutes and ended at",
      );
      await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
      // Said once where it happened: the same page without the link's notice is the plain Customers page.
      await page.goto("/customers");
      await expect(pageNotice(page, "has ended")).toHaveCount(0);

      // A partner console address opened after the limit, not a workspace page: that page says so, once.
      await setServerClock(page.request, 0);
      await switchInto(page, "Contoso Pharmaceuticals");
      await setServerClock(page.request, 61 * MINUTE);
      await page.goto("/customer-managers");
      await expect(page.getByRole("heading", { name: "Customer managers", level: 1 })).toBeVisible();
      await expect(pageNotice(page, "Your switch into Contoso Pharmaceuticals's account has ended")).toContainText("It reached its time limit of 60 minutes");
      await page.goto("/customer-managers");
      await expect(page.getByRole("heading", { name: "Customer managers", level: 1 })).toBeVisible();
      await expect(pageNotice(page, "has ended")).toHaveCount(0);
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
    await page.context().close();
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

  test("a partner admin is offered only the customers it manages; another partner's admin finds none of them (rule U18, decision D8)", async ({
    page,
    browser,
    baseURL,
  }) => {
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
  test("a manager removed while inside is told so on the page it lands on (rule C10, issue 12)", async ({ page, browser, baseURL }) => {
    // The admin enters a customer of its own as its manager (rule U18), and removes itself from another session.
    const customer = await createTestCustomer(page.request);
    await signInAs(page, ADMIN.email);
    await page.goto(`/customers/${customer.id}/collaborators`);
    const assignSelf = page.getByRole("button", { name: "Assign yourself as customer manager" });
    await assignSelf.click();
    const dialog = page.getByRole("dialog", { name: /^(Assign|Edit) customer manager$/ });
    await dialog.getByRole("button", { name: /^(Assign customer manager|Save)$/ }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole("button", { name: "Switch to this account" }).click();
    await page.getByRole("dialog", { name: "Switch to this account" }).getByRole("button", { name: "Switch to this account" }).click();
    await expect(accountBanner(page)).toContainText(`You are in ${customer.name}'s account as Admin`);

    const other = await signedInPage(browser, baseURL, ADMIN.email);
    await other.goto("/customer-managers");
    const row = other.getByRole("row", { name: new RegExp(ADMIN.name) });
    await row.getByRole("button", { name: `More actions for ${ADMIN.name}` }).click();
    await other.getByRole("menuitem", { name: "Remove customer manager" }).click();
    await confirmAlert(other, "Remove customer manager", "Remove customer manager");
    await expect(row).toHaveCount(0);
    await other.context().close();

    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Teams" }).click();
    await expect(page).toHaveURL(/\/customers\?switch_ended=\d+$/);
    await expect(accountBanner(page)).toHaveCount(0);
    await expect(pageNotice(page, `You are no longer in ${customer.name}'s account`)).toContainText(
      "You were removed as a customer manager, so you can no longer enter it.",
    );
    const trail = await switchTrail(ADMIN.email, 1);
    if (trail) expect(trail).toEqual([["account.switch_out", customer.name, "access revoked"]]);
  });

  test("Return to partner account goes back to the page the switch was made from (issue 12)", async ({ page }) => {
    await signInAs(page, MORGAN.email);
    const northwind = await demoCustomerId(page.request, "Northwind Traders");
    await page.goto(`/customers/${northwind}/collaborators`);
    await page.getByRole("button", { name: "Switch to this account" }).click();
    await page.getByRole("dialog", { name: "Switch to this account" }).getByRole("button", { name: "Switch to this account" }).click();
    await expect(page).toHaveURL(/\/workspace$/);
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Teams" }).click();
    await expect(page).toHaveURL(/\/workspace\/teams$/);
    await accountBanner(page).getByRole("button", { name: "Return to partner account" }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${northwind}/collaborators$`));
    await expect(accountBanner(page)).toHaveCount(0);

    // From the Customers list with a search: back to that very view.
    await page.goto("/customers?q=north");
    await switchInto(page, "Northwind Traders");
    await accountBanner(page).getByRole("button", { name: "Return to partner account" }).click();
    await expect(page).toHaveURL(/\/customers\?q=north$/);
  });

  test("a manager switches from one customer straight to another; both ends are audited (issue 12)", async ({ page }) => {
    await signInAs(page, MORGAN.email);
    await switchInto(page, "Northwind Traders");
    const list = await openSwitcher(page);
    // The account it is in, then the others it may enter.
    await expect(list.getByRole("option").first()).toContainText("Northwind TradersCustomer account (current)");
    await expect(list.getByRole("option", { name: /^Northwind Traders/ })).toHaveCount(1);
    await page.getByRole("searchbox", { name: "Search accounts" }).fill("Contoso");
    // The search's own answer, not the first list still on screen: a click lands on the option it means.
    await expect(list.getByRole("option")).toHaveCount(2);
    await list.getByRole("option", { name: /^Contoso Pharmaceuticals/ }).click();
    const dialog = page.getByRole("dialog", { name: "Switch to this account" });
    await expect(dialog).toContainText("The switch you are in ends first");
    await dialog.getByLabel("Reason").fill("Ticket 5120");
    await dialog.getByRole("button", { name: "Switch to this account" }).click();
    await expect(accountBanner(page)).toContainText("You are in Contoso Pharmaceuticals's account as Admin");
    await expect(page).toHaveURL(/\/workspace$/);
    const trail = await switchTrail(MORGAN.email, 3);
    if (trail) {
      expect(trail).toEqual([
        ["account.switch_in", "Northwind Traders", null],
        ["account.switch_out", "Northwind Traders", "switched account"],
        ["account.switch_in", "Contoso Pharmaceuticals", "Ticket 5120"],
      ]);
    }
    await returnToPartner(page);
  });

  test("the account switcher says how to find the accounts beyond the first 20 (issue 12)", async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    // Morgan's few accounts all fit: no hint.
    await signInAs(page, MORGAN.email);
    await page.goto("/customers");
    await openSwitcher(page);
    await expect(page.getByRole("searchbox", { name: "Search accounts" })).not.toHaveAttribute("aria-describedby");
    await expect(page.getByText(/type to search/)).toHaveCount(0);
    await page.keyboard.press("Escape");

    // A new manager of all customers reaches every one of Acme's.
    await signInAs(page, ADMIN.email);
    const name = `Pat All ${randomUUID().slice(0, 6)}`;
    const pat = await inviteAndJoin(page, browser, baseURL, {
      email: `pat-${randomUUID().slice(0, 8)}@acme.example`,
      name,
      password: "a long enough password",
    });
    await page.goto("/customer-managers");
    await page.getByRole("button", { name: "Assign customer manager" }).click();
    const dialog = page.getByRole("dialog", { name: "Assign customer manager" });
    await dialog.getByRole("combobox", { name: "Team member" }).click();
    await page.getByRole("searchbox", { name: "Search team members" }).fill(name);
    await page.getByRole("option", { name: new RegExp(name) }).click();
    await dialog.getByRole("combobox", { name: "Role" }).click();
    await page.getByRole("option", { name: "Operator", exact: true }).click();
    await dialog.getByRole("switch", { name: "Manage all customers" }).click();
    await dialog.getByRole("button", { name: "Assign customer manager" }).click();
    await expect(dialog).toBeHidden();
    await page.goto("/customers");
    const total = Number(
      (
        await page
          .getByText(/^[\d,]+ customers$/)
          .first()
          .innerText()
      ).replace(/[^\d]/g, ""),
    );
    expect(total).toBeGreaterThan(20);
    const words = (count: number) => `First 20 shown · type to search ${count.toLocaleString("en")} accounts`;

    await pat.goto("/customers");
    const list = await openSwitcher(pat);
    await expect(list.getByRole("option")).toHaveCount(21);
    await expect(pat.getByText(words(total))).toBeVisible();
    // Read out with the search field, where the person types.
    const hintId = await pat.getByRole("searchbox", { name: "Search accounts" }).getAttribute("aria-describedby");
    await expect(pat.locator(`[id="${hintId}"]`)).toHaveText(words(total));
    await pat.getByRole("searchbox", { name: "Search accounts" }).fill("Northwind");
    await expect(list.getByRole("option").filter({ hasNotText: /Northwind|\(current\)/ })).toHaveCount(0);
    await expect(pat.getByText(/type to search/)).toHaveCount(0);
    await list.getByRole("option", { name: /^Northwind Traders/ }).click();
    await pat.getByRole("dialog", { name: "Switch to this account" }).getByRole("button", { name: "Switch to this account" }).click();
    await expect(accountBanner(pat)).toContainText("You are in Northwind Traders's account as Operator");
    // Inside, the others: every account but this one.
    await openSwitcher(pat);
    await expect(pat.getByText(words(total - 1))).toBeVisible();
    await pat.keyboard.press("Escape");
    await returnToPartner(pat);
    await pat.context().close();
  });
});
