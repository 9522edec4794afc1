import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "@playwright/test";

interface CaughtMessage {
  id: number;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** The inbox of the mail catcher that `scripts/start.ts --test` runs for the server under test. */
function inboxUrl(): string {
  const info = JSON.parse(readFileSync(join(process.cwd(), ".data", "e2e-database.json"), "utf8")) as { mailInbox: string | null };
  if (!info.mailInbox) throw new Error("The test server runs no mail catcher.");
  return info.mailInbox;
}

export async function caughtMail(to: string): Promise<CaughtMessage[]> {
  const response = await fetch(`${inboxUrl()}/messages`);
  const messages = (await response.json()) as CaughtMessage[];
  return messages.filter((message) => message.to.includes(to.toLowerCase()));
}

/**
 * Waits for the email to `to` whose subject matches, as the worker delivers it, and returns it. A periodic job's
 * email (a notification) may take up to its period and a poll longer: pass a longer `timeout` for those.
 */
export async function emailTo(to: string, subject: RegExp, timeout = 20_000): Promise<CaughtMessage> {
  let found: CaughtMessage | undefined;
  await expect
    .poll(
      async () => {
        found = (await caughtMail(to)).find((message) => subject.test(message.subject));
        return found !== undefined;
      },
      { timeout, message: `an email to ${to} about ${subject}` },
    )
    .toBe(true);
  return found!;
}

/** The link of the email's text part that goes to `path` (…/team-invitations/…), as the person would click it. */
export function linkIn(message: CaughtMessage, path: string): string {
  const link = new RegExp(`https?://\\S+${path.replace(/[/]/g, "\\/")}\\S+`).exec(message.text)?.[0];
  expect(link, `a link to ${path} in "${message.subject}"`).toBeTruthy();
  expect(message.html).toContain(link!);
  return link!;
}
