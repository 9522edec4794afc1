import "server-only";
import { sql } from "drizzle-orm";
import { auditEvents, customerNotifications } from "@/db/schema";
import { now } from "@/lib/clock";
import { billingPeriodOf } from "@/lib/customers/billing-period";
import { getDatabase, type Transaction } from "@/lib/db";
import { emailAddressSchema } from "@/lib/mail/address";
import { enqueueEmail } from "@/lib/mail/outbox";
import { dueNotificationsSql, type DueNotification } from "./due";
import { renderNotification } from "./email";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

/** Events per transaction: a batch's locks and its outbox rows stay small, however many events are due at once. */
export const NOTIFICATION_BATCH = 500;

/**
 * Sends one batch of `kind`: claims each due event by inserting its row into customer_notifications (the unique key
 * lets only one transaction through; a racing worker waits for it and then inserts nothing), and, in the same
 * transaction, queues its email and records it in the customer's Activity. A rollback leaves neither.
 */
export async function sendNotificationBatch(
  tx: Transaction,
  kind: NotificationKind,
  at: Date,
  batch: number,
  partnerId?: number,
): Promise<{ found: number; sent: number }> {
  // The anti-join must probe customer_notifications_event_key row by row: a table whose statistics still say
  // "empty" (a new deployment, or the thousands of rows this very run adds before autovacuum's next analyze) would
  // otherwise be scanned whole for every candidate, which grows with the square of the events. The penalty this puts
  // on plans would also start JIT compilation, which takes longer than the query itself.
  await tx.execute(sql`set local enable_seqscan = off`);
  await tx.execute(sql`set local jit = off`);
  // Raw SQL: the due notifications, one index branch per kind, checked with EXPLAIN at 100,000 customers (docs/notifications.md).
  const due = await tx.execute<DueNotification>(dueNotificationsSql(kind, at, billingPeriodOf(at), batch, partnerId));
  if (due.length === 0) return { found: 0, sent: 0 };
  const claimed = await tx
    .insert(customerNotifications)
    .values(due.map((row) => ({ partnerId: row.partner_id, customerId: row.customer_id, kind, occurrence: row.occurrence, createdAt: at })))
    .onConflictDoNothing()
    .returning({ customerId: customerNotifications.customerId });
  const mine = new Set(claimed.map((row) => row.customerId));
  const events: (typeof auditEvents.$inferInsert)[] = [];
  for (const row of due) {
    if (!mine.has(row.customer_id)) continue;
    // A stored address that no longer passes (entered before today's rules) is recorded as not sent, not retried
    // forever: the event is over for this occurrence either way.
    const address = emailAddressSchema.safeParse(row.notification_email);
    if (address.success) {
      const facts = {
        customerId: row.customer_id,
        customerName: row.customer_name,
        trialEndsAt: row.trial_ends_at ? new Date(row.trial_ends_at) : null,
        used: row.used,
        limit: row.lim,
      };
      await enqueueEmail(tx, { partnerId: row.partner_id, kind: `notification.${kind}`, to: address.data, at, ...renderNotification(kind, facts) });
    }
    events.push({
      partnerId: row.partner_id,
      customerId: row.customer_id,
      customerName: row.customer_name,
      actorName: "System",
      actingAs: "system",
      action: "customer.notification_sent",
      targetType: "customer",
      targetId: String(row.customer_id),
      changes: { notification: kind, occurrence: row.occurrence, to: row.notification_email, ...(address.success ? {} : { sent: false }) },
      createdAt: at,
    });
  }
  if (events.length > 0) await tx.insert(auditEvents).values(events);
  return { found: due.length, sent: events.length };
}

/**
 * The notifications job (lib/jobs/periodic.ts): every event due at `at`, for every partner, sent once. It runs as
 * the owner handle (a maintenance job across partners), batch by batch, each batch its own transaction, until a
 * batch comes back short. Running it twice, or on two instances at once, sends nothing twice. Returns the number of
 * notifications recorded.
 */
export async function sendDueNotifications(at: Date = now(), options: { batch?: number; partnerId?: number; signal?: AbortSignal } = {}): Promise<number> {
  const batch = options.batch ?? NOTIFICATION_BATCH;
  let total = 0;
  for (const kind of NOTIFICATION_KINDS) {
    for (;;) {
      // A stopping instance ends its pass between two batches; what is still due is the next run's (or, the run
      // being handed back, another instance's).
      if (options.signal?.aborted) return total;
      const { found, sent } = await getDatabase().transaction((tx) => sendNotificationBatch(tx, kind, at, batch, options.partnerId));
      total += sent;
      if (found < batch) break;
    }
  }
  return total;
}
