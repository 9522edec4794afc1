import { expect, test } from "@playwright/test";
import { DEMO_PARTNERS, DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";
import { createTestCustomer, demoCustomerId } from "./support/customers";
import { e2eDatabase } from "./support/database";

const TABS = ["Dashboard", "Collaborators", "Settings", "App access", "Activity"];

test.describe("the customer page", () => {
  test("shows the customer's header, and tabs that each have their own URL (rules U15, U26)", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    const id = await demoCustomerId(page.request, "Northwind Traders");
    await page.goto(`/customers/${id}`);

    await expect(page.getByRole("heading", { level: 1, name: "Northwind Traders" })).toBeVisible();
    const details = page.getByRole("definition");
    await expect(details).toContainText(["A2300", "Business", /\w{3} \d{1,2}, \d{4}/, String(id)]);
    await expect(page.getByText("Active", { exact: true })).toBeVisible();
    await expect(page).toHaveTitle(/Northwind Traders/);

    const tabs = page.getByRole("navigation", { name: "Customer sections" }).getByRole("link");
    await expect(tabs).toHaveText(TABS);
    await expect(tabs.filter({ hasText: "Dashboard" })).toHaveAttribute("aria-current", "page");
    await tabs.filter({ hasText: "Settings" }).click();
    await expect(page).toHaveURL(`/customers/${id}/settings`);
    await expect(tabs.filter({ hasText: "Settings" })).toHaveAttribute("aria-current", "page");
    await expect(tabs.filter({ hasText: "Dashboard" })).not.toHaveAttribute("aria-current", "page");
    for (const [path, tab] of [
      ["collaborators", "Collaborators"],
      ["app-access", "App access"],
    ] as const) {
      await page.goto(`/customers/${id}/${path}`);
      await expect(tabs.filter({ hasText: tab })).toHaveAttribute("aria-current", "page");
    }
    await expect(tabs.filter({ hasText: "Activity" })).toHaveAttribute("href", `/customers/${id}/activity`);

    await page.getByRole("button", { name: "Copy external ID" }).click();
    await expect(page.getByText("External ID copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("A2300");
  });

  test("answers malformed, unknown and other partners' IDs with the same 404 page (decision D8)", async ({ page }) => {
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    const globexCustomer = await createTestCustomer(page.request, { partner: DEMO_PARTNERS.globex.name, plan: "Essentials" });
    const paths = [
      "/customers/abc",
      "/customers/0",
      "/customers/007",
      "/customers/1.5",
      "/customers/2147483648",
      "/customers/2000000000",
      `/customers/${globexCustomer.id}`,
      `/customers/${globexCustomer.id}/settings`,
      `/customers/${globexCustomer.id}/collaborators`,
      `/customers/${globexCustomer.id}/app-access`,
    ];
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" }), path).toBeVisible();
      await expect(page.getByText(globexCustomer.name)).toHaveCount(0);
    }

    // And the other way round: Globex's admin cannot open an Acme customer's settings.
    const acmeCustomer = await demoCustomerId(page.request, "Northwind Traders");
    await signInAs(page, DEMO_USERS.globexAdmin.email);
    expect((await page.goto(`/customers/${acmeCustomer}/settings`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Northwind Traders")).toHaveCount(0);
  });

  test("offers Switch to this account to the customer's managers only; an admin first assigns itself, visibly (rule U18)", async ({ page }) => {
    const northwind = await demoCustomerId(page.request, "Northwind Traders");
    const unmanaged = await createTestCustomer(page.request);
    const switchButton = page.getByRole("button", { name: "Switch to this account" });
    const assignSelf = page.getByRole("button", { name: "Assign yourself as customer manager" });

    // Being the partner's admin is no way in: the page offers the visible way instead.
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    await page.goto(`/customers/${unmanaged.id}/collaborators`);
    const panel = page.getByRole("region", { name: "Who can enter this account" });
    await expect(panel).not.toContainText(DEMO_USERS.acmeAdmin.name);
    await expect(switchButton).toHaveCount(0);
    await assignSelf.click();
    // A retry finds the admin a manager already: then it is the edit dialog, with this customer added.
    const dialog = page.getByRole("dialog", { name: /^(Assign|Edit) customer manager$/ });
    await expect(dialog.getByRole("list", { name: "Chosen customers" })).toContainText(unmanaged.name);
    await dialog.getByRole("button", { name: /^(Assign customer manager|Save)$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByRole("list", { name: /Customer managers/ })).toContainText(`${DEMO_USERS.acmeAdmin.name}Admin`);
    await expect(assignSelf).toHaveCount(0);

    await switchButton.click();
    const switchDialog = page.getByRole("dialog", { name: "Switch to this account" });
    await switchDialog.getByLabel(/Reason/).fill("Checking the page's switch button");
    await switchDialog.getByRole("button", { name: "Switch to this account" }).click();
    await expect(page.getByText(`You are in ${unmanaged.name}'s account as Admin`)).toBeVisible();
    // The customer sees the admin on its Teams page, tagged.
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Teams" }).click();
    await expect(page.getByRole("row", { name: new RegExp(DEMO_USERS.acmeAdmin.name) })).toContainText("Customer manager");
    await page.getByRole("button", { name: "Return to partner account" }).click();
    await expect(page.getByText(`You are in ${unmanaged.name}'s account`)).toHaveCount(0);

    await signInAs(page, DEMO_USERS.acmeManager.email);
    await page.goto(`/customers/${northwind}`);
    await expect(page.getByRole("heading", { level: 1, name: "Northwind Traders" })).toBeVisible();
    await expect(switchButton).toBeVisible();
    await page.goto(`/customers/${unmanaged.id}`);
    await expect(page.getByRole("heading", { level: 1, name: unmanaged.name })).toBeVisible();
    await expect(switchButton).toHaveCount(0);
    await expect(assignSelf).toHaveCount(0);

    await signInAs(page, DEMO_USERS.acmeMember.email);
    await page.goto(`/customers/${northwind}`);
    await expect(page.getByRole("heading", { level: 1, name: "Northwind Traders" })).toBeVisible();
    await expect(switchButton).toHaveCount(0);
  });

  test("Who can enter this account names the managers with role and scope, and the collaborators with role (rules U18, C6)", async ({ page }) => {
    await signInAs(page, DEMO_USERS.acmeMember.email);
    const northwind = await demoCustomerId(page.request, "Northwind Traders");
    await page.goto(`/customers/${northwind}/collaborators`);
    const panel = page.getByRole("region", { name: "Who can enter this account" });
    const managers = panel.getByRole("list", { name: /Customer managers/ });
    await expect(managers.getByRole("listitem").filter({ hasText: DEMO_USERS.acmeManager.name })).toContainText(
      `${DEMO_USERS.acmeManager.name}AdminChosen customers (${DEMO_USERS.acmeManager.manages.length} customers)`,
    );
    const collaborators = panel.getByRole("list", { name: /Collaborators/ });
    await expect(collaborators.getByRole("listitem").filter({ hasText: DEMO_USERS.customerCollaborator.name })).toContainText("Admin");
    await expect(panel).not.toContainText(DEMO_USERS.acmeAdmin.name);
  });

  test("lists the collaborators with the Customer manager tag, and the direct role of a member there both ways (rules U17, C12, D7)", async ({ page }) => {
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    const initech = await demoCustomerId(page.request, "Initech");
    await page.goto(`/customers/${initech}/collaborators`);
    const table = page.getByRole("table", { name: "Collaborators" });
    const morgan = table.getByRole("row").filter({ hasText: DEMO_USERS.acmeManager.email });
    await expect(morgan).toHaveCount(1);
    await expect(morgan).toContainText(DEMO_USERS.acmeManager.name);
    await expect(morgan).toContainText("Customer manager");
    await expect(morgan.getByRole("cell").nth(2)).toContainText("Operator");
    await expect(morgan).toContainText("Direct invitation; it takes precedence over the customer manager role (Admin)");

    const northwind = await demoCustomerId(page.request, "Northwind Traders");
    await page.goto(`/customers/${northwind}/collaborators`);
    const rows = table.getByRole("row");
    const manager = rows.filter({ hasText: DEMO_USERS.acmeManager.email });
    await expect(manager.getByRole("cell").nth(2)).toContainText("Admin");
    await expect(manager).toContainText("Customer manager role");
    const casey = rows.filter({ hasText: DEMO_USERS.customerCollaborator.email });
    await expect(casey).toContainText("Direct invitation");
    await expect(casey).not.toContainText("Customer manager");

    const sql = e2eDatabase();
    if (sql) {
      try {
        const expected = await sql<{ email: string }[]>`
          select u.email from users u where u.id in (
            select user_id from customer_members where customer_id = ${northwind}
            union select m.user_id from customer_managers m
              where m.partner_id = (select partner_id from customers where id = ${northwind})
                and (m.manage_all or exists (select 1 from customer_manager_customers x where x.customer_manager_id = m.id and x.customer_id = ${northwind})))
          order by lower(u.name), u.id`;
        const emails = await rows
          .filter({ has: page.getByRole("cell") })
          .locator("td:nth-child(2)")
          .allInnerTexts();
        expect(emails).toEqual(expected.map((row) => row.email));
      } finally {
        await sql.end();
      }
    }
  });
});
