import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as collection from "@/app/api/managed_users/route";
import * as item from "@/app/api/managed_users/[managed_user_id]/route";
import { auditEvents, customers } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { apiToken, call, expectErrorShape } from "@/tests/support/api";
import { createCustomer, createPartner } from "@/tests/support/factories";

const MANAGED_USER_KEYS = ["created_at", "external_id", "id", "in_trial", "name", "notification_email", "origin_url", "plan_id", "updated_at"];

function expectManagedUser(value: unknown) {
  const user = value as Record<string, unknown>;
  expect(Object.keys(user).sort()).toEqual(MANAGED_USER_KEYS);
  expect(user).toMatchObject({
    id: expect.any(Number),
    name: expect.any(String),
    notification_email: expect.any(String),
    plan_id: expect.any(Number),
    in_trial: expect.any(Boolean),
  });
  expect(user.external_id === null || typeof user.external_id === "string").toBe(true);
  expect(user.origin_url === null || typeof user.origin_url === "string").toBe(true);
  expect(Number.isNaN(Date.parse(String(user.created_at)))).toBe(false);
}

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  return { db, acme, globex, token: await apiToken(acme.partner, acme.admin) };
}

describe("managed users (customers) API", () => {
  it("POST creates with the documented fields, on the first plan when plan_id is omitted, and answers the item shape", async () => {
    const { db, acme, token } = await setup();
    const created = await call(collection.POST, "POST", {
      token,
      body: {
        name: "Nutech",
        notification_email: "ops@nutech.example",
        external_id: "A2300",
        origin_url: "https://app.nutech.example, https://b.nutech.example",
      },
    });
    expect(created.status).toBe(201);
    const result = (created.body as { result: Record<string, unknown> }).result;
    expectManagedUser(result);
    expect(result).toMatchObject({
      name: "Nutech",
      external_id: "A2300",
      plan_id: acme.plans.starter.id,
      in_trial: false,
      origin_url: "https://app.nutech.example,https://b.nutech.example",
    });
    const byString = await call(collection.POST, "POST", {
      token,
      body: { name: "Initech", notification_email: "ops@initech.example", plan_id: String(acme.plans.growth.id) },
    });
    expect((byString.body as { result: { plan_id: number } }).result.plan_id).toBe(acme.plans.growth.id);
    expect(await db.select().from(customers).where(eq(customers.partnerId, acme.partner.id))).toHaveLength(2);
  });

  it("POST refuses a duplicate external ID with 409, another partner's plan with 400, and bad origins with 400", async () => {
    const { db, acme, globex, token } = await setup();
    await createCustomer(db, acme.partner.id, acme.plans.starter.id, { externalId: "DUP" });
    const duplicate = await call(collection.POST, "POST", { token, body: { name: "Two", notification_email: "a@b.example", external_id: "DUP" } });
    expect(duplicate.status).toBe(409);
    expectErrorShape(duplicate.body);
    expect(duplicate.body.errors).toHaveProperty("external_id");
    const foreignPlan = await call(collection.POST, "POST", {
      token,
      body: { name: "Two", notification_email: "a@b.example", plan_id: globex.plans.growth.id },
    });
    expect(foreignPlan.status).toBe(400);
    expectErrorShape(foreignPlan.body);
    expect(foreignPlan.body.errors).toHaveProperty("plan_id");
    const origins = await call(collection.POST, "POST", {
      token,
      body: { name: "Two", notification_email: "a@b.example", origin_url: "not a url, https://x.example/path" },
    });
    expect(origins.status).toBe(400);
    expectErrorShape(origins.body);
    expect(origins.body.errors).toHaveProperty("origin_url");
    expect(await db.select().from(customers).where(eq(customers.partnerId, acme.partner.id))).toHaveLength(1);
  });

  it("GET by numeric ID or E + URL-encoded external ID (decision D4); another partner's customer is 404 (D8)", async () => {
    const { db, acme, globex, token } = await setup();
    const mine = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { externalId: "A 23/00" });
    const theirs = await createCustomer(db, globex.partner.id, globex.plans.starter.id, { externalId: "THEIRS" });
    const byId = await call(item.GET, "GET", { token, params: { managed_user_id: String(mine.id) } });
    expect(byId.status).toBe(200);
    expectManagedUser((byId.body as { result: unknown }).result);
    // Next hands route params over URL-decoded: /api/managed_users/EA%2023%2F00 arrives as "EA 23/00".
    const byExternal = await call(item.GET, "GET", { token, params: { managed_user_id: `E${decodeURIComponent(encodeURIComponent("A 23/00"))}` } });
    expect((byExternal.body as { result: { id: number } }).result.id).toBe(mine.id);
    for (const reference of [String(theirs.id), "ETHEIRS", "999999999", "abc", "E", "0", "99999999999"]) {
      const response = await call(item.GET, "GET", { token, params: { managed_user_id: reference } });
      expect(response.status, reference).toBe(404);
      expectErrorShape(response.body);
    }
  });

  it("GET lists with the table's search and filters, paginated", async () => {
    const { db, acme, globex, token } = await setup();
    await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Northwind Traders" });
    await createCustomer(db, acme.partner.id, acme.plans.growth.id, { name: "Contoso" });
    await createCustomer(db, globex.partner.id, globex.plans.starter.id, { name: "Northwind Globex" });
    const all = await call(collection.GET, "GET", { token });
    const body = all.body as { result: { items: unknown[]; total: number; page: number; next_cursor: string | null } };
    expect(Object.keys(body.result).sort()).toEqual(["items", "next_cursor", "page", "previous_cursor", "total", "total_capped"]);
    expect(body.result.total).toBe(2);
    body.result.items.forEach(expectManagedUser);
    const searched = await call(collection.GET, "GET", { token, query: "q=northwind" });
    expect((searched.body as { result: { items: { name: string }[] } }).result.items.map((user) => user.name)).toEqual(["Northwind Traders"]);
    const byPlan = await call(collection.GET, "GET", { token, query: `plan=${acme.plans.growth.id}` });
    expect((byPlan.body as { result: { items: { name: string }[] } }).result.items.map((user) => user.name)).toEqual(["Contoso"]);
    const bad = await call(collection.GET, "GET", { token, query: "sort=password" });
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body);
  });

  it("PUT changes only the given fields, null clears optional ones, in_trial starts and ends a trial, with an audit event", async () => {
    const { db, acme, token } = await setup();
    const mine = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { externalId: "OLD", iframeOrigins: ["https://a.example"] });
    const renamed = await call(item.PUT, "PUT", { token, params: { managed_user_id: String(mine.id) }, body: { name: "Renamed", in_trial: true } });
    expect(renamed.status).toBe(200);
    expect((renamed.body as { result: unknown }).result).toMatchObject({
      name: "Renamed",
      external_id: "OLD",
      origin_url: "https://a.example",
      in_trial: true,
      notification_email: mine.notificationEmail,
    });
    const cleared = await call(item.PUT, "PUT", {
      token,
      params: { managed_user_id: "EOLD" },
      body: { external_id: null, origin_url: null, in_trial: false, plan_id: String(acme.plans.growth.id) },
    });
    expect((cleared.body as { result: unknown }).result).toMatchObject({
      name: "Renamed",
      external_id: null,
      origin_url: null,
      in_trial: false,
      plan_id: acme.plans.growth.id,
    });
    const [row] = await db.select().from(customers).where(eq(customers.id, mine.id));
    expect(row).toMatchObject({ externalId: null, iframeOrigins: [], trialEndsAt: null, planId: acme.plans.growth.id });
    // Each field is the verb Settings has, with Settings' event: names, not IDs (issue #13).
    const events = await db
      .select({ action: auditEvents.action, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, acme.partner.id), eq(auditEvents.targetId, String(mine.id))))
      .orderBy(asc(auditEvents.id));
    expect(events.map((event) => event.action)).toEqual([
      "customer.renamed",
      "customer.trial_started",
      "customer.external_id_changed",
      "customer.iframe_origins_changed",
      "customer.plan_changed",
      "customer.trial_turned_off",
    ]);
    expect(events[0]!.changes).toEqual({ name: { from: mine.name, to: "Renamed" } });
    expect(events[2]!.changes).toEqual({ externalId: { from: "OLD", to: null } });
    expect(events[4]!.changes).toMatchObject({ plan: { from: acme.plans.starter.name, to: acme.plans.growth.name } });
  });

  it("PUT with a plan after an ended trial makes it a subscription to that plan, as Settings does (rule U20, D1)", async () => {
    const { db, acme, token } = await setup();
    const ended = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { trialEndsAt: new Date(Date.now() - 86_400_000) });
    const running = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { trialEndsAt: new Date(Date.now() + 5 * 86_400_000) });
    for (const customer of [ended, running]) {
      const answer = await call(item.PUT, "PUT", { token, params: { managed_user_id: String(customer.id) }, body: { plan_id: acme.plans.growth.id } });
      expect(answer.status).toBe(200);
    }
    const read = async (id: number) =>
      (await db.select({ planId: customers.planId, trialEndsAt: customers.trialEndsAt }).from(customers).where(eq(customers.id, id)))[0]!;
    expect(await read(ended.id)).toEqual({ planId: acme.plans.growth.id, trialEndsAt: null });
    // A running trial keeps running on the new plan (rule U22).
    expect(await read(running.id)).toEqual({ planId: acme.plans.growth.id, trialEndsAt: running.trialEndsAt });
  });

  it("PUT answers 409 for another customer's external ID and 404 for another partner's customer, changing nothing", async () => {
    const { db, acme, globex, token } = await setup();
    await createCustomer(db, acme.partner.id, acme.plans.starter.id, { externalId: "TAKEN" });
    const mine = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
    const theirs = await createCustomer(db, globex.partner.id, globex.plans.starter.id, { name: "Theirs" });
    const taken = await call(item.PUT, "PUT", { token, params: { managed_user_id: String(mine.id) }, body: { external_id: "TAKEN" } });
    expect(taken.status).toBe(409);
    expectErrorShape(taken.body);
    const foreign = await call(item.PUT, "PUT", { token, params: { managed_user_id: String(theirs.id) }, body: { name: "Hijacked" } });
    expect(foreign.status).toBe(404);
    const [row] = await db.select().from(customers).where(eq(customers.id, theirs.id));
    expect(row!.name).toBe("Theirs");
    const wrongType = await call(item.PUT, "PUT", { token, params: { managed_user_id: String(mine.id) }, body: { in_trial: "yes" } });
    expect(wrongType.status).toBe(400);
  });

  it("DELETE removes the customer and answers {result: ok}; another partner's customer is 404 and stays", async () => {
    const { db, acme, globex, token } = await setup();
    const mine = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
    const theirs = await createCustomer(db, globex.partner.id, globex.plans.starter.id);
    const foreign = await call(item.DELETE, "DELETE", { token, params: { managed_user_id: String(theirs.id) } });
    expect(foreign.status).toBe(404);
    expect(await db.select().from(customers).where(eq(customers.id, theirs.id))).toHaveLength(1);
    const deleted = await call(item.DELETE, "DELETE", { token, params: { managed_user_id: String(mine.id) } });
    expect(deleted).toMatchObject({ status: 200, body: { result: "ok" } });
    expect(await db.select().from(customers).where(eq(customers.id, mine.id))).toHaveLength(0);
    expect((await call(item.DELETE, "DELETE", { token, params: { managed_user_id: String(mine.id) } })).status).toBe(404);
  });
});
