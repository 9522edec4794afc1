import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";

/** The test server's stdout (scripts/start.ts --test copies it there): one JSON line per event. */
function serverLog(): string {
  return readFileSync(join(process.cwd(), ".data", "e2e-server.log"), "utf8");
}

test("every request has its JSON log line and X-Request-Id, and no password, token or session cookie reaches the log", async ({ page }) => {
  await signInAs(page, DEMO_USERS.acmeAdmin.email);
  // A failed sign-in too: its password must not be logged either.
  await page.request.post("/api/auth/callback/credentials", { form: { email: "nobody@acme.example", password: "wrong-password-xyz", json: "true" } });
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"))!;

  await page.goto("/api-clients");
  await page.getByRole("button", { name: "Create API client" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API client" });
  await dialog.getByLabel("Name").fill(`Log check ${Date.now()}`);
  await dialog.getByRole("button", { name: "Create API client" }).click();
  const tokenDialog = page.getByRole("dialog", { name: "Copy the token now" });
  const token = await tokenDialog.getByLabel("API token").inputValue();
  await tokenDialog.getByRole("button", { name: "Done" }).click();

  const answer = await page.request.get("/api/roles?probe=1", { headers: { authorization: `Bearer ${token}` } });
  expect(answer.status()).toBe(200);
  const requestId = answer.headers()["x-request-id"];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

  await expect
    .poll(
      () =>
        serverLog()
          .split("\n")
          .some((line) => line.includes(requestId!)),
      { timeout: 5_000 },
    )
    .toBe(true);
  const log = serverLog();
  const line = JSON.parse(log.split("\n").find((candidate) => candidate.includes(requestId!))!) as Record<string, unknown>;
  expect(line).toMatchObject({
    msg: "request",
    requestId,
    method: "GET",
    route: "/api/roles",
    status: 200,
    partnerId: expect.any(Number),
    instance: expect.any(String),
  });
  expect(typeof line.time).toBe("string");
  expect(typeof line.durationMs).toBe("number");

  expect(log).not.toContain(DEMO_PASSWORD);
  expect(log).not.toContain("wrong-password-xyz");
  expect(log).not.toContain(token);
  expect(log).not.toContain(session.value);
  expect(log).not.toContain("probe=1");
});
