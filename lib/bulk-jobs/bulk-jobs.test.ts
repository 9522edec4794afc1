/**
 * Bulk jobs against the real database (PGlite by default, PostgreSQL with DATABASE_URL): a job changes exactly its
 * snapshot, each customer once, with each customer's audit event as if changed alone, and resumes after a crash.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, bulkJobs, customers } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { STATISTICS_AFTER_CHANGES } from "@/lib/db/statistics";
import { DomainError } from "@/lib/errors";
import { changePlan } from "@/lib/customers/commands/settings";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import type { RequestContext } from "@/lib/context";
import { createManager, createTeamMember, insideCustomer, personContext } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { createManyCustomers, onRealPostgres } from "@/tests/support/concurrency";
import { runBulkJob, runBulkJobBatch } from "./run";
import { startBulkJob } from "./start";
import { cancelBulkJob } from "./cancel";
import { getBulkJob, listMyUnderwayBulkJobIds } from "./read";
import { previewBulkSelection } from "./start";

const signal = new AbortController().signal;
const claimed = (bulkJobId: number, partnerId: number, attempt = 1) => ({
  id: 0,
  name: "bulk-job",
  payload: { bulkJobId, partnerId },
  attempt,
  maxAttempts: 5,
});

async function partnerWith(count: number) {
  const db = getDatabase();
  const acme = await createPartner(db);
  const made = [];
  for (let index = 0; index < count; index++) made.push(await createCustomer(db, acme.partner.id, acme.plans.starter.id));
  return { db, acme, made, ctx: adminContext(acme.partner, acme.admin) };
}

async function planChanges(customerIds: number[]) {
  return getDatabase()
    .select()
    .from(auditEvents)
    .where(and(inArray(auditEvents.customerId, customerIds), eq(auditEvents.action, "customer.plan_changed")))
    .orderBy(asc(auditEvents.id));
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("who may run bulk jobs (issue 17 item 7)", () => {
  it("partner admins and API clients with bulk_jobs:write; no member, customer manager, collaborator or other client, by any command", async () => {
    const { db, acme, made, ctx } = await partnerWith(1);
    const selection = { kind: "ids" as const, ids: [made[0]!.id] };
    const input = { action: { type: "start_trial" as const }, selection };
    const job = await startBulkJob(ctx, input);
    const member = personContext(acme.partner, await createTeamMember(db, acme.partner.id), { partnerRole: "member" });
    const manager = await createManager(db, acme.partner.id, SYSTEM_ROLE_IDS.admin, [made[0]!.id]);
    const managerCtx = personContext(acme.partner, manager.user, { partnerRole: "member" });
    const collaborator = insideCustomer(personContext(acme.partner, acme.admin, { partnerRole: null }), made[0]!, null);
    const switchedAdmin = insideCustomer(ctx, made[0]!);
    const client = (scopes: string[]): RequestContext => ({ ...ctx, actor: { kind: "api_client", apiClientId: 1, name: "Client", scopes } });
    const refused = [member, managerCtx, collaborator, switchedAdmin, client(["customers:write", "bulk_jobs:read"])];
    for (const who of refused) {
      for (const attempt of [() => startBulkJob(who, input), () => previewBulkSelection(who, selection), () => cancelBulkJob(who, job.id)])
        expect((await rejection(attempt())).code).toBe("FORBIDDEN");
    }
    for (const who of [member, managerCtx, collaborator, client(["customers:read"])]) expect((await rejection(getBulkJob(who, job.id))).code).toBe("FORBIDDEN");
    expect(await getBulkJob(client(["bulk_jobs:read"]), job.id)).toMatchObject({ id: job.id });
    expect(await startBulkJob(client(["bulk_jobs:write"]), input)).toMatchObject({ status: "queued", startedBy: { name: "Client" } });
  });
});

describe("a bulk plan change", () => {
  it("changes every customer of the selection once, in batches, with one audit event each and one for the job", async () => {
    const { acme, made, ctx } = await partnerWith(7);
    const ids = made.map((customer) => customer.id);
    const job = await startBulkJob(ctx, { action: { type: "change_plan", planId: acme.plans.growth.id }, selection: { kind: "ids", ids } });
    expect(job).toMatchObject({ status: "queued", total: 7, processed: 0, actionLabel: "Change plan to Growth", selectionDescription: "7 customers selected" });
    await runBulkJob(claimed(job.id, acme.partner.id), { signal }, { batchSize: 3 });
    expect(await getBulkJob(ctx, job.id)).toMatchObject({ status: "succeeded", total: 7, processed: 7, changed: 7, failed: 0, errors: [] });
    const rows = await getDatabase().select().from(customers).where(inArray(customers.id, ids));
    expect(rows.every((row) => row.planId === acme.plans.growth.id)).toBe(true);
    const events = await planChanges(ids);
    expect(events).toHaveLength(7);
    const [started] = await getDatabase()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, acme.partner.id), eq(auditEvents.action, "bulk_job.started")));
    expect(started).toMatchObject({ actorName: acme.admin.name, targetId: String(job.id), customerId: null });
    expect(started!.changes).toMatchObject({ total: 7, selection: { kind: "ids", ids } });
  });

  it("writes for each customer the same row and audit event as the plan change of one customer alone, field by field", async () => {
    const { acme, made, ctx } = await partnerWith(0);
    const db = getDatabase();
    const endedTrial = new Date(ctx.now.getTime() - 86_400_000);
    const runningTrial = new Date(ctx.now.getTime() + 5 * 86_400_000);
    const pairs = [];
    for (const trialEndsAt of [null, endedTrial, runningTrial]) {
      pairs.push([
        await createCustomer(db, acme.partner.id, acme.plans.starter.id, { trialEndsAt, name: `Alone ${String(trialEndsAt?.getTime())}` }),
        await createCustomer(db, acme.partner.id, acme.plans.starter.id, { trialEndsAt, name: `Bulk ${String(trialEndsAt?.getTime())}` }),
      ] as const);
    }
    void made;
    for (const [alone] of pairs) await changePlan(ctx, { customerId: alone.id, planId: acme.plans.growth.id });
    const job = await startBulkJob(ctx, {
      action: { type: "change_plan", planId: acme.plans.growth.id },
      selection: { kind: "ids", ids: pairs.map(([, bulk]) => bulk.id) },
    });
    await runBulkJob(claimed(job.id, acme.partner.id), { signal });
    for (const [alone, bulk] of pairs) {
      const [a] = await db.select().from(customers).where(eq(customers.id, alone.id));
      const [b] = await db.select().from(customers).where(eq(customers.id, bulk.id));
      const { id: _a, name: _an, searchText: _as, updatedAt: aUpdated, createdAt: _ac, ...aRest } = a!;
      const { id: _b, name: _bn, searchText: _bs, updatedAt: bUpdated, createdAt: _bc, ...bRest } = b!;
      expect(bRest).toEqual(aRest);
      expect(aUpdated.getTime()).toBe(ctx.now.getTime());
      expect(bUpdated.getTime()).toBeGreaterThanOrEqual(ctx.now.getTime());
      const [ea] = await planChanges([alone.id]);
      const [eb] = await planChanges([bulk.id]);
      const strip = (event: typeof ea) => {
        const { id: _id, customerId: _c, customerName: _n, targetId: _t, createdAt: _at, ...rest } = event!;
        return rest;
      };
      expect(strip(eb)).toEqual(strip(ea));
      expect(eb).toMatchObject({ customerId: bulk.id, customerName: bulk.name, targetId: String(bulk.id) });
    }
  });

  it("resolves a whole view when it starts: customers added afterwards are not touched, and the job says so", async () => {
    const { db, acme, made, ctx } = await partnerWith(4);
    await db
      .update(customers)
      .set({ planId: acme.plans.free.id })
      .where(
        inArray(
          customers.id,
          made.slice(0, 3).map((customer) => customer.id),
        ),
      );
    const selection = { kind: "view" as const, query: { plans: [acme.plans.free.id] } };
    expect(await previewBulkSelection(ctx, selection)).toEqual({ count: 3, description: "All 3 customers on plan Free" });
    const job = await startBulkJob(ctx, { action: { type: "change_plan", planId: acme.plans.growth.id }, selection });
    expect(job.selectionDescription).toBe("All 3 customers on plan Free, as of the moment the job was started (customers added afterwards are not included)");
    const later = await createCustomer(db, acme.partner.id, acme.plans.free.id);
    await runBulkJob(claimed(job.id, acme.partner.id), { signal });
    expect(await getBulkJob(ctx, job.id)).toMatchObject({ status: "succeeded", total: 3, changed: 3 });
    const [untouched] = await db.select().from(customers).where(eq(customers.id, later.id));
    expect(untouched!.planId).toBe(acme.plans.free.id);
    expect(await planChanges([later.id, made[3]!.id])).toHaveLength(0);
  });

  it("resumes after a batch that crashed before it committed: no customer changed twice, none skipped", async () => {
    const { acme, made, ctx } = await partnerWith(9);
    const ids = made.map((customer) => customer.id);
    const job = await startBulkJob(ctx, { action: { type: "change_plan", planId: acme.plans.growth.id }, selection: { kind: "ids", ids } });
    // The first batch commits; the second dies after its writes, inside its transaction.
    await runBulkJob(claimed(job.id, acme.partner.id), { signal }, { batchSize: 4, maxBatches: 1 });
    const crash = runBulkJob(
      claimed(job.id, acme.partner.id),
      { signal },
      {
        batchSize: 4,
        afterBatchWrites: async () => {
          throw new Error("killed");
        },
      },
    );
    await expect(crash).rejects.toThrow("killed");
    expect(await getBulkJob(ctx, job.id)).toMatchObject({ status: "running", processed: 4, changed: 4 });
    expect(await planChanges(ids)).toHaveLength(4);
    await runBulkJob(claimed(job.id, acme.partner.id, 2), { signal }, { batchSize: 4 });
    expect(await getBulkJob(ctx, job.id)).toMatchObject({ status: "succeeded", processed: 9, changed: 9 });
    const events = await planChanges(ids);
    expect(events.map((event) => event.customerId).sort()).toEqual([...ids].sort());
  });

  it("stops at the next batch when cancelled, and reports what it did", async () => {
    const { acme, made, ctx } = await partnerWith(6);
    const ids = made.map((customer) => customer.id);
    const job = await startBulkJob(ctx, { action: { type: "change_plan", planId: acme.plans.growth.id }, selection: { kind: "ids", ids } });
    expect(await runBulkJobBatch(job.id, acme.partner.id, { batchSize: 2 })).toBe("more");
    expect((await cancelBulkJob(ctx, job.id)).cancelRequested).toBe(true);
    await runBulkJob(claimed(job.id, acme.partner.id), { signal }, { batchSize: 2 });
    expect(await getBulkJob(ctx, job.id)).toMatchObject({ status: "cancelled", processed: 2, changed: 2, total: 6 });
    expect(await planChanges(ids)).toHaveLength(2);
    const [cancelled] = await getDatabase()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "bulk_job.cancelled"), eq(auditEvents.targetId, String(job.id))))
      .orderBy(desc(auditEvents.id));
    expect(cancelled).toMatchObject({ actorName: acme.admin.name });
  });

  it("refuses an unknown plan or a malformed filter, naming the field, and writes nothing", async () => {
    const { acme, made, ctx } = await partnerWith(1);
    const other = await createPartner(getDatabase());
    const before = await getDatabase().select().from(bulkJobs).where(eq(bulkJobs.partnerId, acme.partner.id));
    const unknownPlan = await rejection(
      startBulkJob(ctx, { action: { type: "change_plan", planId: other.plans.growth.id }, selection: { kind: "ids", ids: [made[0]!.id] } }),
    );
    expect(unknownPlan.fieldErrors).toHaveProperty(["action.planId"]);
    const malformed = await rejection(
      startBulkJob(ctx, { action: { type: "change_plan", planId: acme.plans.growth.id }, selection: { kind: "view", query: { from: "yesterday" } as never } }),
    );
    expect(Object.keys(malformed.fieldErrors)).toEqual(["selection.query.from"]);
    expect(await getDatabase().select().from(bulkJobs).where(eq(bulkJobs.partnerId, acme.partner.id))).toEqual(before);
  });
});

describe("the jobs a person has underway (the Customers page's progress bars in any browser)", () => {
  it("lists the signed-in admin's queued and running jobs, not finished ones, another admin's, or another partner's", async () => {
    const { db, acme, made, ctx } = await partnerWith(2);
    const ids = made.map((customer) => customer.id);
    const other = await createTeamMember(db, acme.partner.id, { role: "admin" });
    const otherCtx = adminContext(acme.partner, other);
    const start = (by: RequestContext) => startBulkJob(by, { action: { type: "start_trial" }, selection: { kind: "ids", ids } });
    const mine = await start(ctx);
    const finished = await start(ctx);
    await runBulkJob(claimed(finished.id, acme.partner.id), { signal });
    const theirs = await start(otherCtx);
    const elsewhere = await partnerWith(1);
    await startBulkJob(elsewhere.ctx, { action: { type: "start_trial" }, selection: { kind: "ids", ids: [elsewhere.made[0]!.id] } });

    expect(await listMyUnderwayBulkJobIds(ctx)).toEqual([mine.id]);
    expect(await listMyUnderwayBulkJobIds(otherCtx)).toEqual([theirs.id]);
    expect(await listMyUnderwayBulkJobIds(elsewhere.ctx)).not.toContain(mine.id);
  });
});

describe("the planner's statistics after a large job", () => {
  it.skipIf(!onRealPostgres())(`are refreshed once a job has changed ${STATISTICS_AFTER_CHANGES} customers or more, not after a small one`, async () => {
    const { db, acme, made, ctx } = await partnerWith(1);
    const lastAnalyze = async () => {
      const [row] = await db
        .select({ at: sql<string | null>`last_analyze::text` })
        .from(sql`pg_stat_user_tables`)
        .where(sql`relname = 'customers'`);
      return row?.at ?? null;
    };
    const small = await startBulkJob(ctx, { action: { type: "start_trial" }, selection: { kind: "ids", ids: [made[0]!.id] } });
    const before = await lastAnalyze();
    await runBulkJob(claimed(small.id, acme.partner.id), { signal });
    expect(await lastAnalyze()).toBe(before);

    const many = await createManyCustomers(db, acme.partner.id, acme.plans.starter.id, STATISTICS_AFTER_CHANGES);
    const large = await startBulkJob(ctx, { action: { type: "change_plan", planId: acme.plans.growth.id }, selection: { kind: "ids", ids: many } });
    await runBulkJob(claimed(large.id, acme.partner.id), { signal });
    expect(await lastAnalyze()).not.toBe(before);
  });
});
