import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";
import { DAY_MS, setServerClock } from "./support/clock";
import { createTestCustomer } from "./support/customers";
import { caughtMail, emailTo, linkIn } from "./support/mail";

const ADMIN = DEMO_USERS.acmeAdmin;
/** The notifications job runs once a minute (lib/jobs/periodic.ts); its email then goes out through the outbox. */
const JOB_PERIOD_MS = 60_000;
const NOTICE_TIMEOUT = JOB_PERIOD_MS + 30_000;

test.describe("Notifications (issue 15)", () => {
  test.describe.configure({ timeout: 240_000 });
  test.afterEach(async ({ request }) => {
    await setServerClock(request, 0);
  });

  test("a trial that reaches 7 days before its end sends exactly one notice, with a working link, listed in the customer's Activity", async ({ page }) => {
    const email = `notices-${randomUUID().slice(0, 8)}@northwind.example`;
    const customer = await createTestCustomer(page.request, { notificationEmail: email, trialEndsAt: new Date(Date.now() + 30 * DAY_MS).toISOString() });

    // 23 days and an hour later, the trial ends in a little under 7 days (sign in at the new time: sessions last hours).
    await setServerClock(page.request, 23 * DAY_MS + 60 * 60_000);
    await signInAs(page, ADMIN.email);
    const notice = await emailTo(email, /ends in 7 days/, NOTICE_TIMEOUT);
    expect(notice.subject).toBe(`The trial of ${customer.name} ends in 7 days`);
    expect(notice.text).toContain(`The trial of ${customer.name} ends on`);
    expect(notice.html).toContain("<a href=");

    // The link goes to the customer's Settings, where the plan is chosen.
    const link = linkIn(notice, `/customers/${customer.id}/`);
    expect(new URL(link).pathname).toBe(`/customers/${customer.id}/settings`);
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Settings", level: 2 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Notifications" }).getByRole("combobox", { name: "Trial ends in 7 days" })).toHaveText(
      "Partner default (On)",
    );

    await page.goto(`/customers/${customer.id}/activity`);
    const events = page.getByRole("table", { name: "Audit events" });
    await expect(events.getByRole("row", { name: /Sent notification/ })).toHaveCount(1);
    await expect(events.getByRole("row", { name: /Sent notification/ })).toContainText("System");

    // The job runs again a minute later (and every minute after): still one notice.
    await page.waitForTimeout(JOB_PERIOD_MS + 10_000);
    expect((await caughtMail(email)).filter((message) => /ends in 7 days/.test(message.subject))).toHaveLength(1);
    expect(await caughtMail(email)).toHaveLength(1);
    await page.reload();
    await expect(events.getByRole("row", { name: /Sent notification/ })).toHaveCount(1);
  });

  test("turning a notification off in a customer's Settings is saved and audited", async ({ page }) => {
    const customer = await createTestCustomer(page.request);
    await signInAs(page, ADMIN.email);
    await page.goto(`/customers/${customer.id}/settings`);
    const section = page.getByRole("region", { name: "Notifications" });
    const oneDay = section.getByRole("combobox", { name: "Trial ends in 1 day" });
    await expect(oneDay).toHaveText("Partner default (On)");
    await expect(oneDay).toHaveAccessibleDescription("A day before the trial ends.");

    await oneDay.click();
    await page.getByRole("option", { name: "Off", exact: true }).click();
    await expect(page.getByText("Trial ends in 1 day: off.")).toBeVisible();
    await page.reload();
    await expect(section.getByRole("combobox", { name: "Trial ends in 1 day" })).toHaveText("Off");

    await page.goto(`/customers/${customer.id}/activity`);
    const row = page.getByRole("table", { name: "Audit events" }).getByRole("row", { name: /Changed notifications/ });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(ADMIN.name);
  });

  test("partner members see the defaults and a customer's choices but cannot change them", async ({ page }) => {
    const customer = await createTestCustomer(page.request);
    await signInAs(page, DEMO_USERS.acmeMember.email);
    await page.goto("/notifications");
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    await expect(page.getByRole("switch", { name: "Trial ended" })).toBeDisabled();
    await expect(page.getByRole("switch", { name: "Trial ended" })).toBeChecked();
    await page.goto(`/customers/${customer.id}/settings`);
    await expect(page.getByRole("region", { name: "Notifications" }).getByRole("combobox", { name: "Trial ended" })).toBeDisabled();
  });
});
