import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../db/seed/demo-users";
import { signInAs } from "./support/auth";

/**
 * A reader far from UTC: the server renders times in UTC and the browser shows them in the reader's zone after
 * hydration (components/ui/local-time.tsx). A client component that formatted in the browser's zone while
 * hydrating made React throw the server's HTML away, and with it the Team page's Invite dialog stopped opening.
 */
test.use({ timezoneId: "Asia/Tokyo" });

function hydrationErrors(page: Page): string[] {
  const errors: string[] = [];
  const watch = (text: string) => {
    // React's production builds name hydration failures by error number (#418 text, #423/#425 recoverable).
    if (/hydrat|#418|#423|#425/i.test(text)) errors.push(text);
  };
  page.on("console", (message) => message.type() === "error" && watch(message.text()));
  page.on("pageerror", (error) => watch(error.message));
  return errors;
}

test("pages with times hydrate without a mismatch in Asia/Tokyo, and the Team page's Invite dialog opens", async ({ page }) => {
  const errors = hydrationErrors(page);
  await signInAs(page, DEMO_USERS.acmeAdmin.email);
  for (const [path, heading] of [
    ["/api-clients", "API clients"],
    ["/embedding", "Embedding"],
    ["/audit-log", "Audit log"],
    ["/team", "Team"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
    // The reader's zone once hydrated: no time on these pages reads as UTC any more (UTC stays in the hover title).
    await expect(page.locator("time", { hasText: "UTC" })).toHaveCount(0);
  }
  await expect(page.locator("time").first()).toBeVisible();
  await page.getByRole("button", { name: "Invite team member" }).click();
  await expect(page.getByRole("dialog", { name: "Invite team member" })).toBeVisible();
  expect(errors).toEqual([]);
});
