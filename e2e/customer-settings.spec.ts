import { expect, test, type Page } from "@playwright/test";
import { DEMO_PARTNERS, DEMO_USERS } from "../db/seed/demo-users";
import { CUSTOMER_TABLES_QUERY } from "../tests/support/customer-references";
import { signInAs } from "./support/auth";
import { createTestCustomer } from "./support/customers";
import { e2eDatabase } from "./support/database";

const details = (page: Page) => page.getByRole("group", { name: "Customer details" });

async function openSettings(page: Page, customerId: number) {
  await page.goto(`/customers/${customerId}/settings`);
  await expect(page.getByRole("heading", { level: 2, name: "Settings" })).toBeVisible();
}

async function saveField(page: Page, label: string, value: string, button: string) {
  await page.getByRole("textbox", { name: label, exact: true }).fill(value);
  await page.getByRole("button", { name: button }).click();
}

test.describe("customer settings", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
  });

  test("changes the plan to one of the partner's plans, read back after a reload (rule U20)", async ({ page }) => {
    const customer = await createTestCustomer(page.request, { plan: "Growth" });
    await openSettings(page, customer.id);
    const plan = page.getByRole("combobox", { name: "Plan" });
    await expect(plan).toHaveText("Growth");
    await plan.click();
    await expect(page.getByRole("option")).toHaveText(["Starter", "Growth", "Business", "Enterprise", "Partner Plus", "Free"]);
    await page.getByRole("option", { name: "Enterprise" }).click();
    await page.getByRole("button", { name: "Save plan" }).click();
    await expect(page.getByText("The customer is now on Enterprise.")).toBeVisible();
    await expect(details(page)).toContainText("Enterprise");

    await page.reload();
    await expect(page.getByRole("combobox", { name: "Plan" })).toHaveText("Enterprise");
    await expect(details(page)).toContainText("Enterprise");
  });

  test("saves the notification email and refuses a bad one", async ({ page }) => {
    const customer = await createTestCustomer(page.request);
    await openSettings(page, customer.id);
    const field = page.getByRole("textbox", { name: "Notification email", exact: true });
    await expect(field).toHaveValue("ops@example.test");

    await saveField(page, "Notification email", "ops@northwind", "Save notification email");
    await expect(page.getByRole("alert").filter({ hasText: "Enter a valid email address" })).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");

    await saveField(page, "Notification email", "integrations@northwind.example", "Save notification email");
    await expect(page.getByText("Notification email saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Notification email", exact: true })).toHaveValue("integrations@northwind.example");
  });

  test("changes the external ID with a warning about API calls, refuses a duplicate and clears it when empty (rule U25)", async ({ page }) => {
    const customer = await createTestCustomer(page.request, { externalId: null });
    await openSettings(page, customer.id);
    await expect(page.getByText("API calls that use the external ID")).toBeVisible();
    await expect(details(page)).toContainText("None");

    await saveField(page, "External ID", "A2300", "Save external ID"); // Northwind Traders'
    await expect(page.getByRole("alert").filter({ hasText: "Another customer already has this external ID." })).toBeVisible();

    const externalId = `CRM-${customer.id}`;
    await saveField(page, "External ID", externalId, "Save external ID");
    await expect(page.getByText("External ID saved.")).toBeVisible();
    await expect(details(page)).toContainText(externalId);
    await page.reload();
    await expect(page.getByRole("textbox", { name: "External ID", exact: true })).toHaveValue(externalId);

    await saveField(page, "External ID", "", "Save external ID");
    await expect(page.getByText("External ID saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "External ID", exact: true })).toHaveValue("");
    await expect(details(page)).toContainText("None");
  });

  test("saves iframe origins, naming a bad entry, removing duplicates, and shows the inherited and effective lists (rule U27, decision D3)", async ({
    page,
  }) => {
    const customer = await createTestCustomer(page.request);
    await openSettings(page, customer.id);
    const partnerOrigin = DEMO_PARTNERS.acme.iframeOrigins[0];
    await expect(page.getByRole("list", { name: "Inherited from your partner account" })).toHaveText(partnerOrigin);

    await saveField(page, "iframe origin URLs", "https://shop.example.com, https://shop.example.com/embed", "Save iframe origin URLs");
    await expect(page.getByRole("alert").filter({ hasText: '"https://shop.example.com/embed" is not an origin' })).toBeVisible();

    await saveField(
      page,
      "iframe origin URLs",
      "https://shop.example.com, HTTPS://Shop.Example.com, http://localhost:8080, " + partnerOrigin,
      "Save iframe origin URLs",
    );
    await expect(page.getByText("iframe origin URLs saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "iframe origin URLs", exact: true })).toHaveValue(
      `https://shop.example.com, http://localhost:8080, ${partnerOrigin}`,
    );
    await expect(page.getByRole("list", { name: "Effective origins" }).getByRole("listitem")).toHaveText([
      partnerOrigin,
      "https://shop.example.com",
      "http://localhost:8080",
    ]);
  });

  test("shows the customer name read-only, changed from inside the customer account (rule U30)", async ({ page }) => {
    const customer = await createTestCustomer(page.request);
    await openSettings(page, customer.id);
    const name = page.getByRole("textbox", { name: "Customer name", exact: true });
    await expect(name).toHaveValue(customer.name);
    await expect(name).toHaveAttribute("readonly", "");
    await expect(page.getByText("Workspace admin › Settings › Team name")).toBeVisible();
  });

  test("deletes the account after its exact name is typed, leaving no row of it behind (rule U29)", async ({ page }) => {
    const customer = await createTestCustomer(page.request, {
      workspace: true,
      externalId: null,
      recipes: [{ name: "Sync accounts", status: "running", jobs: [{ status: "succeeded", startedAt: new Date().toISOString(), tasksUsed: 2 }] }],
    });
    await openSettings(page, customer.id);
    await page.getByRole("button", { name: "Delete account" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Delete ${customer.name}?` });
    const confirm = dialog.getByRole("button", { name: "Delete account" });
    const typed = dialog.getByLabel(/Type .* to confirm/);

    await typed.fill(customer.name.toLowerCase());
    await expect(dialog.getByRole("alert")).toHaveText("The name does not match the customer's name.");
    await expect(confirm).toBeDisabled();
    await typed.fill(customer.name.slice(0, -1));
    await expect(confirm).toBeDisabled();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: customer.name })).toBeVisible();

    await page.getByRole("button", { name: "Delete account" }).click();
    await typed.fill(customer.name);
    await confirm.click();
    await expect(page).toHaveURL("/customers");
    await expect(page.getByText(`${customer.name} was deleted.`)).toBeVisible();
    await page.goto(`/customers/${customer.id}`);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

    const sql = e2eDatabase();
    if (sql) {
      try {
        const tables = await sql.unsafe<{ table_name: string }[]>(CUSTOMER_TABLES_QUERY);
        expect(tables.length).toBeGreaterThan(10);
        for (const { table_name: table } of tables) {
          const [left] = await sql<{ n: number }[]>`select count(*)::int as n from ${sql(table)} where customer_id = ${customer.id}`;
          expect(left!.n, `rows of ${table}`).toBe(0);
        }
        const [switched] = await sql<{ n: number }[]>`select count(*)::int as n from sessions where active_customer_id = ${customer.id}`;
        expect(switched!.n).toBe(0);
        const audit = await sql<{ action: string; changes: { name: string } }[]>`
          select action, changes from audit_events where customer_id = ${customer.id} and action = 'customer.deleted'`;
        expect(audit).toEqual([{ action: "customer.deleted", changes: { name: customer.name, externalId: null } }]);
      } finally {
        await sql.end();
      }
    }
  });
});

test.describe("customer settings' server actions called directly", () => {
  test("are refused without a session and for another partner's customer, changing nothing", async ({ page, context }) => {
    const customer = await createTestCustomer(page.request);
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    await openSettings(page, customer.id);

    // Capture what the browser sends when it calls the action, to replay it as someone else.
    const [call] = await Promise.all([
      page.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined),
      saveField(page, "Notification email", "first@example.com", "Save notification email"),
    ]);
    await expect(page.getByText("Notification email saved.")).toBeVisible();
    const replay = (email: string, extraHeaders: Record<string, string> = {}) =>
      page.request.post(call.url(), {
        headers: {
          "next-action": call.headers()["next-action"]!,
          "content-type": call.headers()["content-type"] ?? "text/plain;charset=UTF-8",
          accept: "text/x-component",
          ...extraHeaders,
        },
        data: call.postData()!.replace("first@example.com", email),
        maxRedirects: 0,
      });

    await context.clearCookies();
    // Without a cookie the proxy sends the request to sign-in; with a forged one it gets through, and the action
    // itself refuses.
    expect((await replay("anonymous@example.com")).status()).toBe(307);
    const forged = await replay("forged@example.com", { cookie: "next-auth.session-token=forged" });
    expect(await forged.text()).toContain("Your session has ended. Sign in again.");

    await signInAs(page, DEMO_USERS.globexAdmin.email);
    const foreign = await replay("globex@example.com");
    expect(await foreign.text()).toContain("Customer not found");

    await signInAs(page, DEMO_USERS.acmeMember.email);
    const member = await replay("member@example.com");
    expect(await member.text()).toContain("Only partner admins can do this.");

    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    await openSettings(page, customer.id);
    await expect(page.getByRole("textbox", { name: "Notification email", exact: true })).toHaveValue("first@example.com");
  });
});

test.describe("customer settings for a partner member who is not an admin", () => {
  test("shows them disabled with the reason, and the server refuses the change when the form is forced", async ({ page }) => {
    const customer = await createTestCustomer(page.request);
    await signInAs(page, DEMO_USERS.acmeMember.email);
    await openSettings(page, customer.id);
    await expect(page.getByRole("note")).toHaveText(/Only partner admins can change a customer's settings/);
    const email = page.getByRole("textbox", { name: "Notification email", exact: true });
    await expect(email).toBeDisabled();
    await expect(email).toHaveAccessibleDescription(/Only partner admins can change/);
    await expect(page.getByRole("combobox", { name: "Plan" })).toBeDisabled();
    await expect(page.getByRole("switch", { name: "Trial" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Delete account" })).toBeDisabled();

    // Hiding or disabling a control is not the check: forced open, the form reaches a server action that refuses.
    await page.evaluate(() => document.querySelectorAll("fieldset[disabled]").forEach((fieldset) => fieldset.removeAttribute("disabled")));
    await email.fill("sam-was-here@example.com");
    await page.getByRole("button", { name: "Save notification email" }).click();
    await expect(page.getByText("Only partner admins can do this.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Notification email", exact: true })).toHaveValue("ops@example.test");

    await page.goto(`/customers/${customer.id}/app-access`);
    await expect(page.getByRole("button", { name: "Edit" })).toBeDisabled();
  });
});
