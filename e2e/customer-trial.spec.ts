import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";
import { DAY_MS, setServerClock } from "./support/clock";
import { createTestCustomer } from "./support/customers";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

/** Header, dashboard and settings must agree on plan, status and task limit at every moment (decision D2). */
async function expectEverywhere(page: Page, customerId: number, state: { plan: string; status: string; limit: string }) {
  await page.goto(`/customers/${customerId}`);
  const details = page.getByRole("group", { name: "Customer details" });
  await expect(details).toContainText(state.plan);
  await expect(page.getByText(state.status, { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Tasks used in billing period" })).toContainText(`/ ${state.limit}`);
  await expect(page.getByRole("region", { name: "Tasks used in billing period" })).toContainText(`${state.plan} plan`);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("combobox", { name: "Plan" })).toHaveText(state.plan);
}

test.describe("Settings › Trial (rules U21, U22, decision D1)", () => {
  test.afterEach(async ({ request }) => {
    await setServerClock(request, 0);
  });

  test("starts a 30-day trial, falls to Free and Expired subscription after 30 days, is extended by turning it on again, and ends as an active subscription", async ({
    page,
  }) => {
    const customer = await createTestCustomer(page.request, { plan: "Growth" });
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    await expectEverywhere(page, customer.id, { plan: "Growth", status: "Active", limit: "10,000" });

    const trial = page.getByRole("switch", { name: "Trial" });
    await expect(trial).not.toBeChecked();
    await trial.click();
    await expect(page.getByText("Trial started: 30 days from today.")).toBeVisible();
    await expect(trial).toBeChecked();
    const endsAt = dateFormat.format(new Date(Date.now() + 30 * DAY_MS));
    await expect(trial).toHaveAccessibleDescription(new RegExp(`In trial until ${endsAt} · 30 days left`));
    await expectEverywhere(page, customer.id, { plan: "Growth", status: "In trial", limit: "100" });

    // 31 days later (the session lasts hours, so sign in again at the new time).
    await setServerClock(page.request, 31 * DAY_MS);
    await signInAs(page, DEMO_USERS.acmeAdmin.email);
    await expectEverywhere(page, customer.id, { plan: "Free", status: "Expired subscription", limit: "100" });
    await expect(trial).not.toBeChecked();
    await expect(trial).toHaveAccessibleDescription(new RegExp(`The trial ended on ${endsAt}: the account is on the Free plan`));

    // Turning it on again gives a new 30 days from the (moved) today.
    await trial.click();
    await expect(page.getByText("Trial started: 30 days from today.")).toBeVisible();
    const extendedTo = dateFormat.format(new Date(Date.now() + 61 * DAY_MS));
    await expect(trial).toHaveAccessibleDescription(new RegExp(`In trial until ${extendedTo} · 30 days left`));
    await expectEverywhere(page, customer.id, { plan: "Growth", status: "In trial", limit: "100" });

    await page.getByRole("switch", { name: "Trial" }).click();
    await expect(page.getByText("Trial turned off: the account is now an active subscription.")).toBeVisible();
    await page.reload();
    await expect(trial).not.toBeChecked();
    await expectEverywhere(page, customer.id, { plan: "Growth", status: "Active", limit: "10,000" });
  });
});
