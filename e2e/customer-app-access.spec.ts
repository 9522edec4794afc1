import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";
import { createTestCustomer } from "./support/customers";
import { e2eDatabase } from "./support/database";

test.describe("App access (rules U23, U24)", () => {
  test("edits the apps a customer can use in a searchable window, refuses an empty selection, and goes back to All apps", async ({ page }) => {
    const customer = await createTestCustomer(page.request);
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    await page.goto(`/customers/${customer.id}/app-access`);
    const access = page.getByRole("region", { name: "App access" });
    await expect(access).toContainText("All apps");

    await access.getByRole("button", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit app access" });
    const allowAll = dialog.getByRole("checkbox", { name: "Allow all apps" });
    await expect(allowAll).toBeChecked();
    await allowAll.click();

    // Selecting none is not "All apps": it is refused, with the reason.
    await dialog.getByRole("button", { name: "Apply changes" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Select at least one app, or choose Allow all apps");

    const apps = dialog.getByRole("list", { name: "Apps" });
    const total = await apps.getByRole("checkbox").count();
    await dialog.getByRole("button", { name: "Select all" }).click();
    await expect(dialog.getByText(`${total} of ${total} apps selected`)).toBeVisible();
    await dialog.getByRole("button", { name: "Clear" }).click();
    await expect(dialog.getByText(`0 of ${total} apps selected`)).toBeVisible();

    const search = dialog.getByRole("searchbox", { name: "Search apps" });
    await search.fill("sales");
    await expect(apps.getByRole("checkbox")).toHaveCount(1);
    await apps.getByRole("checkbox", { name: "Salesforce" }).click();
    await search.fill("sla");
    await apps.getByRole("checkbox", { name: "Slack" }).click();
    await search.fill("nothing like this");
    await expect(apps).toContainText("No app matches");
    await search.fill("");
    await expect(dialog.getByText(`2 of ${total} apps selected`)).toBeVisible();
    await dialog.getByRole("button", { name: "Apply changes" }).click();
    await expect(page.getByText("App access saved.")).toBeVisible();
    await expect(dialog).toBeHidden();

    const selected = access.getByRole("list", { name: "Selected apps" });
    await expect(selected.getByRole("listitem")).toHaveText(["Salesforce", "Slack"]);
    await expect(selected.locator('img[src="/apps/salesforce.svg"]')).toHaveCount(1);
    await page.reload();
    await expect(selected.getByRole("listitem")).toHaveText(["Salesforce", "Slack"]);

    const sql = e2eDatabase();
    if (sql) {
      try {
        const rows = await sql<{ slug: string; mode: string }[]>`
          select a.slug, c.app_access::text as mode from customer_app_access x
            join apps a on a.id = x.app_id join customers c on c.id = x.customer_id
           where x.customer_id = ${customer.id} order by a.slug`;
        expect(rows).toEqual([
          { slug: "salesforce", mode: "selected" },
          { slug: "slack", mode: "selected" },
        ]);
      } finally {
        await sql.end();
      }
    }

    // The window opens on what is saved.
    await access.getByRole("button", { name: "Edit" }).click();
    await expect(allowAll).not.toBeChecked();
    await expect(apps.getByRole("checkbox", { name: "Slack" })).toBeChecked();
    await expect(apps.getByRole("checkbox", { name: "Jira" })).not.toBeChecked();
    await allowAll.click();
    await dialog.getByRole("button", { name: "Apply changes" }).click();
    await expect(page.getByText("App access saved.")).toBeVisible();
    await expect(access).toContainText("All apps");
    await expect(access.getByRole("list", { name: "Selected apps" })).toHaveCount(0);
  });

  test("the count says all apps are selected while Allow all apps ticks every box, and one app reads in the singular (issue 12)", async ({ page }) => {
    const customer = await createTestCustomer(page.request);
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    await page.goto(`/customers/${customer.id}/app-access`);
    const access = page.getByRole("region", { name: "App access" });
    await access.getByRole("button", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit app access" });
    const apps = dialog.getByRole("list", { name: "Apps" });
    const total = await apps.getByRole("checkbox").count();
    expect(total).toBeGreaterThan(1);
    await expect(apps.getByRole("checkbox", { checked: true })).toHaveCount(total);
    await expect(dialog.getByText(`All ${total} apps selected`)).toBeVisible();
    await expect(dialog.getByText(/^0 of/)).toHaveCount(0);

    await dialog.getByRole("checkbox", { name: "Allow all apps" }).click();
    await expect(dialog.getByText(`0 of ${total} apps selected`)).toBeVisible();
    await apps.getByRole("checkbox", { name: "Slack" }).click();
    await expect(dialog.getByText(`1 of ${total} apps selected`)).toBeVisible();
    await dialog.getByRole("button", { name: "Apply changes" }).click();
    await expect(page.getByText("App access saved.")).toBeVisible();
    await expect(access).toContainText("This account can only discover and connect to this app,");
  });
});
