import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";

test.beforeEach(async ({ page }) => {
  await signInAs(page, DEMO_USERS.acmeAdmin.email);
});

/** Issue 17: + Add customer › Import from CSV, with errors first, then fixed. */
test("import a CSV with errors, download the error file, fix it and import it", async ({ page }) => {
  const run = randomUUID().slice(0, 8);
  const header = "External ID,Customer name,Email,Plan";
  const good = `imp-${run}-1,Imported One ${run},one-${run}@import.example,Starter`;
  const badEmail = `imp-${run}-2,Imported Two ${run},not-an-email,Growth`;
  const formula = `imp-${run}-3,"=HYPERLINK(""http://evil.example"")",three-${run}@import.example,Business`;

  await page.goto("/customers");
  await page.getByRole("link", { name: "Import from CSV" }).click();
  await expect(page.getByRole("heading", { name: "Import customers from CSV" })).toBeVisible();

  const file = page.getByLabel("CSV file");
  await file.setInputFiles({ name: "customers.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${[header, good, badEmail, formula].join("\r\n")}\r\n`) });
  await expect(page.getByRole("status").filter({ hasText: "3 rows" })).toHaveText("3 rows: 1 new customer, 0 updates, 2 in error.");
  // The columns were matched by their headers, and the first rows are shown under the customer's fields.
  await expect(page.getByLabel("Notification email")).toHaveValue("2");
  await expect(page.getByRole("table", { name: "First rows of the file" })).toContainText(`Imported One ${run}`);
  const errors = page.getByRole("list", { name: "Rows in error" });
  await expect(errors).toContainText("Line 3");
  await expect(errors).toContainText("Enter a valid email address");
  await expect(errors).toContainText("Line 4 (imp-" + run + '-3): Name starts with "="');
  // Nothing is imported while a row is in error, unless the rows in error are skipped.
  await expect(page.getByRole("button", { name: "Import 1 row" })).toBeDisabled();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download rows in error" }).click()]);
  expect(download.suggestedFilename()).toBe("customers-errors.csv");
  const errorFile = readFileSync((await download.path())!, "utf8").split("\r\n");
  expect(errorFile[0]).toBe(`Line,Reason,${header}`);
  expect(errorFile[1]).toMatch(new RegExp(`^3,.*valid email.*,imp-${run}-2,`));
  // The formula comes back neutralised by the CSV writer.
  expect(errorFile[2]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);

  // Fixed, the file imports.
  const fixed = [
    header,
    good,
    `imp-${run}-2,Imported Two ${run},two-${run}@import.example,Growth`,
    `imp-${run}-3,Imported Three ${run},three-${run}@import.example,Business`,
  ];
  await file.setInputFiles({ name: "customers-fixed.csv", mimeType: "text/csv", buffer: Buffer.from(fixed.join("\r\n")) });
  await expect(page.getByRole("status").filter({ hasText: "3 rows" })).toHaveText("3 rows: 3 new customers, 0 updates, 0 in error.");
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByRole("link", { name: "Follow its progress on the Jobs page" })).toBeVisible();

  // The job runs in the background; the customers appear once it is done.
  await expect(async () => {
    await page.goto(`/customers?q=${encodeURIComponent(`Imported`)}`);
    for (const name of ["One", "Two", "Three"]) await expect(page.getByRole("link", { name: `Imported ${name} ${run}` })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
});
