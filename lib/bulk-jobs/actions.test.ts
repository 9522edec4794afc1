/**
 * Every bulk action against the real database: what it writes equals what the single-customer command writes for the
 * same change, audit events included.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apps, auditEvents, customerAppAccess, customerManagerCustomers, customers } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { updateAppAccess } from "@/lib/app-access/selection";
import { getDatabase } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { createManager } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { bulkJobFile } from "./file";
import { getBulkJob } from "./read";
import { runBulkJob } from "./run";
import { startBulkJob } from "./start";
import type { BulkAction } from "./types";

const DAY_MS = 86_400_000;
const signal = new AbortController().signal;

async function setup(count = 3) {
  const db = getDatabase();
  const acme = await createPartner(db);
  const made = [];
  for (let index = 0; index < count; index++) made.push(await createCustomer(db, acme.partner.id, acme.plans.starter.id));
  return { db, acme, made, ids: made.map((customer) => customer.id), ctx: adminContext(acme.partner, acme.admin) };
}

async function run(ctx: ReturnType<typeof adminContext>, action: BulkAction, ids: number[]) {
  const job = await startBulkJob(ctx, { action, selection: { kind: "ids", ids } });
  await runBulkJob(
    { id: 0, name: "bulk-job", payload: { bulkJobId: job.id, partnerId: ctx.partnerId }, attempt: 1, maxAttempts: 5 },
    { signal },
    { batchSize: 2 },
  );
  return getBulkJob(ctx, job.id);
}

const eventsOf = (customerIds: number[], action: string) =>
  getDatabase()
    .select()
    .from(auditEvents)
    .where(and(inArray(auditEvents.customerId, customerIds), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.id));

/** The maintained counters (the Customers tabs' unfiltered counts) against a recount of the partner's customers. */
async function expectCountersExact(partnerId: number) {
  const [row] = await getDatabase().execute<{ kept: string; counted: string; days_kept: string; days_counted: string }>(sql`
    select (select row(pc.customers, pc.trials, pc.free_without_trial)::text from partner_counters pc where pc.partner_id = ${partnerId}) as kept,
           (select row(count(*), count(*) filter (where c.trial_ends_at is not null), count(*) filter (where c.trial_ends_at is null and p.is_free))::text
              from customers c join plans p on p.id = c.plan_id where c.partner_id = ${partnerId}) as counted,
           (select coalesce(string_agg(day || ':' || customers, ',' order by day), '') from partner_trial_end_days where partner_id = ${partnerId} and customers <> 0) as days_kept,
           (select coalesce(string_agg(day || ':' || n, ',' order by day), '') from (select (trial_ends_at at time zone 'UTC')::date as day, count(*) as n from customers
             where partner_id = ${partnerId} and trial_ends_at is not null group by 1) d) as days_counted`);
  expect(row!.kept).toBe(row!.counted);
  expect(row!.days_kept).toBe(row!.days_counted);
}

describe("bulk trial actions", () => {
  it("extend running trials from their end and others from now, end running ones, start new ones, each audited", async () => {
    const { db, acme, ctx } = await setup(0);
    const running = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { trialEndsAt: new Date(Date.now() + 2 * DAY_MS) });
    const none = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { trialEndsAt: null });
    expect(await run(ctx, { type: "extend_trial", days: 10 }, [running.id, none.id])).toMatchObject({
      status: "succeeded",
      changed: 2,
      actionLabel: "Extend trials by 10 days",
    });
    const [extended] = await db.select().from(customers).where(eq(customers.id, running.id));
    expect(extended!.trialEndsAt!.getTime()).toBe(running.trialEndsAt!.getTime() + 10 * DAY_MS);
    const [started] = await db.select().from(customers).where(eq(customers.id, none.id));
    expect(started!.trialEndsAt!.getTime()).toBeGreaterThan(Date.now() + 9 * DAY_MS);
    expect(await eventsOf([running.id, none.id], "customer.trial_extended")).toHaveLength(2);
    expect(await run(ctx, { type: "end_trial" }, [running.id, none.id])).toMatchObject({ changed: 2 });
    expect(await eventsOf([running.id], "customer.trial_turned_off")).toHaveLength(1);
    expect(await run(ctx, { type: "end_trial" }, [running.id])).toMatchObject({ status: "succeeded", changed: 0 });
    expect(await run(ctx, { type: "start_trial" }, [running.id])).toMatchObject({ changed: 1 });
    expect(await eventsOf([running.id], "customer.trial_started")).toHaveLength(1);
    await expectCountersExact(acme.partner.id);
    // A plan change to and from Free in one statement moves the status counters too.
    expect(await run(ctx, { type: "change_plan", planId: acme.plans.free.id }, [running.id, none.id])).toMatchObject({ changed: 2 });
    await expectCountersExact(acme.partner.id);
  });
});

describe("bulk App access", () => {
  it("writes the same rows and event as Apply changes for one customer, and adds or removes apps in each selection", async () => {
    const { db, ctx, made } = await setup(3);
    const catalog = await db.select().from(apps).orderBy(asc(apps.id));
    const [salesforce, slack, jira] = [catalog[0]!, catalog[1]!, catalog[3]!];
    const [alone, bulk, onAll] = made;
    await updateAppAccess(ctx, { customerId: alone!.id, allApps: false, appIds: [salesforce.id] });
    await updateAppAccess(ctx, { customerId: bulk!.id, allApps: false, appIds: [salesforce.id] });
    // Alone: Apply changes with Salesforce and Slack; in bulk: add Slack to the selection.
    await updateAppAccess(ctx, { customerId: alone!.id, allApps: false, appIds: [salesforce.id, slack.id] });
    expect(await run(ctx, { type: "set_app_access", mode: "add", appIds: [slack.id] }, [bulk!.id, onAll!.id])).toMatchObject({ changed: 1, failed: 0 });
    const rowsOf = async (customerId: number) =>
      (await db.select({ appId: customerAppAccess.appId }).from(customerAppAccess).where(eq(customerAppAccess.customerId, customerId)))
        .map((row) => row.appId)
        .sort();
    expect(await rowsOf(bulk!.id)).toEqual(await rowsOf(alone!.id));
    const [eventAlone] = (await eventsOf([alone!.id], "customer.app_access_changed")).slice(-1);
    const [eventBulk] = (await eventsOf([bulk!.id], "customer.app_access_changed")).slice(-1);
    expect(eventBulk!.changes).toEqual(eventAlone!.changes);
    // A customer on All apps has Slack already: nothing changed, nothing audited.
    expect(await eventsOf([onAll!.id], "customer.app_access_changed")).toHaveLength(0);
    // Removing Jira from a customer on All apps leaves every other app; removing its only app from one is refused.
    await updateAppAccess(ctx, { customerId: alone!.id, allApps: false, appIds: [jira.id] });
    const removed = await run(ctx, { type: "set_app_access", mode: "remove", appIds: [jira.id] }, [onAll!.id, alone!.id]);
    expect(removed).toMatchObject({ changed: 1, failed: 1, errors: [{ customerId: alone!.id }] });
    expect(await rowsOf(onAll!.id)).toEqual(
      catalog
        .filter((app) => app.id !== jira.id)
        .map((app) => app.id)
        .sort(),
    );
    expect(await run(ctx, { type: "set_app_access", mode: "all", appIds: [] }, [onAll!.id])).toMatchObject({ changed: 1 });
    expect(await rowsOf(onAll!.id)).toEqual([]);
  });
});

describe("bulk customer manager actions", () => {
  it("add the customers to a manager's customers and remove them, with the manager's and each customer's events", async () => {
    const { db, acme, ctx, ids } = await setup(3);
    const manager = await createManager(db, acme.partner.id, SYSTEM_ROLE_IDS.operator, [ids[0]!], "Morgan");
    const added = await run(ctx, { type: "add_to_customer_manager", customerManagerId: manager.assignment.id }, ids);
    expect(added).toMatchObject({ status: "succeeded", changed: 2, actionLabel: "Add to Morgan's customers" });
    const managed = async () =>
      (await db.select().from(customerManagerCustomers).where(eq(customerManagerCustomers.customerManagerId, manager.assignment.id)))
        .map((row) => row.customerId)
        .sort();
    expect(await managed()).toEqual([...ids].sort());
    expect((await eventsOf(ids, "customer_manager.workspace_added")).map((event) => event.customerId).sort()).toEqual(ids.slice(1).sort());
    expect(await run(ctx, { type: "remove_from_customer_manager", customerManagerId: manager.assignment.id }, ids.slice(0, 2))).toMatchObject({ changed: 2 });
    expect(await managed()).toEqual([ids[2]]);
    expect(await eventsOf(ids, "customer_manager.workspace_removed")).toHaveLength(2);
  });
});

describe("bulk export", () => {
  it("keeps the selection's CSV with the job, header first, each customer once, downloadable once the job succeeded", async () => {
    const { ctx, made, ids } = await setup(5);
    const job = await run(ctx, { type: "export" }, ids);
    expect(job).toMatchObject({ status: "succeeded", changed: 5, resultFileUrl: `/jobs/${job.id}/file` });
    const file = await bulkJobFile(ctx, job.id);
    let text = "";
    for await (const chunk of file.chunks) text += chunk;
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("ID,Customer,External ID,Plan,Status,Joined,Tasks used,Task limit,Connections,Connection limit,Connected apps");
    expect(lines.slice(1).map((line) => Number(line.split(",")[0]))).toEqual([...ids].sort((a, b) => a - b));
    expect(lines[1]).toContain(made[0]!.name);
  });
});

describe("bulk delete", () => {
  it("starts only when the typed count is the selection's count, then deletes each customer with its own event", async () => {
    const { db, ctx, ids } = await setup(3);
    const refused = await startBulkJob(ctx, { action: { type: "delete", confirmCount: 2 }, selection: { kind: "ids", ids } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).fieldErrors).toHaveProperty(["action.confirmCount"]);
    expect(await run(ctx, { type: "delete", confirmCount: 3 }, ids)).toMatchObject({ status: "succeeded", changed: 3 });
    expect(await db.select().from(customers).where(inArray(customers.id, ids))).toEqual([]);
    expect(await eventsOf(ids, "customer.deleted")).toHaveLength(3);
  });
});
