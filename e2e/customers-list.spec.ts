import { expect, test } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";
import { e2eDatabase } from "./support/database";

test("the Customers page lists the partner's customers from the database (rule U1)", async ({ page }) => {
  await signInAs(page, DEMO_USERS.acmeAdmin.email);
  await page.goto("/customers");
  const table = page.getByRole("table", { name: "Customers" });
  await expect(table).toBeVisible();
  const names = await table.getByRole("row").locator("td:nth-last-child(6) a").allInnerTexts();
  expect(names.length).toBe(25);

  const sql = e2eDatabase();
  if (sql) {
    try {
      const expected = await sql<{ name: string }[]>`
        select c.name from customers c join partners p on p.id = c.partner_id
         where p.name = 'Acme Embedded' order by c.created_at desc, c.id desc limit 25`;
      expect(names).toEqual(expected.map((row) => row.name));
      const [counted] = await sql<{ n: number }[]>`
        select count(*)::int as n from customers c join partners p on p.id = c.partner_id where p.name = 'Acme Embedded'`;
      await expect(page.getByText(`${counted!.n.toLocaleString("en")} customers`)).toBeVisible();
      // Another partner's customers never show up.
      const foreign = await sql<{ name: string }[]>`
        select c.name from customers c join partners p on p.id = c.partner_id where p.name <> 'Acme Embedded'`;
      for (const { name } of foreign) expect(names).not.toContain(name);
    } finally {
      await sql.end();
    }
  }

  if (process.env.UPDATE_SCREENSHOTS === "1") {
    mkdirSync("docs/screenshots", { recursive: true });
    await page.screenshot({ path: "docs/screenshots/customers.png", fullPage: false });
  }
});
