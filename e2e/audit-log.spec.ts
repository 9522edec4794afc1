import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { DEMO_USERS } from "../db/seed/demo-users";
import { customerIdByName, returnToPartner, switchInto } from "./support/accounts";
import { signedInPage, signInAs } from "./support/auth";

const ADMIN = DEMO_USERS.acmeAdmin;
const MORGAN = DEMO_USERS.acmeManager;

test.describe("the audit log (rule C8)", () => {
  test("lists events newest first, filters by person, action and date, and each event expands to its change", async ({ page, browser, baseURL }) => {
    const morgan = await signedInPage(browser, baseURL, MORGAN.email);
    await switchInto(morgan, "Northwind Traders", "Quarterly review");
    await returnToPartner(morgan);
    await morgan.context().close();

    await signInAs(page, ADMIN.email);
    await page.goto("/audit-log");
    const table = page.getByRole("table", { name: "Audit events" });
    // Newest first: the admin's own sign-in, just now.
    await expect(table.getByRole("row").nth(1)).toContainText("Signed in");
    await expect(table.getByRole("row").nth(1)).toContainText(ADMIN.name);

    await page.getByRole("combobox", { name: "Person" }).click();
    await page.getByRole("searchbox", { name: "Search people" }).fill("morgan");
    await page.getByRole("option", { name: new RegExp(MORGAN.name) }).click();
    await page.getByRole("combobox", { name: "Action" }).click();
    await page.getByRole("option", { name: "Switched into account" }).click();
    await expect(page).toHaveURL(/person=\d+.*action=account\.switch_in|action=account\.switch_in.*person=\d+/);
    const rows = table.getByRole("row");
    await expect(rows.nth(1)).toContainText("Northwind Traders");
    for (const text of await rows.allInnerTexts()) {
      if (text.includes("Time")) continue;
      expect(text).toContain("Switched into account");
      expect(text).toContain(MORGAN.name);
    }
    const toggle = page.getByRole("button", { name: /^Show changes of Switched into account by Morgan Lee/ }).first();
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const details = page.locator(`[id="${await toggle.getAttribute("aria-controls")}"]`);
    await expect(details).toContainText("Quarterly review");
    await expect(details).toContainText("User agent");

    // A date range after today finds nothing.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("From").fill(tomorrow);
    await expect(page.getByRole("heading", { name: "No event matches these filters" })).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/audit-log$/);
    await expect(table.getByRole("row").nth(1)).toBeVisible();
  });

  test("exports the filtered view as CSV", async ({ page }) => {
    await signInAs(page, ADMIN.email);
    await page.goto("/audit-log?action=session.sign_in");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await file.path())!, "utf8"))
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Time (UTC),Person,Email,Acting as,Account,Action,Target,Changes,IP address,User agent");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toContain(",Signed in,");
    expect(lines.slice(1).some((line) => line.includes(ADMIN.email))).toBeTruthy();
  });

  test("a customer's Activity shows only that customer's events", async ({ page, browser, baseURL }) => {
    const morgan = await signedInPage(browser, baseURL, MORGAN.email);
    await switchInto(morgan, "Contoso Pharmaceuticals", "Activity check");
    await returnToPartner(morgan);
    await morgan.context().close();

    await signInAs(page, ADMIN.email);
    const id = await customerIdByName(page, "Contoso Pharmaceuticals");
    await page.goto(`/customers/${id}/activity`);
    await expect(page.getByRole("heading", { name: "Activity" })).toBeVisible();
    const table = page.getByRole("table", { name: "Audit events" });
    await expect(table.getByRole("columnheader", { name: "Account" })).toHaveCount(0);
    await expect(table.getByRole("row", { name: /Left account/ }).first()).toContainText(MORGAN.name);
    await expect(table.getByRole("row", { name: /Switched into account/ }).first()).toContainText(MORGAN.name);
    await expect(table.getByRole("row", { name: /Signed in/ })).toHaveCount(0);
    // A customer that does not exist, or another partner's, is the "not found" page (decision D8). Its status is
    // 200: the console's loading.tsx has started streaming before the page finds out.
    await page.goto("/customers/2000000000/activity");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const globex = await signedInPage(browser, baseURL, DEMO_USERS.globexAdmin.email);
    await globex.goto(`/customers/${id}/activity`);
    await expect(globex.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(globex.getByText("Contoso Pharmaceuticals")).toHaveCount(0);
    await globex.context().close();
  });

  test("an over-long search in the URL is cut to 200 characters, visibly, in the page and the export", async ({ page }) => {
    await signInAs(page, ADMIN.email);
    const term = `${ADMIN.email} ${"z".repeat(230)}`;
    const searched = term.slice(0, 200);
    await page.goto(`/audit-log?q=${encodeURIComponent(term)}`);
    await expect(
      page.getByRole("status").filter({ hasText: `The search in the address has ${term.length} characters; only its first 200 are searched.` }),
    ).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Search the audit log" })).toHaveValue(searched);
    await expect(page.getByText("No event matches these filters")).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const lines = (await readFile((await (await download).path())!, "utf8"))
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(1);
    const direct = await page.request.get(`/audit-log/export?q=${encodeURIComponent(term)}`);
    expect(
      (await direct.text())
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n"),
    ).toHaveLength(1);
  });

  test("is for partner admins: a member gets a notice, and the export refuses it", async ({ page }) => {
    await signInAs(page, MORGAN.email);
    await page.goto("/audit-log");
    await expect(page.getByText("Only partner admins can see the audit log")).toBeVisible();
    await expect(page.getByRole("table", { name: "Audit events" })).toHaveCount(0);
    expect((await page.request.get("/audit-log/export")).status()).toBe(403);
  });
});

test.describe("times and targets in the reader's words (issue 12)", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("an event's time is the reader's local time with UTC on hover, and its target is the customer by name, linked", async ({ page, browser, baseURL }) => {
    const morgan = await signedInPage(browser, baseURL, MORGAN.email);
    await switchInto(morgan, "Northwind Traders", "Time zone check");
    await returnToPartner(morgan);
    await morgan.context().close();

    await signInAs(page, ADMIN.email);
    const id = await customerIdByName(page, "Northwind Traders");
    await page.goto(`/customers/${id}/activity?action=account.switch_in`);
    // Newest first: the switch just made.
    const row = page.getByRole("table", { name: "Audit events" }).getByRole("row").nth(1);
    const toggle = row.getByRole("button", { name: /^Show changes of Switched into account by Morgan Lee/ });
    const time = row.locator("time");
    const iso = (await time.getAttribute("datetime"))!;
    const tokyo = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: "Asia/Tokyo" });
    await expect(time).toHaveText(tokyo.format(new Date(iso)));
    await expect(time).toHaveAttribute("title", `${iso.slice(0, 19).replace("T", " ")} UTC`);

    await toggle.click();
    const details = page.locator(`[id="${await toggle.getAttribute("aria-controls")}"]`);
    await expect(details).toContainText("Time zone check");
    await expect(details).toContainText("Target: Customer Northwind Traders");
    await expect(details).not.toContainText(/Target: customer \d/);
    await expect(details.getByRole("link", { name: "Northwind Traders" })).toHaveAttribute("href", `/customers/${id}`);
    // The switch's end is kept as an ISO time; it reads as a local time too, never as ISO text.
    await expect(details).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    const expires = details.locator("dd time");
    await expect(expires).toHaveText(tokyo.format(new Date((await expires.getAttribute("datetime"))!)));
    await expect(expires).toHaveAttribute("title", /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  });
});
