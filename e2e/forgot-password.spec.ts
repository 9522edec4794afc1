import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";
import { caughtMail, emailTo, linkIn } from "./support/mail";
import { inviteAndJoin } from "./support/team";

const ANSWER = /If an account uses this email, we sent it a link to set a new password/;

// Several browsers, scrypt and the outbox worker in one story: longer than the default on this shared machine.
test.describe.configure({ timeout: 120_000 });
test("forgot password end to end: the same answer for any email, a one-time link, the old password and other sessions end", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = `dana.${Date.now()}@acme.example`;
  const oldPassword = "dana's first password";
  const newPassword = "dana's second password";
  await signInAs(page, DEMO_USERS.acmeAdmin.email);
  // Dana, signed in in a browser of its own: the "other session".
  const otherSession = await inviteAndJoin(page, browser, baseURL, { email, name: "Dana Forgetful", password: oldPassword });

  const visitor = await (await browser.newContext({ baseURL })).newPage();
  await visitor.goto("/sign-in");
  await visitor.getByRole("link", { name: "Forgot password?" }).click();
  await expect(visitor.getByRole("heading", { name: "Forgot password?", level: 1 })).toBeVisible();
  const nobody = `nobody.${Date.now()}@acme.example`;
  await visitor.getByLabel("Email").fill(nobody);
  await visitor.getByRole("button", { name: "Email me a link" }).click();
  await expect(visitor.getByRole("status").filter({ hasText: ANSWER })).toBeVisible();

  await visitor.goto("/forgot-password");
  await visitor.getByLabel("Email").fill(email);
  await visitor.getByRole("button", { name: "Email me a link" }).click();
  await expect(visitor.getByRole("status").filter({ hasText: ANSWER })).toBeVisible();

  const link = linkIn(await emailTo(email, /Set a new password/), "/reset-password/");
  expect(await caughtMail(nobody)).toEqual([]);
  await visitor.goto(link);
  await expect(visitor.getByLabel("Email")).toHaveValue(email);
  await visitor.getByLabel("New password").fill("short");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor.getByText("Use at least 12 characters.")).toBeVisible();
  await visitor.getByLabel("New password").fill(newPassword);
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor).toHaveURL(/\/customers$/, { timeout: 30_000 });

  // The other session ended at once.
  await otherSession.goto("/customers");
  await expect(otherSession).toHaveURL(/\/sign-in/);

  // The old password no longer works; the new one does.
  const signIn = await (await browser.newContext({ baseURL })).newPage();
  await signIn.goto("/sign-in");
  await signIn.getByLabel("Email").fill(email);
  await signIn.getByLabel("Password").fill(oldPassword);
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await expect(signIn.getByText("Wrong email or password.")).toBeVisible();
  await signIn.getByLabel("Password").fill(newPassword);
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await expect(signIn).toHaveURL(/\/customers$/);

  // The link worked once.
  await visitor.goto(link);
  await expect(visitor.getByText(/This link was already used/)).toBeVisible();
});
