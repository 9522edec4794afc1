import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { DEMO_CUSTOMERS, DEMO_USERS } from "../db/seed/demo-users";
import { customerIdByName, returnToPartner, switchInto } from "./support/accounts";
import { signInAs } from "./support/auth";

/**
 * axe on every page of the console, in light and dark, on a desktop and a 390 px wide screen (issue 12: "axe with
 * no violations on every page …, light and dark, desktop and 390 px"), and on the open states of the main dialogs
 * and menus. One test per page: it loads the page once in each of the four modes.
 */

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

const MODES = [
  { name: "light, desktop", colorScheme: "light", viewport: { width: 1280, height: 800 } },
  { name: "dark, desktop", colorScheme: "dark", viewport: { width: 1280, height: 800 } },
  { name: "light, 390 px", colorScheme: "light", viewport: { width: 390, height: 844 } },
  { name: "dark, 390 px", colorScheme: "dark", viewport: { width: 390, height: 844 } },
] as const;

type Person = "admin" | "manager switched into Northwind";

/** Signed-in sessions, made once per worker and reused by every test of that person (signing in costs a bcrypt). */
const sessions = new Map<Person, Promise<StorageState>>();

function sessionOf(browser: Browser, baseURL: string | undefined, person: Person): Promise<StorageState> {
  let session = sessions.get(person);
  if (!session) {
    session = (async () => {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      if (person === "admin") {
        await signInAs(page, DEMO_USERS.acmeAdmin.email);
      } else {
        await signInAs(page, DEMO_USERS.acmeManager.email);
        await switchInto(page, DEMO_CUSTOMERS.northwind.name);
      }
      const state = await context.storageState();
      await context.close();
      return state;
    })();
    sessions.set(person, session);
  }
  return session;
}

/**
 * The manager's switch would otherwise outlive this file, and later tests would find Morgan "in Northwind's account
 * right now" (the Remove customer manager confirmation says so, truthfully).
 */
base.afterAll(async ({ browser }, testInfo) => {
  const session = sessions.get("manager switched into Northwind");
  if (!session) return;
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, storageState: await session });
  const page = await context.newPage();
  await page.goto("/workspace");
  await returnToPartner(page);
  await context.close();
});

/** `pageAs(person)`: a page in a browser context of its own, signed in from the person's saved session. */
const test = base.extend<{ pageAs: (person: Person) => Promise<Page> }>({
  pageAs: async ({ browser, baseURL }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (person) => {
      const context = await browser.newContext({ baseURL, storageState: await sessionOf(browser, baseURL, person) });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

/**
 * Waits until the page shows what a person would check: its script has run (next-themes has set the theme's class),
 * no request is pending, and no animation (a dialog zooming in, a toast sliding) is half-way, which axe's contrast
 * check would measure.
 */
async function settle(page: Page, colorScheme: "light" | "dark") {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /(^|\s)dark(\s|$)/ : /^(?!.*(^|\s)dark(\s|$))/);
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
}

type Check = {
  /** Opens the state to check (a dialog, a menu) once the page has loaded. */
  open?: (page: Page) => Promise<void>;
};

/** Loads `path` in each mode, opens the state to check, and expects no axe violations. */
async function expectAccessible(page: Page, path: string | ((page: Page) => Promise<string>), check: Check = {}) {
  const url = typeof path === "string" ? path : await path(page);
  for (const mode of MODES) {
    await page.setViewportSize(mode.viewport);
    await page.emulateMedia({ colorScheme: mode.colorScheme });
    const response = await page.goto(url);
    expect(response, `${url} loaded`).not.toBeNull();
    await settle(page, mode.colorScheme);
    if (check.open) {
      await check.open(page);
      await settle(page, mode.colorScheme);
    }
    const { violations } = await new AxeBuilder({ page }).analyze();
    const found = violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`),
    }));
    expect(found, `axe on ${url} (${mode.name})`).toEqual([]);
  }
}

// Four loads and four axe runs per test; axe's contrast check alone takes seconds on a long page (the API reference).
test.describe.configure({ timeout: 180_000 });

const NORTHWIND = DEMO_CUSTOMERS.northwind.name;
const MORGAN = DEMO_USERS.acmeManager;

/** The Northwind customer page's path (or one of its tabs'), found through the console's own customer search. */
function northwind(tab = "") {
  return async (page: Page) => `/customers/${await customerIdByName(page, NORTHWIND)}${tab}`;
}

test.describe("signed out", () => {
  for (const [title, path] of [
    ["Sign in", "/sign-in"],
    ["Forgot password", "/forgot-password"],
    ["a page that does not exist", "/no-such-page"],
  ] as const) {
    test(title, async ({ page }) => {
      await expectAccessible(page, path);
    });
  }
});

test.describe("the partner console", () => {
  for (const [title, path] of [
    ["Customers", "/customers"],
    ["Customer managers", "/customer-managers"],
    ["Team", "/team"],
    ["Email", "/email"],
    ["Embedding", "/embedding"],
    ["API clients", "/api-clients"],
    ["API reference", "/api-reference"],
    ["Audit log", "/audit-log"],
    ["Jobs", "/jobs"],
    ["a console page that does not exist", "/no-such-page"],
    ["a customer that does not exist", "/customers/999999999"],
  ] as const) {
    test(title, async ({ pageAs }) => {
      // The API reference is one long page: on a loaded machine each of its axe runs can take most of a minute.
      if (path === "/api-reference") test.setTimeout(480_000);
      await expectAccessible(await pageAs("admin"), path);
    });
  }

  for (const [title, tab] of [
    ["a customer's Dashboard", ""],
    ["a customer's Collaborators", "/collaborators"],
    ["a customer's Settings", "/settings"],
    ["a customer's App access", "/app-access"],
    ["a customer's Activity", "/activity"],
  ] as const) {
    test(title, async ({ pageAs }) => {
      await expectAccessible(await pageAs("admin"), northwind(tab));
    });
  }

  test("the Add customer dialog", async ({ pageAs }) => {
    await expectAccessible(await pageAs("admin"), "/customers", {
      open: async (page) => {
        await page.getByRole("button", { name: "Add customer" }).click();
        await expect(page.getByRole("dialog", { name: "Add customer" })).toBeVisible();
      },
    });
  });

  test("a row menu on Customer managers", async ({ pageAs }) => {
    await expectAccessible(await pageAs("admin"), "/customer-managers", {
      open: async (page) => {
        await page.getByRole("button", { name: `More actions for ${MORGAN.name}` }).click();
        await expect(page.getByRole("menuitem", { name: "Edit customer manager" })).toBeVisible();
      },
    });
  });

  test("the user menu and the account switcher", async ({ pageAs }) => {
    const page = await pageAs("admin");
    await expectAccessible(page, "/customers", {
      open: async () => {
        await page.getByRole("button", { name: DEMO_USERS.acmeAdmin.name }).click();
        await expect(page.getByRole("menuitemradio", { name: "Dark" })).toBeVisible();
      },
    });
    await expectAccessible(page, "/customers", {
      open: async () => {
        await page.getByRole("combobox", { name: "Switch account" }).click();
        await expect(page.getByRole("searchbox", { name: "Search accounts" })).toBeVisible();
      },
    });
  });

  test("a bulk action's dialog, on the selected customers", async ({ pageAs }) => {
    await expectAccessible(await pageAs("admin"), "/customers", {
      open: async (page) => {
        await page.getByRole("checkbox", { name: "Select all customers on this page" }).click();
        await page.getByRole("button", { name: "Bulk actions" }).click();
        await page.getByRole("menuitem", { name: "Change plan…" }).click();
        const dialog = page.getByRole("dialog", { name: "Change plan" });
        await expect(dialog.getByText("25 customers selected")).toBeVisible();
      },
    });
  });

  test("the Edit app access dialog", async ({ pageAs }) => {
    await expectAccessible(await pageAs("admin"), northwind("/app-access"), {
      open: async (page) => {
        await page.getByRole("region", { name: "App access" }).getByRole("button", { name: "Edit" }).click();
        await expect(page.getByRole("dialog", { name: "Edit app access" })).toBeVisible();
      },
    });
  });
});

test.describe(`the workspace, switched in as a customer manager (${MORGAN.email})`, () => {
  for (const [title, path] of [
    ["Dashboard", "/workspace"],
    ["Recipes", "/workspace/recipes"],
    ["Connections", "/workspace/connections"],
    ["Teams", "/workspace/teams"],
    ["Workspace admin", "/workspace/admin"],
    ["Workspace admin settings", "/workspace/admin/settings"],
    ["a workspace page that does not exist", "/workspace/no-such-page"],
  ] as const) {
    test(title, async ({ pageAs }) => {
      await expectAccessible(await pageAs("manager switched into Northwind"), path);
    });
  }

  test("a recipe", async ({ pageAs }) => {
    await expectAccessible(await pageAs("manager switched into Northwind"), async (page) => {
      await page.goto("/workspace/recipes");
      const href = await page.getByRole("table", { name: "Recipes" }).getByRole("link").first().getAttribute("href");
      expect(href).toMatch(/^\/workspace\/recipes\/\d+$/);
      return href!;
    });
  });
});
