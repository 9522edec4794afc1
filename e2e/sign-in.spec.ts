import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../db/seed/demo-users";

test.describe("sign-in", () => {
  test("an anonymous visit to a console page is sent to sign-in, and back after signing in", async ({ page }) => {
    await page.goto("/customers?page=2");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.getByLabel("Email").fill(DEMO_USERS.acmeAdmin.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/customers\?page=2$/);
    await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  });

  test("wrong credentials get a clear message and no session", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(DEMO_USERS.acmeAdmin.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/customers");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("signing out ends the session on the server", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(DEMO_USERS.acmeAdmin.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
    const cookiesBefore = await page.context().cookies();

    await page.getByRole("button", { name: DEMO_USERS.acmeAdmin.name }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    // The old cookie, replayed, opens nothing: the session was revoked in the database, not just forgotten.
    await page.context().addCookies(cookiesBefore);
    await page.goto("/customers");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("signing in and out stays on the host the person uses", async ({ page, baseURL }) => {
    // The server is reached as localhost; 127.0.0.1 is the same server under another name, which NEXTAUTH_URL
    // (unset here, as `npm start` leaves it) must not rewrite into localhost.
    const other = new URL(baseURL!);
    other.hostname = "127.0.0.1";
    await page.goto(new URL("/sign-in", other).href);
    await page.getByLabel("Email").fill(DEMO_USERS.acmeAdmin.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
    expect(new URL(page.url()).host).toBe(other.host);

    await page.getByRole("button", { name: DEMO_USERS.acmeAdmin.name }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
    expect(new URL(page.url()).host).toBe(other.host);
  });
});
