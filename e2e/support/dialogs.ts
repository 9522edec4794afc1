import { expect, type Page } from "@playwright/test";

/**
 * Clicks the confirming button of the open alert dialog and waits until it has closed. While a modal dialog is open
 * the rest of the page is hidden from the accessibility tree, so an assertion such as "the row is gone" would pass
 * at once, before the confirmed write has even reached the server.
 */
export async function confirmAlert(page: Page, confirmLabel: string, dialogName?: string): Promise<void> {
  const dialog = dialogName ? page.getByRole("alertdialog", { name: dialogName }) : page.getByRole("alertdialog");
  await dialog.getByRole("button", { name: confirmLabel }).click();
  await expect(dialog).toBeHidden();
}
