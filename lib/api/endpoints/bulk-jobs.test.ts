import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as collection from "@/app/api/bulk_jobs/route";
import * as item from "@/app/api/bulk_jobs/[id]/route";
import * as cancel from "@/app/api/bulk_jobs/[id]/cancel/route";
import { auditEvents, bulkJobs } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { apiToken, call, expectErrorShape } from "@/tests/support/api";
import { createCustomer, createPartner } from "@/tests/support/factories";

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  const customers = [
    await createCustomer(db, acme.partner.id, acme.plans.free.id, { externalId: `crm-${acme.partner.id}-1` }),
    await createCustomer(db, acme.partner.id, acme.plans.free.id, { externalId: `crm-${acme.partner.id}-2` }),
  ];
  const token = await apiToken(acme.partner, acme.admin);
  return { db, acme, globex, customers, token };
}

const jobsOf = (partnerId: number) => getDatabase().select().from(bulkJobs).where(eq(bulkJobs.partnerId, partnerId));

describe("POST /api/bulk_jobs, GET /api/bulk_jobs/:id, POST /api/bulk_jobs/:id/cancel", () => {
  it("starts a job on a filter in the terms of GET /api/managed_users, reads it and cancels it, audited as the API client", async () => {
    const { acme, token } = await setup();
    const started = await call(collection.POST, "POST", {
      token,
      body: { action: { type: "change_plan", plan_id: acme.plans.growth.id }, filter: { plan: String(acme.plans.free.id), status: "all" } },
    });
    expect(started.status).toBe(201);
    const job = (started.body as { result: Record<string, unknown> }).result;
    expect(job).toMatchObject({
      status: "queued",
      total: 2,
      action: { type: "change_plan", plan_id: acme.plans.growth.id },
      action_label: "Change plan to Growth",
      selection_description: "All 2 customers on plan Free, as of the moment the job was started (customers added afterwards are not included)",
      started_by: { name: "Test client" },
    });
    const read = await call(item.GET, "GET", { token, params: { id: String(job.id) } });
    expect(read).toMatchObject({ status: 200, body: { result: { id: job.id, total: 2 } } });
    const cancelled = await call(cancel.POST, "POST", { token, params: { id: String(job.id) } });
    expect(cancelled).toMatchObject({ status: 200, body: { result: { id: job.id, cancel_requested: true } } });
    const events = await getDatabase()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, acme.partner.id), eq(auditEvents.targetType, "bulk_job")));
    expect(events.map((event) => [event.action, event.actingAs])).toEqual([
      ["bulk_job.started", "api_client"],
      ["bulk_job.cancelled", "api_client"],
    ]);
  });

  it("answers bad input with the documented error shape, naming the field, and writes nothing", async () => {
    const { acme, globex, customers, token } = await setup();
    const cases: [unknown, string][] = [
      [{ action: { type: "change_plan", plan_id: globex.plans.growth.id }, ids: [customers[0]!.id] }, "action.plan_id"],
      [{ action: { type: "change_plan", plan_id: acme.plans.growth.id }, filter: { from: "yesterday" } }, "filter.from"],
      [{ action: { type: "change_plan", plan_id: acme.plans.growth.id }, filter: { plann: "1" } }, "filter"],
      [{ action: { type: "change_plan", plan_id: acme.plans.growth.id }, filter: { plan: String(globex.plans.free.id) } }, "filter.plan"],
      [{ action: { type: "change_plan", plan_id: acme.plans.growth.id }, ids: [customers[0]!.id], filter: {} }, "ids"],
      [{ action: { type: "change_plan", plan_id: acme.plans.growth.id } }, "ids"],
      [{ action: { type: "teleport" }, ids: [customers[0]!.id] }, "action.type"],
      [{ action: { type: "delete", confirm_count: 3 }, external_ids: customers.map((customer) => customer.externalId!) }, "action.confirm_count"],
    ];
    for (const [body, field] of cases) {
      const response = await call(collection.POST, "POST", { token, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expectErrorShape(response.body);
      expect(
        Object.keys(response.body.errors).some((key) => key === field || key.startsWith(`${field}.`)),
        `${JSON.stringify(response.body)} names ${field}`,
      ).toBe(true);
    }
    expect(await jobsOf(acme.partner.id)).toEqual([]);
  });

  it("needs its own scopes, and answers another partner's job as not found", async () => {
    const { acme, globex, customers, token } = await setup();
    const readOnly = await apiToken(acme.partner, acme.admin, { scopes: ["bulk_jobs:read"] });
    const customersOnly = await apiToken(acme.partner, acme.admin, { scopes: ["customers:write"] });
    const body = { action: { type: "start_trial" }, ids: [customers[0]!.id] };
    expect((await call(collection.POST, "POST", { token: readOnly, body })).status).toBe(403);
    expect((await call(collection.POST, "POST", { token: customersOnly, body })).status).toBe(403);
    const started = await call(collection.POST, "POST", { token, body });
    const id = String((started.body as { result: { id: number } }).result.id);
    expect((await call(item.GET, "GET", { token: readOnly, params: { id } })).status).toBe(200);
    expect((await call(cancel.POST, "POST", { token: readOnly, params: { id } })).status).toBe(403);
    const theirs = await apiToken(globex.partner, globex.admin);
    expect((await call(item.GET, "GET", { token: theirs, params: { id } })).status).toBe(404);
    expect((await call(cancel.POST, "POST", { token: theirs, params: { id } })).status).toBe(404);
    expect((await call(item.GET, "GET", { token, params: { id: "99999999" } })).status).toBe(404);
  });
});
