import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { accountBanner, returnToPartner, switchInto } from "./support/accounts";
import { signedInPage, signInAs } from "./support/auth";
import { e2eDatabase } from "./support/database";
import { confirmAlert } from "./support/dialogs";

const ADMIN = DEMO_USERS.acmeAdmin;
const SAM = DEMO_USERS.acmeMember;
const MORGAN = DEMO_USERS.acmeManager;

async function pickCustomer(page: Page, name: string) {
  await page.getByRole("combobox", { name: "Choose customers" }).click();
  await page.getByRole("searchbox", { name: "Search customers" }).fill(name);
  await page.getByRole("option", { name: new RegExp(`^${name}`) }).click();
  await page.keyboard.press("Escape");
}

async function expectTaggedInTeams(page: Page, customerName: string, personName: string) {
  await switchInto(page, customerName);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Teams" }).click();
  await expect(page.getByRole("row", { name: new RegExp(personName) })).toContainText("Customer manager");
  await returnToPartner(page);
}

function auditRows(page: Page) {
  return page.getByRole("table", { name: "Audit events" }).getByRole("row");
}

/** Expands an audit event and returns the row that shows its change. */
async function expandEvent(page: Page, label: RegExp) {
  const toggle = page.getByRole("button", { name: label }).first();
  await toggle.click();
  return page.locator(`[id="${await toggle.getAttribute("aria-controls")}"]`);
}

test.describe("customer managers", () => {
  test("the seed's story: assign, switch in, work, precedence of a direct invitation, edit, remove (rules C1–C12, U18, U30)", async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    await signInAs(page, ADMIN.email);

    // The admin assigns Sam, not yet a manager, as Admin of two customers; the dialog checks its fields first.
    await page.goto("/customer-managers");
    await page.getByRole("button", { name: "Assign customer manager" }).click();
    const dialog = page.getByRole("dialog", { name: "Assign customer manager" });
    await dialog.getByRole("button", { name: "Assign customer manager" }).click();
    await expect(dialog.getByText("Choose a team member.")).toBeVisible();
    await expect(dialog.getByText("Choose a role.")).toBeVisible();
    await expect(dialog.getByText("Choose at least one customer, or turn on Manage all customers.")).toBeVisible();

    await dialog.getByRole("combobox", { name: "Team member" }).click();
    await page.getByRole("searchbox", { name: "Search team members" }).fill("a");
    // Morgan is a manager already: the picker offers only team members who are not (rule C2).
    await expect(page.getByRole("option", { name: new RegExp(SAM.name) })).toBeVisible();
    await expect(page.getByRole("option", { name: new RegExp(MORGAN.name) })).toHaveCount(0);
    await page.getByRole("option", { name: new RegExp(SAM.name) }).click();
    await dialog.getByRole("combobox", { name: "Role" }).click();
    await page.getByRole("option", { name: "Admin", exact: true }).click();
    await pickCustomer(page, "Contoso Pharmaceuticals");
    await pickCustomer(page, "Umbrella Logistics");
    await expect(dialog.getByRole("list", { name: "Chosen customers" }).getByRole("listitem")).toHaveCount(2);
    await dialog.getByRole("button", { name: "Assign customer manager" }).click();
    await expect(dialog).toBeHidden();
    const samRow = page.getByRole("row", { name: new RegExp(SAM.name) });
    await expect(samRow).toContainText("Admin");
    await expect(samRow).toContainText("Contoso Pharmaceuticals, Umbrella Logistics");

    // The tag in both customers' collaborators, seen from inside by Morgan, who manages both (an admin enters
    // only as a manager, rule U18).
    const morgan = await signedInPage(browser, baseURL, MORGAN.email);
    await expectTaggedInTeams(morgan, "Contoso Pharmaceuticals", SAM.name);
    await expectTaggedInTeams(morgan, "Umbrella Logistics", SAM.name);

    // Sam switches into one of them, sees the banner, renames the team and saves a recipe version, then returns.
    const sam = await signedInPage(browser, baseURL, SAM.email);
    await switchInto(sam, "Umbrella Logistics", "Onboarding call");
    await expect(accountBanner(sam)).toContainText("You are in Umbrella Logistics's account as Admin");
    await sam.getByRole("link", { name: "Workspace admin" }).click();
    await sam.getByLabel("Team name").fill("Umbrella Logistics Group");
    await sam.getByRole("button", { name: "Save" }).click();
    await expect(accountBanner(sam)).toContainText("You are in Umbrella Logistics Group's account as Admin");

    await sam.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Recipes" }).click();
    await sam.getByRole("table", { name: "Recipes" }).getByRole("link").first().click();
    await expect(sam.getByRole("heading", { name: "Versions" })).toBeVisible();
    const recipeUrl = sam.url();
    await sam.getByRole("button", { name: "Save new version" }).click();
    await sam.getByLabel("Comment").fill("Mapped the onboarding fields");
    await sam.getByRole("button", { name: "Save version" }).click();
    const latest = sam.getByRole("table", { name: "Versions" }).getByRole("row").nth(1);
    await expect(latest).toContainText("Mapped the onboarding fields");
    await expect(latest).toContainText(SAM.name);
    await expect(latest).toContainText("Customer manager");
    await returnToPartner(sam);

    // The audit log shows each step, newest first.
    await page.goto("/audit-log");
    await page.getByRole("combobox", { name: "Person" }).click();
    await page.getByRole("searchbox", { name: "Search people" }).fill("Sam");
    await page.getByRole("option", { name: new RegExp(SAM.name) }).click();
    await expect(page).toHaveURL(/person=\d+/);
    const steps = ["Left account", "Saved recipe version", "Renamed customer", "Switched into account", "Signed in"];
    for (const [index, step] of steps.entries()) await expect(auditRows(page).nth(index + 1)).toContainText(step);
    await expect(auditRows(page).nth(4)).toContainText("Customer manager");
    await expect(await expandEvent(page, /^Show changes of Switched into account by Sam Patel/)).toContainText("Onboarding call");
    const rename = await expandEvent(page, /^Show changes of Renamed customer by Sam Patel/);
    await expect(rename).toContainText("Umbrella Logistics");
    await expect(rename).toContainText("Umbrella Logistics Group");

    // A direct invitation as Operator wins over the manager's Admin (rule C12)…
    await switchInto(morgan, "Umbrella Logistics Group");
    await morgan.getByRole("link", { name: "Teams" }).click();
    await morgan.getByRole("button", { name: "Invite collaborator" }).click();
    const invite = morgan.getByRole("dialog", { name: "Invite collaborator" });
    await invite.getByLabel("Name").fill(SAM.name);
    await invite.getByLabel("Email").fill(SAM.email);
    await invite.getByRole("combobox", { name: "Role" }).click();
    await morgan.getByRole("option", { name: "Operator", exact: true }).click();
    await invite.getByRole("button", { name: "Invite collaborator" }).click();
    await expect(invite).toBeHidden();
    const samMember = morgan.getByRole("row", { name: new RegExp(SAM.name) });
    await expect(samMember).toContainText("Operator");
    await expect(samMember).toContainText("Direct invitation (instead of the customer manager role Admin)");
    await expect(samMember).toContainText("Customer manager");

    await switchInto(sam, "Umbrella Logistics Group");
    await expect(accountBanner(sam)).toContainText("as Operator");
    await sam.goto(recipeUrl);
    await expect(sam.getByRole("button", { name: /Stop recipe|Start recipe/ })).toBeVisible();
    await expect(sam.getByRole("button", { name: "Save new version" })).toHaveCount(0);

    // …and losing it brings Admin back.
    await samMember.getByRole("button", { name: `More actions for ${SAM.name}` }).click();
    await morgan.getByRole("menuitem", { name: "Remove direct invitation" }).click();
    await confirmAlert(morgan, "Remove direct invitation");
    await expect(samMember).toContainText("From the customer manager assignment");
    await sam.reload();
    await expect(accountBanner(sam)).toContainText("as Admin");
    await expect(sam.getByRole("button", { name: "Save new version" })).toBeVisible();
    await returnToPartner(morgan);

    // The admin edits the manager to other customers.
    await page.goto("/customer-managers");
    await samRow.getByRole("button", { name: `More actions for ${SAM.name}` }).click();
    await page.getByRole("menuitem", { name: "Edit customer manager" }).click();
    const edit = page.getByRole("dialog", { name: "Edit customer manager" });
    const chips = edit.getByRole("list", { name: "Chosen customers" });
    await expect(chips.getByRole("listitem")).toHaveCount(2);
    await chips.getByRole("button", { name: "Remove Contoso Pharmaceuticals" }).click();
    await pickCustomer(page, "Initech");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit).toBeHidden();
    await expect(samRow).toContainText("Initech, Umbrella Logistics Group");
    await expect(samRow).not.toContainText("Contoso");

    // Removing a manager who is in no account says nothing of one (Morgan returned to the partner account)…
    const morganRow = page.getByRole("row", { name: new RegExp(MORGAN.name) });
    await morganRow.getByRole("button", { name: `More actions for ${MORGAN.name}` }).click();
    await page.getByRole("menuitem", { name: "Remove customer manager" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Remove customer manager" });
    // (Whether it is "in right now" depends on Morgan's other sessions; the keyboard and item 8 tests check that.)
    await expect(confirm).toContainText(`${MORGAN.name} will lose access to 4 customer accounts at once`);
    await expect(confirm).not.toContainText("right now");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();

    // …and removing Sam, who is inside Umbrella: it is out at its next request, and cannot come back by any way.
    await samRow.getByRole("button", { name: `More actions for ${SAM.name}` }).click();
    await page.getByRole("menuitem", { name: "Remove customer manager" }).click();
    await expect(confirm).toContainText(
      "Sam Patel will lose access to 2 customer accounts at once, including Umbrella Logistics Group's account, which it is in right now.",
    );
    await confirmAlert(page, "Remove customer manager", "Remove customer manager");
    await expect(samRow).toHaveCount(0);

    await sam.goto("/workspace/teams");
    // Landing on the Customers page, told why (issue 12).
    await expect(sam).toHaveURL(/\/customers\?switch_ended=\d+$/);
    await expect(sam.getByRole("status").filter({ hasText: "You were removed as a customer manager" })).toBeVisible();
    await expect(accountBanner(sam)).toHaveCount(0);
    await sam.goto(recipeUrl);
    await expect(sam).toHaveURL(/\/customers(\?switch_ended=\d+)?$/);
    await sam.getByRole("combobox", { name: "Switch account" }).click();
    await sam.getByRole("searchbox", { name: "Search accounts" }).fill("Umbrella");
    await expect(sam.getByText("No customer account matches your search.")).toBeVisible();

    // The work stays: the version still shows who modified it (rule C10).
    await switchInto(morgan, "Umbrella Logistics Group");
    await morgan.goto(recipeUrl);
    await expect(morgan.getByRole("table", { name: "Versions" }).getByRole("row").nth(1)).toContainText(SAM.name);
    await returnToPartner(morgan);

    const sql = e2eDatabase();
    if (sql) {
      try {
        const managers = await sql`select m.id from customer_managers m join users u on u.id = m.user_id where u.email = ${SAM.email}`;
        expect(managers).toHaveLength(0);
        const [version] = await sql<{ modified_as: string }[]>`
          select v.modified_as from recipe_versions v join users u on u.id = v.modified_by_id
           where u.email = ${SAM.email} and v.comment = 'Mapped the onboarding fields'`;
        expect(version?.modified_as).toBe("customer_manager");
        const [out] = await sql<{ changes: { reason: string } }[]>`
          select a.changes from audit_events a join users u on u.id = a.actor_user_id
           where u.email = ${SAM.email} and a.action = 'account.switch_out' order by a.id desc limit 1`;
        expect(out?.changes.reason).toBe("access revoked");
      } finally {
        await sql.end();
      }
    }
    await sam.context().close();
    await morgan.context().close();
  });

  test("the table shows the first customers and +N more, with the full list on demand, and is searchable (rule C1)", async ({ page }) => {
    await signInAs(page, ADMIN.email);
    await page.goto("/customer-managers");
    const morgan = page.getByRole("row", { name: new RegExp(MORGAN.name) });
    await expect(morgan).toContainText("Contoso Pharmaceuticals, Initech, Northwind Traders");
    await morgan.getByRole("button", { name: "+1 more" }).click();
    const list = page.getByRole("dialog").getByRole("list", { name: `${MORGAN.name}'s customers` });
    await expect(list.getByRole("listitem")).toHaveCount(4);
    await expect(list).toContainText("Umbrella Logistics");
    await page.getByRole("dialog").getByRole("searchbox", { name: "Search these customers" }).fill("north");
    await expect(list.getByRole("listitem")).toHaveText(["Northwind Traders"]);
    await page.keyboard.press("Escape");

    await page.getByRole("searchbox", { name: "Search customer managers" }).fill("morgan@");
    await expect(page).toHaveURL(/q=morgan/);
    await expect(page.getByRole("table", { name: "Customer managers" }).getByRole("row")).toHaveCount(2);
    await page.getByRole("searchbox", { name: "Search customer managers" }).fill("nobody-by-this-name");
    await expect(page.getByRole("heading", { name: "No customer manager matches your search" })).toBeVisible();
  });

  test("a partner member sees the managers but is offered no way to change them", async ({ page }) => {
    await signInAs(page, MORGAN.email);
    await page.goto("/customer-managers");
    await expect(page.getByRole("row", { name: new RegExp(MORGAN.name) })).toBeVisible();
    await expect(page.getByRole("button", { name: "Assign customer manager" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /More actions for/ })).toHaveCount(0);
    const lookup = await page.request.get("/lookups/team-members?q=");
    expect(lookup.status()).toBe(403);
  });
});
