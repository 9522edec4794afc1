import "server-only";
import { emailOutbox } from "@/db/schema";
import type { Queryable } from "@/lib/db";
import { invalid } from "@/lib/errors";
import { emailAddressSchema } from "./address";
import type { RenderedEmail } from "./render";
import { seal } from "./seal";

/** What an email is about: the outbox view names it, and tests find it by it. */
export type EmailKind = "partner_invitation" | "workspace_invitation" | "password_reset" | `notification.${string}`;

/** The longest subject kept: mail clients show far less, and a header line should stay short. */
const MAX_SUBJECT = 200;

/**
 * A subject is one header line. Line breaks (and other control characters) in it, which could come from a stored
 * name, are collapsed to spaces here, so that no value can start a header of its own; input forms refuse them earlier.
 */
export function oneLine(value: string, max = MAX_SUBJECT): string {
  const flat = value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Queues an email in the transaction `tx` of the change that causes it: it is sent only if that change commits, and
 * the change never waits for (or fails because of) the mail server. A malformed or overlong address is refused
 * here, with the change, as bad input. Returns the outbox row's ID.
 */
export async function enqueueEmail(
  tx: Queryable,
  message: { partnerId: number | null; kind: EmailKind; to: string; at: Date; field?: string } & RenderedEmail,
): Promise<number> {
  const to = emailAddressSchema.safeParse(message.to);
  if (!to.success) {
    const reason = `Cannot send email to "${oneLine(message.to, 80)}": ${to.error.issues[0]?.message ?? "not an email address."}`;
    throw invalid(reason, { [message.field ?? "email"]: [reason] });
  }
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      partnerId: message.partnerId,
      kind: message.kind,
      toAddress: to.data,
      subject: oneLine(message.subject),
      sealedBody: seal(JSON.stringify({ text: message.text, html: message.html })),
      nextAttemptAt: message.at,
      createdAt: message.at,
    })
    .returning({ id: emailOutbox.id });
  wakeMailWorker();
  return row!.id;
}

const globalForMail = globalThis as unknown as { partnerConsoleMailWake?: () => void };

/**
 * Asks the worker of this process (started in instrumentation.ts) to look at the outbox soon rather than at its next
 * tick. It runs after a short delay, by which time the transaction that queued the message has usually committed;
 * if not, the next tick finds it.
 */
function wakeMailWorker(): void {
  const wake = globalForMail.partnerConsoleMailWake;
  if (wake) setTimeout(wake, 200).unref();
}

export function onMailWake(wake: () => void): void {
  globalForMail.partnerConsoleMailWake = wake;
}
