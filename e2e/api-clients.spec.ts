import { expect, test } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";
import { e2eDatabase } from "./support/database";
import { confirmAlert } from "./support/dialogs";

test("an admin creates an API client, sees its token once, calls the API with it, then revokes it (rule A1)", async ({ page }) => {
  await signInAs(page, DEMO_USERS.acmeAdmin.email);
  await page.goto("/api-clients");
  await expect(page.getByRole("heading", { name: "API clients", level: 1 })).toBeVisible();
  const name = `E2E client ${Date.now()}`;
  await page.getByRole("button", { name: "Create API client" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API client" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create API client" }).click();
  const tokenDialog = page.getByRole("dialog", { name: "Copy the token now" });
  const token = await tokenDialog.getByLabel("API token").inputValue();
  expect(token).toMatch(/^pcak_/);
  await expect(tokenDialog.getByRole("button", { name: "Copy token" })).toBeVisible();
  mkdirSync("test-results", { recursive: true });
  await page.screenshot({ path: "test-results/api-client-token.png" });
  await tokenDialog.getByRole("button", { name: "Done" }).click();

  // The token works against the REST API, and the session cookie alone does not.
  const withToken = await page.request.get("/api/roles", { headers: { authorization: `Bearer ${token}` } });
  expect(withToken.status()).toBe(200);
  expect((await page.request.get("/api/roles")).status()).toBe(401);

  const row = page.getByRole("row").filter({ hasText: name });
  await page.reload();
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("Never");
  await expect(row).not.toContainText(token);
  await page.screenshot({ path: "test-results/api-clients.png", fullPage: true });

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await confirmAlert(page, "Revoke");
  await expect(row).toContainText("Revoked");
  expect((await page.request.get("/api/roles", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);

  const sql = e2eDatabase();
  if (sql) {
    try {
      const rows = await sql<{ token_hash: string; revoked_at: Date | null }[]>`select token_hash, revoked_at from api_clients where name = ${name}`;
      expect(rows).toHaveLength(1);
      expect(rows[0]!.token_hash).not.toContain(token);
      expect(rows[0]!.revoked_at).not.toBeNull();
    } finally {
      await sql.end();
    }
  }
});

test("the API reference renders the OpenAPI document: methods, paths, body fields, responses", async ({ page }) => {
  await signInAs(page, DEMO_USERS.acmeAdmin.email);
  await page.goto("/api-reference");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  const create = page.getByRole("region", { name: "POST /api/managed_users" }).or(page.locator('[aria-label="POST /api/managed_users"]'));
  await expect(create).toContainText("notification_email");
  await expect(create).toContainText("415");
  mkdirSync("test-results", { recursive: true });
  await page.screenshot({ path: "test-results/api-reference.png" });
  const document = await page.request.get("/api/openapi.json");
  expect((await document.json()).openapi).toBe("3.1.0");
});

test("the API reference shows the document's `code` spans as code, never as raw backticks (issue 12)", async ({ page }) => {
  await signInAs(page, DEMO_USERS.acmeAdmin.email);
  await page.goto("/api-reference");
  const create = page.locator('[aria-label="POST /api/managed_users"]');
  await expect(create.locator("code", { hasText: /^customers:write$/ })).toBeVisible();
  await expect(create).toContainText("Needs the customers:write permission.");
  expect(await page.locator("main#main").innerText()).not.toContain("`");
});
