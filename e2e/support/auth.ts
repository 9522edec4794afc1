import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../db/seed/demo-users";

/**
 * Signs in through next-auth's own endpoint, without clicking through the form (the sign-in spec tests the
 * form itself). The cookie lands in the page's browser context.
 */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(response.ok(), `sign-in as ${email}`).toBeTruthy();
  const cookies = await page.context().cookies();
  expect(
    cookies.some((cookie) => cookie.name.endsWith("next-auth.session-token")),
    `session cookie for ${email}`,
  ).toBeTruthy();
}

/** A page in a browser context of its own (its own cookies), signed in as `email`. */
export async function signedInPage(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page, email);
  return page;
}
