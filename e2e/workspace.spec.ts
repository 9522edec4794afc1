import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, DEMO_USERS } from "../db/seed/demo-users";
import { accountBanner, returnToPartner, switchInto } from "./support/accounts";
import { signInAs } from "./support/auth";
import { e2eDatabase } from "./support/database";
import { createTestCustomer } from "./support/customers";
import { confirmAlert } from "./support/dialogs";

const CASEY = DEMO_USERS.customerCollaborator;
const MORGAN = DEMO_USERS.acmeManager;

test.describe("the customer workspace", () => {
  test("a customer's own collaborator signs in straight into its workspace and never sees the partner console", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(CASEY.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/workspace$/);
    await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Current account" })).toContainText("Northwind Traders");
    // Not switched in: no banner, nothing to return to.
    await expect(accountBanner(page)).toHaveCount(0);
    for (const path of ["/customers", "/customer-managers", "/audit-log", "/"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/workspace$/);
    }
    expect((await page.request.get("/lookups/customers?q=")).status()).toBe(403);
    expect((await page.request.get("/audit-log/export")).status()).toBe(403);
  });

  test("Teams lists the customer managers with their tag, and offers no edit or remove on their rows (rules C6, U17)", async ({ page }) => {
    await signInAs(page, CASEY.email);
    await page.goto("/workspace/teams");
    const morgan = page.getByRole("row", { name: new RegExp(MORGAN.name) });
    await expect(morgan).toContainText("Customer manager");
    await expect(morgan).toContainText("From the customer manager assignment");
    await expect(morgan.getByRole("button")).toHaveCount(0);
    const casey = page.getByRole("row", { name: new RegExp(CASEY.name) });
    await expect(casey).toContainText("Direct invitation");
    await expect(page.getByRole("button", { name: "Invite collaborator" })).toBeVisible();
  });

  test("inviting an email with no account leaves a pending invitation (rule U19)", async ({ page }) => {
    await signInAs(page, CASEY.email);
    await page.goto("/workspace/teams");
    await page.getByRole("button", { name: "Invite collaborator" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite collaborator" });
    await dialog.getByRole("button", { name: "Invite collaborator" }).click();
    await expect(dialog.getByText("Enter the collaborator's name.")).toBeVisible();
    await expect(dialog.getByText("Choose a role.")).toBeVisible();
    await dialog.getByLabel("Name").fill("Riley Chen");
    await dialog.getByLabel("Email").fill("riley.chen@northwind.example");
    await dialog.getByRole("combobox", { name: "Role" }).click();
    await page.getByRole("option", { name: "Analyst", exact: true }).click();
    await dialog.getByRole("button", { name: "Invite collaborator" }).click();
    // The one-time link is shown once, then the dialog closes (the sign-up itself: invitation-sign-up.spec.ts).
    const linkDialog = page.getByRole("dialog", { name: "Copy the invitation link" });
    await expect(linkDialog.getByLabel("Invitation link", { exact: true })).toHaveValue(/\/invitations\/pcinv_[\w-]{43}$/);
    await linkDialog.getByRole("button", { name: "Done" }).click();
    await expect(linkDialog).toBeHidden();
    const pending = page.getByRole("table", { name: "Pending invitations" });
    await expect(pending.getByRole("row", { name: /Riley Chen/ })).toContainText("Analyst");
  });

  test("connecting an app and disconnecting it are real writes (rule U23)", async ({ page }) => {
    await signInAs(page, CASEY.email);
    await page.goto("/workspace/connections");
    await page.getByRole("button", { name: "Connect an app" }).click();
    const dialog = page.getByRole("dialog", { name: "Connect an app" });
    await dialog.getByRole("combobox", { name: "App" }).click();
    await page.getByRole("option", { name: "Airtable", exact: true }).click();
    await dialog.getByLabel("Connection name").fill("Airtable for Casey");
    await dialog.getByRole("button", { name: "Connect" }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole("row", { name: /Airtable for Casey/ });
    await expect(row).toContainText("Authenticated");
    await expect(row).toContainText(CASEY.name);
    await page.reload();
    await row.getByRole("button", { name: "Disconnect Airtable for Casey" }).click();
    await confirmAlert(page, "Disconnect");
    await expect(row).toHaveCount(0);
  });

  test("a customer with selected apps is offered only those apps (rule U23)", async ({ page }) => {
    const sql = e2eDatabase();
    test.skip(!sql, "needs the database to find a customer with selected apps");
    let cleanup = async () => {};
    try {
      const [customer] = await sql!<{ id: number; name: string }[]>`
        select c.id, c.name from customers c join partners p on p.id = c.partner_id
         where p.name = 'Acme Embedded' and c.app_access = 'selected' order by c.id limit 1`;
      const allowed = await sql!<{ name: string }[]>`
        select a.name from customer_app_access x join apps a on a.id = x.app_id
         where x.customer_id = ${customer!.id} order by lower(a.name)`;
      // Morgan manages it for this test (an admin enters only as a manager, rule U18).
      const [assignment] = await sql!<{ id: number; partner_id: number }[]>`
        select m.id, m.partner_id from customer_managers m join users u on u.id = m.user_id where u.email = ${MORGAN.email}`;
      const [added] = await sql!<{ customer_id: number }[]>`
        insert into customer_manager_customers (partner_id, customer_manager_id, customer_id)
        values (${assignment!.partner_id}, ${assignment!.id}, ${customer!.id})
        on conflict do nothing returning customer_id`;
      cleanup = async () => {
        if (added) await sql!`delete from customer_manager_customers where customer_manager_id = ${assignment!.id} and customer_id = ${added.customer_id}`;
      };
      await signInAs(page, MORGAN.email);
      await switchInto(page, customer!.name);
      await page.getByRole("link", { name: "Connections" }).click();
      await page.getByRole("button", { name: "Connect an app" }).click();
      await page.getByRole("dialog").getByRole("combobox", { name: "App" }).click();
      await expect(page.getByRole("option")).toHaveText(allowed.map((app) => app.name));
      await page.keyboard.press("Escape");
      await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
      await expect(page.getByRole("dialog")).toHaveCount(0);
      await returnToPartner(page);
    } finally {
      await cleanup();
      await sql!.end();
    }
  });

  test("the workspace's pages may be framed only by the account's effective origins (decision D3)", async ({ page }) => {
    await signInAs(page, MORGAN.email);
    await switchInto(page, "Northwind Traders");
    const response = await page.request.get("/workspace");
    // One policy (proxy.ts): the workspace's frame-ancestors inside the page's nonce-based CSP.
    expect(response.headers()["content-security-policy"]).toMatch(/(^|; )frame-ancestors https:\/\/app\.acme\.example(;|$)/);
    await returnToPartner(page);
  });

  test("renaming under Team name to another customer's name warns a customer manager, naming that customer, and saves (issue 12)", async ({ page }) => {
    const externalId = `tw-${randomUUID().slice(0, 8)}`;
    const other = await createTestCustomer(page.request, { externalId });
    await signInAs(page, MORGAN.email);
    await switchInto(page, "Contoso Pharmaceuticals");
    await page.goto("/workspace/admin/settings");
    const teamName = page.getByLabel("Team name");
    const original = await teamName.inputValue();
    const warning = page.getByText("Another customer is already named");
    await expect(warning).toHaveCount(0);
    try {
      await teamName.fill(other.name.toLowerCase());
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByText("Team name saved.")).toBeVisible();
      await expect(warning).toContainText(`Another customer is already named “${other.name}” (external ID ${externalId})`);
      await expect(accountBanner(page)).toContainText(other.name.toLowerCase());
    } finally {
      await teamName.fill(original);
      await page.getByRole("button", { name: "Save" }).click();
      await expect(accountBanner(page)).toContainText(original);
    }
    await expect(warning).toHaveCount(0);
    await returnToPartner(page);
  });
});
