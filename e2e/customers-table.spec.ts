import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { DEMO_CUSTOMERS, DEMO_USERS } from "../db/seed/demo-users";
import { escapeRegExp } from "./support/accounts";
import { signInAs } from "./support/auth";
import { DAY_MS } from "./support/clock";
import { createTestCustomer } from "./support/customers";
import { e2eDatabase } from "./support/database";

const ACME = "Acme Embedded";

function customerNames(page: Page) {
  return page.getByRole("table", { name: "Customers" }).locator("tbody tr td:nth-last-child(6) a");
}

async function waitForTable(page: Page) {
  await expect(page.getByRole("table", { name: "Customers" })).toHaveAttribute("aria-busy", "false");
}

/** The count a status tab shows, as a number. */
async function tabCount(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).innerText()).replace(/[^0-9]/g, ""));
}

test.beforeEach(async ({ page }) => {
  await signInAs(page, DEMO_USERS.acmeAdmin.email);
});

test.describe("sorting (rule U7)", () => {
  const sorts = [
    { header: "Customer", key: "lower(c.name)" },
    { header: "Joined", key: "c.created_at" },
    { header: "Tasks used in billing period", key: "c.tasks_used" },
    { header: "Connections", key: "c.authenticated_connections" },
  ];
  for (const { header, key } of sorts) {
    test(`${header}: first click ascending, second descending, as the database orders it`, async ({ page }) => {
      await page.goto("/customers");
      const button = page.getByRole("columnheader", { name: header }).getByRole("button");
      for (const direction of ["ascending", "descending"] as const) {
        await button.click();
        await expect(page.getByRole("columnheader", { name: header })).toHaveAttribute("aria-sort", direction);
        await waitForTable(page);
        const shown = await customerNames(page).allInnerTexts();
        expect(shown).toHaveLength(25);
        const sql = e2eDatabase();
        if (!sql) continue;
        try {
          const order = direction === "ascending" ? "asc" : "desc";
          const rows = await sql.unsafe<{ name: string }[]>(
            `select c.name from customers c join partners p on p.id = c.partner_id
              where p.name = $1 order by ${key} ${order}, c.id ${order} limit 25`,
            [ACME],
          );
          expect(shown).toEqual(rows.map((row) => row.name));
        } finally {
          await sql.end();
        }
      }
      // Joined, newest first, is the default view: the URL leaves defaults out.
      if (header !== "Joined") await expect(page).toHaveURL(/sort=/);
    });
  }

  test("Connected apps cannot be sorted", async ({ page }) => {
    await page.goto("/customers");
    await expect(page.getByRole("columnheader", { name: "Connected apps" }).getByRole("button")).toHaveCount(0);
  });
});

test("search highlights the match in the name and in the external ID (rule U8)", async ({ page }) => {
  await page.goto("/customers");
  const search = page.getByRole("searchbox", { name: "Search customers" });
  await search.fill("northwind");
  await expect(page).toHaveURL(/q=northwind/);
  await waitForTable(page);
  const row = page.getByRole("row", { name: new RegExp(DEMO_CUSTOMERS.northwind.name) });
  await expect(row.locator("mark").first()).toHaveText(/northwind/i);

  await search.fill(DEMO_CUSTOMERS.northwind.externalId!.toLowerCase());
  await expect(page).toHaveURL(/q=a2300/);
  await waitForTable(page);
  await expect(customerNames(page)).toHaveText([DEMO_CUSTOMERS.northwind.name]);
  await expect(page.getByRole("row", { name: /Northwind/ }).locator("mark")).toHaveText(DEMO_CUSTOMERS.northwind.externalId!);

  await search.fill("zzz-no-such-customer");
  await expect(page.getByText("No customers match 'zzz-no-such-customer'")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(customerNames(page)).toHaveCount(25);
});

test("status tabs filter and count for the current view (rule U10)", async ({ page }) => {
  await page.goto("/customers");
  await waitForTable(page);
  const all = await tabCount(page, "count-all");
  const active = await tabCount(page, "count-active");
  const trial = await tabCount(page, "count-in_trial");
  const expired = await tabCount(page, "count-expired");
  expect(active + trial + expired).toBe(all);
  await expect(page.getByText(`${all} customers`)).toBeVisible();

  await page.getByRole("tab", { name: /In trial/ }).click();
  await expect(page).toHaveURL(/status=in_trial/);
  await expect(page.getByText(`${trial} customers`)).toBeVisible();
  const sql = e2eDatabase();
  if (sql) {
    try {
      const [row] = await sql<{ n: number; running: number }[]>`
        select count(*)::int as n, count(*) filter (where trial_ends_at > now())::int as running
          from customers c join partners p on p.id = c.partner_id where p.name = ${ACME}`;
      expect(all).toBe(row!.n);
      expect(trial).toBe(row!.running);
    } finally {
      await sql.end();
    }
  }
});

test("plan, app and date joined filters, shown as chips that clear one by one or all at once (rules U9, U12, U13)", async ({ page }) => {
  await page.goto("/customers?size=100");
  await page.getByRole("button", { name: "Plan" }).click();
  await page.getByRole("checkbox", { name: "Growth" }).click();
  await page.keyboard.press("Escape");
  await waitForTable(page);
  await expect(page.getByRole("group", { name: "Active filters" }).getByText("Plan: Growth")).toBeVisible();
  const planCells = page.getByRole("table", { name: "Customers" }).locator("tbody tr td:nth-last-child(6) div.text-xs");
  for (const text of await planCells.allInnerTexts()) expect(text).toBe("Growth");

  await page.getByRole("button", { name: "App" }).click();
  await page.getByRole("combobox", { name: "Search apps" }).fill("sales");
  await page.getByRole("option", { name: /Salesforce/ }).click();
  await waitForTable(page);
  await expect(page.getByText("App: Salesforce")).toBeVisible();
  const withApp = await customerNames(page).allInnerTexts();
  const sql = e2eDatabase();
  if (sql) {
    try {
      const rows = await sql<{ name: string }[]>`
        select distinct c.name from customers c join partners p on p.id = c.partner_id
          join plans pl on pl.id = c.plan_id join connections cn on cn.customer_id = c.id join apps a on a.id = cn.app_id
         where p.name = ${ACME} and a.name = 'Salesforce' and pl.name = 'Growth'
           and (c.trial_ends_at is null or c.trial_ends_at > now())`;
      expect([...withApp].sort()).toEqual(rows.map((row) => row.name).sort());
    } finally {
      await sql.end();
    }
  }

  await page.getByRole("button", { name: "Remove filter Plan: Growth" }).click();
  await expect(page.getByText("Plan: Growth")).toHaveCount(0);
  await expect(page.getByText("App: Salesforce")).toBeVisible();

  await page.getByRole("button", { name: "Date joined" }).click();
  await page.getByRole("button", { name: "Last 30 days" }).click();
  await waitForTable(page);
  await expect(page.getByText("Joined: Last 30 days")).toBeVisible();
  const cutoff = Date.now() - 31 * 86_400_000;
  const joinedCells = page.getByRole("table", { name: "Customers" }).locator("tbody tr td:nth-last-child(4)");
  for (const text of await joinedCells.allInnerTexts()) expect(Date.parse(text)).toBeGreaterThan(cutoff);

  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(page.getByRole("group", { name: "Active filters" })).toHaveCount(0);
  await expect(page).toHaveURL(/\/customers\?size=100$/);
});

test("the whole view lives in the URL: reload and Back restore it; a malformed URL falls back to defaults", async ({ page }) => {
  await page.goto("/customers");
  await page.getByRole("columnheader", { name: "Customer" }).getByRole("button").click();
  await waitForTable(page);
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("Page 2 of")).toBeVisible();
  await waitForTable(page);
  const secondPage = await customerNames(page).allInnerTexts();

  await page.reload();
  await expect(page.getByText("Page 2 of")).toBeVisible();
  await expect(customerNames(page)).toHaveText(secondPage);
  await expect(page.getByRole("columnheader", { name: "Customer" })).toHaveAttribute("aria-sort", "ascending");

  await page.goBack();
  await expect(page.getByText("Page 1 of")).toBeVisible();
  await page.goForward();
  await expect(customerNames(page)).toHaveText(secondPage);

  await page.goto("/customers?sort=drop%20table&dir=sideways&size=7&page=-3&after=%%%&status=nope&plan=x,1e9&joined=forever");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await expect(customerNames(page)).toHaveCount(25);
  await expect(page.getByRole("columnheader", { name: "Joined" })).toHaveAttribute("aria-sort", "descending");
});

test("a page beyond the last and an over-long search in the URL are brought within bounds, visibly, in the page and the export", async ({ page }) => {
  await page.goto("/customers?page=99999");
  await waitForTable(page);
  await expect(page.getByRole("status").filter({ hasText: "The address asked for page 99,999: showing page 1." })).toBeVisible();
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
  await expect(customerNames(page)).toHaveCount(25);

  // Cut to 200 characters, and searched as cut: the box, the chip, the rows and the export all agree.
  const term = `${DEMO_CUSTOMERS.northwind.name} ${"z".repeat(230)}`;
  const searched = term.slice(0, 200);
  await page.goto(`/customers?q=${encodeURIComponent(term)}`);
  await expect(
    page.getByRole("status").filter({ hasText: `The search in the address has ${term.length} characters; only its first 200 are searched.` }),
  ).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search customers" })).toHaveValue(searched);
  await expect(page.getByText(`Search: ${searched}`)).toBeVisible();
  await expect(page.getByText(/^No customers match/)).toBeVisible();
  await expect(customerNames(page)).toHaveCount(0);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const lines = readFileSync(await (await download).path(), "utf8")
    .trim()
    .split("\r\n");
  expect(lines).toHaveLength(1);
  // The export reads an over-long URL the same way as the page, also when it is opened directly.
  const direct = await page.request.get(`/customers/export?q=${encodeURIComponent(term)}`);
  expect((await direct.text()).trim().split("\r\n")).toHaveLength(1);
});

test("last and first page, and page sizes 25, 50, 100 (keyset pagination)", async ({ page }) => {
  await page.goto("/customers");
  await page.getByRole("button", { name: "Last page" }).click();
  await waitForTable(page);
  const all = await tabCount(page, "count-all");
  const lastCount = all % 25 || 25;
  await expect(customerNames(page)).toHaveCount(lastCount);
  await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();
  await page.getByRole("button", { name: "First page" }).click();
  await expect(page.getByRole("button", { name: "Previous page" })).toBeDisabled();
  await page.getByRole("combobox", { name: "Rows per page" }).click();
  await page.getByRole("option", { name: "100" }).click();
  await waitForTable(page);
  await expect(customerNames(page)).toHaveCount(100);
});

test.describe("Add customer (rule U14)", () => {
  test("missing fields and a bad email are refused in the browser", async ({ page }) => {
    await page.goto("/customers");
    await page.getByRole("button", { name: "Add customer" }).click();
    const dialog = page.getByRole("dialog", { name: "Add customer" });
    await dialog.getByRole("button", { name: "Add customer" }).click();
    await expect(dialog.getByText("Enter the customer's name.")).toBeVisible();
    await expect(dialog.getByText("Choose a plan.")).toBeVisible();
    await dialog.getByLabel("Customer name").fill("Nutech");
    await dialog.getByLabel("Notification email").fill("not-an-email");
    await dialog.getByRole("button", { name: "Add customer" }).click();
    await expect(dialog.getByText(/Enter a valid email address/)).toBeVisible();
  });

  test("a duplicate external ID gets a field error and nothing is written", async ({ page }) => {
    await page.goto("/customers");
    await page.getByRole("button", { name: "Add customer" }).click();
    const dialog = page.getByRole("dialog", { name: "Add customer" });
    await dialog.getByLabel("Customer name").fill("Duplicate Corp");
    await dialog.getByLabel("Notification email").fill("ops@duplicate.example");
    await dialog.getByRole("combobox", { name: "Plan" }).click();
    await page.getByRole("option", { name: "Growth" }).click();
    await dialog.getByLabel("External ID (optional)").fill(DEMO_CUSTOMERS.northwind.externalId!);
    await dialog.getByRole("button", { name: "Add customer" }).click();
    await expect(dialog.getByText("Another customer already has this external ID.")).toBeVisible();
    // The server's field error lands on its field, which gets the focus; what was typed stays.
    const externalId = dialog.getByLabel("External ID (optional)");
    await expect(externalId).toHaveAttribute("aria-invalid", "true");
    await expect(externalId).toHaveAccessibleDescription(/Another customer already has this external ID\./);
    await expect(externalId).toBeFocused();
    await expect(dialog.getByLabel("Customer name")).toHaveValue("Duplicate Corp");
    const sql = e2eDatabase();
    if (sql) {
      try {
        const rows = await sql`select 1 from customers where name = 'Duplicate Corp'`;
        expect(rows).toHaveLength(0);
      } finally {
        await sql.end();
      }
    }
  });

  test("success closes the dialog, confirms with a toast, shows the customer and audits it", async ({ page }) => {
    const name = `Fresh Customer ${Date.now()}`;
    await page.goto("/customers");
    await page.getByRole("button", { name: "Add customer" }).click();
    const dialog = page.getByRole("dialog", { name: "Add customer" });
    await dialog.getByLabel("Customer name").fill(name);
    await dialog.getByLabel("Notification email").fill("ops@fresh.example");
    await dialog.getByRole("combobox", { name: "Plan" }).click();
    await page.getByRole("option", { name: "Starter" }).click();
    await dialog.getByLabel("External ID (optional)").fill(`FRESH-${Date.now()}`);
    await dialog.getByRole("button", { name: "Add customer" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`${name} was added.`)).toBeVisible();
    await expect(customerNames(page).first()).toHaveText(name);
    const sql = e2eDatabase();
    if (sql) {
      try {
        const [event] = await sql<{ actor_email: string }[]>`
          select actor_email from audit_events where action = 'customer.created' and customer_name = ${name}`;
        expect(event?.actor_email).toBe(DEMO_USERS.acmeAdmin.email);
      } finally {
        await sql.end();
      }
    }
  });
});

test("Export CSV downloads every row of the filtered view, not just the visible page", async ({ page }) => {
  await page.goto("/customers?status=active&sort=name&dir=asc");
  await waitForTable(page);
  const expected = await tabCount(page, "count-active");
  expect(expected).toBeGreaterThan(25);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const lines = readFileSync(file, "utf8").trim().split("\r\n");
  expect(lines[0]).toContain("Customer");
  expect(lines).toHaveLength(expected + 1);
  expect(lines.slice(1).every((line) => line.includes(",Active,"))).toBe(true);
  const firstShown = await customerNames(page).first().innerText();
  expect(lines[1]).toContain(firstShown);
});

test('every row shows its status badge, a trial\'s included, and one match reads "1 customer" (issue 12)', async ({ page }) => {
  const tag = `Status ${randomUUID().slice(0, 8)}`;
  const inTrial = await createTestCustomer(page.request, { name: `${tag} trial`, trialEndsAt: new Date(Date.now() + 10 * DAY_MS).toISOString() });
  const expired = await createTestCustomer(page.request, { name: `${tag} expired`, trialEndsAt: new Date(Date.now() - 365 * DAY_MS).toISOString() });
  const active = await createTestCustomer(page.request, { name: `${tag} active` });

  await page.goto(`/customers?q=${encodeURIComponent(tag)}`);
  await waitForTable(page);
  const table = page.getByRole("table", { name: "Customers" });
  await expect(page.getByText("3 customers", { exact: true })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Status" })).toBeVisible();
  for (const [customer, status] of [
    [inTrial, "In trial"],
    [expired, "Expired subscription"],
    [active, "Active"],
  ] as const) {
    await expect(table.getByRole("row", { name: new RegExp(escapeRegExp(customer.name)) })).toContainText(status);
  }

  await page.goto(`/customers?q=${encodeURIComponent(inTrial.name)}`);
  await waitForTable(page);
  await expect(customerNames(page)).toHaveText([inTrial.name]);
  await expect(page.getByText("1 customer", { exact: true })).toBeVisible();
});

test("+ Add customer warns, without blocking, when another customer already has the name (issue 12)", async ({ page }) => {
  const existing = await createTestCustomer(page.request, { externalId: `nw-${randomUUID().slice(0, 8)}` });
  await page.goto("/customers");
  await page.getByRole("button", { name: "Add customer" }).click();
  const dialog = page.getByRole("dialog", { name: "Add customer" });
  const name = dialog.getByLabel("Customer name");
  const warning = dialog.getByRole("status").filter({ hasText: "Another customer is already named" });

  // A name the other one merely starts with is another name: the check answers, and nothing is said.
  const checked = page.waitForResponse((response) => response.url().includes("/lookups/customers/same-name"));
  await name.fill(existing.name.slice(0, -2));
  expect((await checked).ok()).toBeTruthy();
  await expect(warning).toHaveCount(0);
  // Letter case aside, it is the same name: the warning names the other customer, with its external ID and a link.
  await name.fill(existing.name.toUpperCase());
  await expect(warning).toContainText(`Another customer is already named “${existing.name}” (external ID nw-`);
  await expect(warning.getByRole("link", { name: `“${existing.name}”` })).toHaveAttribute("href", `/customers/${existing.id}`);

  await name.fill(existing.name);
  await dialog.getByLabel("Notification email").fill("ops@twin.example");
  await dialog.getByRole("combobox", { name: "Plan" }).click();
  await page.getByRole("option", { name: "Growth" }).click();
  await dialog.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByText(`${existing.name} was added.`)).toBeVisible();
  await expect(dialog).toBeHidden();
});
