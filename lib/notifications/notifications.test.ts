/**
 * Customer notifications (issue 15, item 5): the periodic job finds the due events set-based and sends each once,
 * with its email in the outbox and its event in the customer's Activity, in one transaction per batch.
 */
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, customerNotifications, customers, emailOutbox } from "@/db/schema";
import { billingPeriodOf } from "@/lib/customers/billing-period";
import { getDatabase } from "@/lib/db";
import { unseal } from "@/lib/mail/seal";
import { concurrently, killedMidWrite, onRealPostgres } from "@/tests/support/concurrency";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { DAY_MS, HOUR_MS } from "@/lib/time";
import { sendDueNotifications, sendNotificationBatch } from "./send";
import { setCustomerNotification, setNotificationDefault } from "./settings";

/** Far from today, so that no other test file's customers fall in this test's windows or billing period. */
let year = 2300;
const nextMoment = () => new Date(Date.UTC(year++, 5, 15, 12));

async function world(at: Date) {
  const db = getDatabase();
  const acme = await createPartner(db);
  const { starter } = acme.plans;
  const period = billingPeriodOf(at);
  const make = (overrides: Partial<typeof customers.$inferInsert>) => createCustomer(db, acme.partner.id, starter.id, { usagePeriod: period, ...overrides });
  const c = {
    trial7: await make({ trialEndsAt: new Date(at.getTime() + 7 * DAY_MS - HOUR_MS) }),
    trial8: await make({ trialEndsAt: new Date(at.getTime() + 8 * DAY_MS) }),
    trial1: await make({ trialEndsAt: new Date(at.getTime() + DAY_MS - HOUR_MS) }),
    ended: await make({ trialEndsAt: new Date(at.getTime() - HOUR_MS), trialEnded: true }),
    tasks80: await make({ tasksUsed: 800 }),
    tasks100: await make({ tasksUsed: 1_000 }),
    lastMonth: await make({ tasksUsed: 1_000, usagePeriod: billingPeriodOf(new Date(at.getTime() - 40 * DAY_MS)) }),
    trialTasks: await make({ trialEndsAt: new Date(at.getTime() + 20 * DAY_MS), tasksUsed: 85 }),
    connections: await make({ authenticatedConnections: 5 }),
    quiet: await make({ tasksUsed: 799, authenticatedConnections: 4 }),
  };
  return { acme, c, admin: adminContext(acme.partner, acme.admin, at) };
}

type World = Awaited<ReturnType<typeof world>>;

async function sent(w: World) {
  const rows = await getDatabase()
    .select({ customerId: customerNotifications.customerId, kind: customerNotifications.kind, occurrence: customerNotifications.occurrence })
    .from(customerNotifications)
    .where(eq(customerNotifications.partnerId, w.acme.partner.id));
  const names = Object.fromEntries(Object.entries(w.c).map(([name, customer]) => [customer.id, name]));
  return rows.map((row) => `${names[row.customerId]}:${row.kind}`).sort();
}

const outbox = (w: World) => getDatabase().select().from(emailOutbox).where(eq(emailOutbox.partnerId, w.acme.partner.id));
const activity = (w: World) =>
  getDatabase()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, w.acme.partner.id), eq(auditEvents.action, "customer.notification_sent")));

const EVERY_EVENT = [
  "connections:connection_limit_reached",
  "ended:trial_ended",
  "tasks100:tasks_100_percent",
  "tasks100:tasks_80_percent",
  "tasks80:tasks_80_percent",
  "trial1:trial_ends_in_1_day",
  "trial7:trial_ends_in_7_days",
  "trialTasks:tasks_80_percent",
];

describe("the notifications job", () => {
  it("sends each due event once, with its email (text and HTML, a link to the customer's Settings) and its Activity event", async () => {
    const at = nextMoment();
    const w = await world(at);
    expect(await sendDueNotifications(at, { partnerId: w.acme.partner.id })).toBe(EVERY_EVENT.length);
    expect(await sent(w)).toEqual(EVERY_EVENT);

    const mail = await outbox(w);
    expect(mail.map((row) => row.kind).sort()).toEqual(EVERY_EVENT.map((event) => `notification.${event.split(":")[1]}`).sort());
    const trialMail = mail.find((row) => row.kind === "notification.trial_ends_in_7_days")!;
    expect(trialMail).toMatchObject({ toAddress: "ops@example.test", status: "queued", subject: `The trial of ${w.c.trial7.name} ends in 7 days` });
    const body = JSON.parse(unseal(trialMail.sealedBody)) as { text: string; html: string };
    expect(body.text).toMatch(new RegExp(`https?://[^\\s]+/customers/${w.c.trial7.id}/settings`));
    expect(body.html).toContain(`/customers/${w.c.trial7.id}/settings`);
    const tasksMail = mail.find((row) => row.kind === "notification.tasks_80_percent" && row.subject.startsWith(w.c.tasks80.name))!;
    expect(JSON.parse(unseal(tasksMail.sealedBody)).text).toContain("800 of 1,000 tasks");

    const events = await activity(w);
    expect(events).toHaveLength(EVERY_EVENT.length);
    expect(events.find((event) => event.customerId === w.c.trial7.id)).toMatchObject({
      actingAs: "system",
      actorName: "System",
      customerName: w.c.trial7.name,
      changes: { notification: "trial_ends_in_7_days", occurrence: w.c.trial7.trialEndsAt!.toISOString(), to: "ops@example.test" },
    });

    // Running again, even an hour later, sends nothing twice.
    expect(await sendDueNotifications(at, { partnerId: w.acme.partner.id })).toBe(0);
    expect(await sendDueNotifications(new Date(at.getTime() + HOUR_MS), { partnerId: w.acme.partner.id })).toBe(0);
    expect(await outbox(w)).toHaveLength(EVERY_EVENT.length);
    expect(await activity(w)).toHaveLength(EVERY_EVENT.length);

    // A day later trial8 is 7 days before its end, and trial1's trial has ended: the next event of each.
    expect(await sendDueNotifications(new Date(at.getTime() + DAY_MS), { partnerId: w.acme.partner.id })).toBe(2);
    expect(await sent(w)).toEqual([...EVERY_EVENT, "trial1:trial_ended", "trial8:trial_ends_in_7_days"].sort());
  });

  it("works through the due events in bounded batches", async () => {
    const at = nextMoment();
    const w = await world(at);
    expect(await sendDueNotifications(at, { partnerId: w.acme.partner.id, batch: 1 })).toBe(EVERY_EVENT.length);
    expect(await sent(w)).toEqual(EVERY_EVENT);
    expect(await outbox(w)).toHaveLength(EVERY_EVENT.length);
  });

  it("stops between two batches once its instance is stopping, and leaves the rest due for the next run", async () => {
    const at = nextMoment();
    const w = await world(at);
    const stopping = new AbortController();
    stopping.abort();
    expect(await sendDueNotifications(at, { partnerId: w.acme.partner.id, batch: 1, signal: stopping.signal })).toBe(0);
    expect(await outbox(w)).toHaveLength(0);
    expect(await sendDueNotifications(at, { partnerId: w.acme.partner.id, batch: 1 })).toBe(EVERY_EVENT.length);
  });

  it("sends nothing the customer or the partner's default turned off; a customer's own choice wins over the default", async () => {
    const at = nextMoment();
    const w = await world(at);
    await setCustomerNotification(w.admin, { customerId: w.c.trial7.id, kind: "trial_ends_in_7_days", choice: "off" });
    await setNotificationDefault(w.admin, { kind: "tasks_80_percent", enabled: false });
    await setCustomerNotification(w.admin, { customerId: w.c.trialTasks.id, kind: "tasks_80_percent", choice: "on" });

    await sendDueNotifications(at, { partnerId: w.acme.partner.id });
    const off = new Set(["trial7:trial_ends_in_7_days", "tasks80:tasks_80_percent", "tasks100:tasks_80_percent"]);
    expect(await sent(w)).toEqual(EVERY_EVENT.filter((event) => !off.has(event)));

    // The settings changes are in the audit log, with who made them.
    const changes = await getDatabase()
      .select({ action: auditEvents.action, changes: auditEvents.changes, actingAs: auditEvents.actingAs, customerId: auditEvents.customerId })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.partnerId, w.acme.partner.id),
          inArray(auditEvents.action, ["customer.notifications_changed", "partner.notification_defaults_changed"]),
        ),
      );
    expect(changes).toEqual(
      expect.arrayContaining([
        {
          action: "customer.notifications_changed",
          changes: { trial_ends_in_7_days: { from: "default", to: "off" } },
          actingAs: "partner_admin",
          customerId: w.c.trial7.id,
        },
        {
          action: "partner.notification_defaults_changed",
          changes: { tasks_80_percent: { from: "on", to: "off" } },
          actingAs: "partner_admin",
          customerId: null,
        },
      ]),
    );
  });

  it("refuses settings changes from a partner member", async () => {
    const at = nextMoment();
    const w = await world(at);
    const member = { ...w.admin, actor: { ...w.admin.actor, partnerRole: "member" as const } };
    await expect(setCustomerNotification(member, { customerId: w.c.trial7.id, kind: "trial_ended", choice: "off" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(setNotificationDefault(member, { kind: "trial_ended", enabled: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("leaves nothing behind when a batch is rolled back: no notification, no email, no Activity event", async () => {
    const at = nextMoment();
    const w = await world(at);
    await expect(
      getDatabase().transaction(async (tx) => {
        await sendNotificationBatch(tx, "trial_ends_in_7_days", at, 10, w.acme.partner.id);
        throw new Error("the batch failed after queuing its email");
      }),
    ).rejects.toThrow("the batch failed");
    expect(await sent(w)).toEqual([]);
    expect(await outbox(w)).toHaveLength(0);
    expect(await activity(w)).toHaveLength(0);
    // The next run sends it.
    await sendDueNotifications(at, { partnerId: w.acme.partner.id });
    expect(await sent(w)).toEqual(EVERY_EVENT);
  });

  it.runIf(onRealPostgres())("leaves nothing behind when the worker dies mid-batch (PostgreSQL)", async () => {
    const at = nextMoment();
    const w = await world(at);
    const result = await killedMidWrite(
      () => sendDueNotifications(at, { partnerId: w.acme.partner.id }),
      (sql) => sql`lock table customer_notifications in exclusive mode`,
    );
    expect(result.status).toBe("rejected");
    expect(await sent(w)).toEqual([]);
    expect(await outbox(w)).toHaveLength(0);
    expect(await activity(w)).toHaveLength(0);
  });

  it("sends each event once when two workers race", async () => {
    const at = nextMoment();
    const w = await world(at);
    // On PostgreSQL both workers have read the same due events and wait to insert them: one wins each event.
    const results = await concurrently(
      [() => sendDueNotifications(at, { partnerId: w.acme.partner.id }), () => sendDueNotifications(at, { partnerId: w.acme.partner.id })],
      (sql) => sql`lock table customer_notifications in exclusive mode`,
    );
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
    const counts = results.map((result) => (result as PromiseFulfilledResult<number>).value);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(EVERY_EVENT.length);
    expect(await sent(w)).toEqual(EVERY_EVENT);
    expect(await outbox(w)).toHaveLength(EVERY_EVENT.length);
    expect(await activity(w)).toHaveLength(EVERY_EVENT.length);
  });
});
