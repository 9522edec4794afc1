import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";

const CASEY = DEMO_USERS.customerCollaborator;
const INVALID = "This invitation link is no longer valid.";

test("an invited email signs up with the copied link, lands in the workspace and shows in Teams; the link then no longer works (rule U19)", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  const email = `jordan.${Date.now()}@northwind.example`;
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(page, CASEY.email);
  await page.goto("/workspace/teams");
  await page.getByRole("button", { name: "Invite collaborator" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite collaborator" });
  await dialog.getByLabel("Name").fill("Jordan Blake");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: "Analyst", exact: true }).click();
  await dialog.getByRole("button", { name: "Invite collaborator" }).click();

  const linkDialog = page.getByRole("dialog", { name: "Copy the invitation link" });
  await linkDialog.getByRole("button", { name: "Copy invitation link" }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/invitations\/pcinv_[\w-]{43}$/);
  await expect(linkDialog.getByLabel("Invitation link", { exact: true })).toHaveValue(link);
  await linkDialog.getByRole("button", { name: "Done" }).click();

  // A fresh browser, signed in as nobody: the page is public, names the workspace and the email.
  const invited = await (await browser.newContext({ baseURL })).newPage();
  await invited.goto(link);
  await expect(invited).toHaveURL(link);
  await expect(invited.getByRole("heading", { name: "Join Northwind Traders", level: 1 })).toBeVisible();
  await expect(invited.getByLabel("Email")).toHaveValue(email);
  await expect(invited.getByLabel("Name")).toHaveValue("Jordan Blake");
  await invited.getByLabel("Password").fill("short");
  await invited.getByRole("button", { name: "Create account and join" }).click();
  await expect(invited.getByText("Use at least 12 characters.")).toBeVisible();
  await invited.getByLabel("Password").fill("jordan-password-1");
  await invited.getByRole("button", { name: "Create account and join" }).click();
  await expect(invited).toHaveURL(/\/workspace$/);
  await expect(invited.getByRole("region", { name: "Current account" })).toContainText("Northwind Traders");

  await page.reload();
  await expect(page.getByRole("table", { name: "Collaborators" }).getByRole("row", { name: /Jordan Blake/ })).toContainText("Direct invitation");
  await expect(page.getByRole("table", { name: "Pending invitations" }).getByRole("row", { name: /Jordan Blake/ })).toHaveCount(0);

  const later = await (await browser.newContext({ baseURL })).newPage();
  await later.goto(link);
  await expect(later.getByText(INVALID)).toBeVisible();
  await expect(later.getByRole("button", { name: "Create account and join" })).toHaveCount(0);
});
