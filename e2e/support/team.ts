import { expect, type Browser, type Page } from "@playwright/test";
import { emailTo, linkIn } from "./mail";

/**
 * A new person on Acme's team, made as a person would be: the admin on `adminPage` invites the email on the Teams
 * page, and the person accepts with the emailed link in a browser of its own. Returns that person's page, signed in.
 */
export async function inviteAndJoin(adminPage: Page, browser: Browser, baseURL: string | undefined, person: { email: string; name: string; password: string }) {
  await adminPage.goto("/team");
  await adminPage.getByRole("button", { name: "Invite team member" }).click();
  const dialog = adminPage.getByRole("dialog", { name: "Invite team member" });
  await dialog.getByLabel("Email").fill(person.email);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog).toBeHidden();
  const link = linkIn(await emailTo(person.email, /invited you to join/), "/team-invitations/");
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto(link);
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/customers$/, { timeout: 30_000 });
  return page;
}
