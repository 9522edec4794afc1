import "server-only";
import { MINUTE_MS } from "@/lib/time";
import { deliverDueEmail } from "./deliver";
import { onMailWake } from "./outbox";

const POLL_MS = 5_000;
const holder = globalThis as unknown as { partnerConsoleMailWorker?: NodeJS.Timeout };

/**
 * Starts this instance's email sender, once per process, beside its job worker (lib/jobs/start.ts): every few
 * seconds, and soon after a request queues a message. Every instance may run one: the outbox's claim
 * (lib/mail/deliver.ts) keeps each message to one sender.
 */
export function startMailWorker(): void {
  if (holder.partnerConsoleMailWorker) return;
  let lastFailureLogged = 0;
  const deliver = () =>
    deliverDueEmail().catch((error: unknown) => {
      // A database outage would log every few seconds: once a minute is enough to be seen.
      if (Date.now() - lastFailureLogged > MINUTE_MS) console.error("Sending email failed; will retry.", error);
      lastFailureLogged = Date.now();
    });
  onMailWake(() => void deliver());
  void deliver();
  holder.partnerConsoleMailWorker = setInterval(() => void deliver(), POLL_MS);
  holder.partnerConsoleMailWorker.unref();
}
