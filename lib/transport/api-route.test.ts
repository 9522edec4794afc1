import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { apiClients, auditEvents, customers } from "@/db/schema";
import * as managedUsers from "@/app/api/managed_users/route";
import * as roles from "@/app/api/roles/route";
import { revokeApiClient } from "@/lib/api-clients/commands";
import { hashToken } from "@/lib/api-clients/token";
import { getDatabase } from "@/lib/db";
import { apiToken, call, clearOfMinuteEnd, expectErrorShape } from "@/tests/support/api";
import { adminContext, createPartner } from "@/tests/support/factories";

afterEach(() => {
  delete process.env.API_RATE_LIMIT_CUSTOMERS;
});

describe("the API route wrapper (rule A1)", () => {
  it("answers 401 without a token, with a malformed, unknown, revoked or expired one, and never reads the session", async () => {
    const db = getDatabase();
    const { partner, admin } = await createPartner(db);
    const token = await apiToken(partner, admin);
    for (const bad of [null, "nonsense", "pcak_unknown", `${token}x`]) {
      const response = await call(roles.GET, "GET", { token: bad });
      expect(response.status).toBe(401);
      expectErrorShape(response.body);
    }
    expect((await call(roles.GET, "GET", { token })).status).toBe(200);
    const [client] = await db
      .select()
      .from(apiClients)
      .where(eq(apiClients.tokenHash, hashToken(token)));
    await revokeApiClient(adminContext(partner, admin), client!.id);
    expect((await call(roles.GET, "GET", { token })).status).toBe(401);

    const expiring = await apiToken(partner, admin, { expiresInDays: 1 });
    await db
      .update(apiClients)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiClients.tokenHash, hashToken(expiring)));
    expect((await call(roles.GET, "GET", { token: expiring })).status).toBe(401);
  });

  it("stores only the token's hash and a short prefix, and records when it was last used", async () => {
    const db = getDatabase();
    const { partner, admin } = await createPartner(db);
    const token = await apiToken(partner, admin);
    expect(token).toMatch(/^pcak_[A-Za-z0-9_-]{43}$/);
    const [row] = await db
      .select()
      .from(apiClients)
      .where(eq(apiClients.tokenHash, hashToken(token)));
    expect(row!.tokenPrefix).toBe(token.slice(0, 11));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.lastUsedAt).toBeNull();
    await call(roles.GET, "GET", { token });
    const [used] = await db.select().from(apiClients).where(eq(apiClients.id, row!.id));
    expect(used!.lastUsedAt).not.toBeNull();
  });

  it("answers 403 when the client lacks the endpoint's scope, and a write scope includes reading", async () => {
    const db = getDatabase();
    const { partner, admin } = await createPartner(db);
    const readOnly = await apiToken(partner, admin, { scopes: ["customers:read"] });
    const denied = await call(managedUsers.POST, "POST", { token: readOnly, body: { name: "X", notification_email: "x@example.test" } });
    expect(denied.status).toBe(403);
    expectErrorShape(denied.body);
    expect(await db.select().from(customers).where(eq(customers.partnerId, partner.id))).toHaveLength(0);
    const writer = await apiToken(partner, admin, { scopes: ["customers:write"] });
    expect((await call(managedUsers.GET, "GET", { token: writer })).status).toBe(200);
  });

  it("answers 415 for a body that is not JSON, 413 past 1 MB, and 400 naming each bad field", async () => {
    const db = getDatabase();
    const { partner, admin } = await createPartner(db);
    const token = await apiToken(partner, admin);
    const notJson = await call(managedUsers.POST, "POST", { token, rawBody: "name=x", contentType: "application/x-www-form-urlencoded" });
    expect(notJson.status).toBe(415);
    expectErrorShape(notJson.body);
    const big = await call(managedUsers.POST, "POST", { token, body: { name: "x".repeat(1024 * 1024 + 1) } });
    expect(big.status).toBe(413);
    expectErrorShape(big.body);
    const malformed = await call(managedUsers.POST, "POST", { token, rawBody: '{"name": ' });
    expect(malformed.status).toBe(400);
    expectErrorShape(malformed.body);
    const wrong = await call(managedUsers.POST, "POST", { token, body: { name: 12, plan_id: "abc" } });
    expect(wrong.status).toBe(400);
    expectErrorShape(wrong.body);
    expect(Object.keys(wrong.body.errors).sort()).toEqual(["name", "notification_email", "plan_id"]);
    expect(wrong.body.message).toContain("notification_email");
    const array = await call(managedUsers.POST, "POST", { token, body: [1, 2] });
    expect(array.status).toBe(400);
    expect(await db.select().from(customers).where(eq(customers.partnerId, partner.id))).toHaveLength(0);
  });

  it("answers 429 with Retry-After past the client's rate limit, per client", async () => {
    const db = getDatabase();
    const { partner, admin } = await createPartner(db);
    process.env.API_RATE_LIMIT_CUSTOMERS = "3";
    await clearOfMinuteEnd();
    const token = await apiToken(partner, admin);
    const other = await apiToken(partner, admin);
    const statuses = [];
    for (let index = 0; index < 4; index++) statuses.push((await call(managedUsers.GET, "GET", { token })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(managedUsers.GET, "GET", { token });
    expectErrorShape(limited.body);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(managedUsers.GET, "GET", { token: other })).status).toBe(200);
  });

  it("attributes every write to the API client in the audit log", async () => {
    const db = getDatabase();
    const { partner, admin } = await createPartner(db);
    const token = await apiToken(partner, admin, { name: "CRM sync" });
    const created = await call(managedUsers.POST, "POST", { token, body: { name: "Nutech", notification_email: "ops@nutech.example" } });
    expect(created.status).toBe(201);
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, partner.id), eq(auditEvents.action, "customer.created")));
    expect(event).toMatchObject({ actingAs: "api_client", actorName: "CRM sync", actorUserId: null });
    expect(event!.actorApiClientId).toEqual(expect.any(Number));
  });
});

describe("routes without dynamic segments", () => {
  it("work when Next passes no params at all", async () => {
    const db = getDatabase();
    const { partner, admin } = await createPartner(db);
    const token = await apiToken(partner, admin);
    const response = await roles.GET(new Request("http://localhost/api/roles", { headers: { authorization: `Bearer ${token}` } }), undefined as never);
    expect(response.status).toBe(200);
  });
});
