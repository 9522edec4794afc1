import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";
import { emailTo, linkIn } from "./support/mail";

const ADMIN = DEMO_USERS.acmeAdmin;

// Several browsers, scrypt and the outbox worker in one story: longer than the default on this shared machine.
test.describe.configure({ timeout: 120_000 });
test("a partner admin invites a team member by email; the person accepts, signs in, and can be made a customer manager", async ({ page, browser, baseURL }) => {
  const email = `riley.${Date.now()}@acme.example`;
  const name = `Riley Newhire ${Date.now() % 100000}`;
  await signInAs(page, ADMIN.email);
  await page.goto("/team");
  await expect(page.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Team members" }).getByRole("row", { name: new RegExp(ADMIN.name) })).toContainText("Admin");

  await page.getByRole("button", { name: "Invite team member" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite team member" });
  await dialog.getByLabel("Email").fill("not an email");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByText("Enter an email address in the format name@example.com.")).toBeVisible();
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption("member");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("table", { name: "Pending invitations" }).getByRole("row", { name: new RegExp(email) })).toBeVisible();

  // The email, delivered by the outbox worker through SMTP to the mail catcher.
  const message = await emailTo(email, /invited you to join Acme Embedded/);
  const link = linkIn(message, "/team-invitations/");

  const invited = await (await browser.newContext({ baseURL })).newPage();
  await invited.goto(link);
  await expect(invited.getByRole("heading", { name: "Join Acme Embedded", level: 1 })).toBeVisible();
  await expect(invited.getByLabel("Email")).toHaveValue(email);
  await invited.getByLabel("Name").fill(name);
  await invited.getByLabel("Password").fill("riley's long password");
  await invited.getByRole("button", { name: "Create account and join" }).click();
  await expect(invited).toHaveURL(/\/customers$/, { timeout: 30_000 });

  // The link worked once.
  const again = await (await browser.newContext({ baseURL })).newPage();
  await again.goto(link);
  await expect(again.getByText("This invitation was already accepted. Sign in to the console instead.")).toBeVisible();

  // A fresh browser signs in with the new account through the form.
  const fresh = await (await browser.newContext({ baseURL })).newPage();
  await fresh.goto("/sign-in");
  await fresh.getByLabel("Email").fill(email);
  await fresh.getByLabel("Password").fill("riley's long password");
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh).toHaveURL(/\/customers$/, { timeout: 30_000 });

  await page.reload();
  const row = page.getByRole("table", { name: "Team members" }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Member");
  await expect(row).not.toContainText("Never");
  await expect(page.getByRole("table", { name: "Pending invitations" })).toHaveCount(0);

  // Offered by Assign customer manager.
  await page.goto("/customer-managers");
  await page.getByRole("button", { name: "Assign customer manager" }).click();
  const assign = page.getByRole("dialog", { name: "Assign customer manager" });
  await assign.getByRole("combobox", { name: "Team member" }).click();
  await page.getByRole("searchbox", { name: "Search team members" }).fill("Riley");
  await expect(page.getByRole("option", { name: new RegExp(name) })).toBeVisible();

  // The Email page shows the invitation as sent.
  await page.goto("/email");
  await expect(page.getByRole("table", { name: "Email outbox" }).getByRole("row", { name: new RegExp(email) })).toContainText("Sent");
});

test("the last admin cannot be demoted, and a member sees the team without managing it", async ({ page, browser, baseURL }) => {
  await signInAs(page, ADMIN.email);
  await page.goto("/team");
  await page.getByRole("button", { name: `More actions for ${ADMIN.name}` }).click();
  await page.getByRole("menuitem", { name: "Make member" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Make member" }).click();
  await expect(page.getByText(/is the last admin of your team and cannot be made a Member/).first()).toBeVisible();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await page.reload();
  await expect(page.getByRole("table", { name: "Team members" }).getByRole("row", { name: new RegExp(ADMIN.name) })).toContainText("Admin");

  const memberPage = await (await browser.newContext({ baseURL })).newPage();
  await signInAs(memberPage, DEMO_USERS.acmeMember.email);
  await memberPage.goto("/team");
  await expect(memberPage.getByRole("table", { name: "Team members" })).toBeVisible();
  await expect(memberPage.getByRole("button", { name: "Invite team member" })).toHaveCount(0);
  await expect(memberPage.getByRole("button", { name: /More actions for/ })).toHaveCount(0);
  await memberPage.goto("/email");
  await expect(memberPage.getByText("Only partner admins can see the email outbox")).toBeVisible();
});
