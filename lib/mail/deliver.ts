import "server-only";
import { sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { now } from "@/lib/clock";
import { getDatabase } from "@/lib/db";
import { unseal } from "./seal";
import { mailFrom, smtpTransport, smtpUrl } from "./transport";
import { HOUR_MS, MINUTE_MS } from "@/lib/time";

/** After this many refused or failed attempts a message is given up (status failed) and shown so to admins. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = MINUTE_MS;
const LONGEST_WAIT_MS = 6 * HOUR_MS;
/** How long a claimed message is left alone by other workers: a worker that dies mid-send gives it back then. */
const CLAIM_MS = 2 * MINUTE_MS;
const BATCH = 20;

/** Exponential backoff: 1, 2, 4, 8… minutes after the attempt that failed, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

export interface DeliveryRun {
  sent: number;
  retried: number;
  failed: number;
}

type Claimed = {
  id: number;
  to_address: string;
  subject: string;
  sealed_body: string;
  attempts: number;
};

let running = false;

/**
 * Sends the queued messages that are due: a periodic job of the server, for every partner (the owner handle). Rows
 * are claimed with FOR UPDATE SKIP LOCKED and a claim time, in a short transaction of their own, so that several
 * instances never send one message twice and no transaction stays open while the mail server answers. A refusal or
 * a timeout keeps the message queued for a later attempt (exponential backoff), up to MAX_ATTEMPTS.
 */
export async function deliverDueEmail(options: { at?: Date; transport?: Transporter } = {}): Promise<DeliveryRun> {
  const run: DeliveryRun = { sent: 0, retried: 0, failed: 0 };
  const url = smtpUrl();
  if (!options.transport && !url) return run;
  if (running) return run;
  running = true;
  try {
    const transport = options.transport ?? smtpTransport(url!);
    const at = options.at ?? now();
    const db = getDatabase();
    // Raw SQL: the claim is an update over a `for update skip locked` subquery, so that several workers never take the same message.
    const claimed = await db.execute<Claimed>(sql`
      update email_outbox set claimed_until = ${new Date(at.getTime() + CLAIM_MS)}, attempts = attempts + 1
       where id in (select id from email_outbox
                     where status = 'queued' and next_attempt_at <= ${at} and (claimed_until is null or claimed_until <= ${at})
                     order by next_attempt_at, id
                     limit ${BATCH}
                       for update skip locked)
      returning id, to_address, subject, sealed_body, attempts`);
    for (const message of claimed) {
      try {
        const body = JSON.parse(unseal(message.sealed_body)) as { text: string; html: string };
        await transport.sendMail({
          from: mailFrom(),
          to: message.to_address,
          subject: message.subject,
          text: body.text,
          html: body.html,
          messageId: `<outbox-${message.id}.${message.attempts}@partner-console.invalid>`,
        });
        await db.execute(sql`
          update email_outbox set status = 'sent', sent_at = ${now()}, claimed_until = null, last_error = null
           where id = ${message.id} and attempts = ${message.attempts}`);
        run.sent += 1;
      } catch (error) {
        const reason = describeFailure(error);
        const givenUp = message.attempts >= MAX_ATTEMPTS;
        await db.execute(sql`
          update email_outbox
             set status = ${givenUp ? "failed" : "queued"}::email_status, claimed_until = null, last_error = ${reason},
                 next_attempt_at = ${new Date(at.getTime() + retryDelayMs(message.attempts))}
           where id = ${message.id} and attempts = ${message.attempts}`);
        if (givenUp) run.failed += 1;
        else run.retried += 1;
      }
    }
    return run;
  } finally {
    running = false;
  }
}

/** What the mail server said, short: shown to partner admins, so never the message or its links. */
function describeFailure(error: unknown): string {
  const { responseCode, code, message } = error as { responseCode?: number; code?: string; message?: string };
  const text = (message ?? String(error)).replace(/\s+/g, " ").slice(0, 300);
  return [responseCode ? `SMTP ${responseCode}` : code, text].filter(Boolean).join(": ");
}
