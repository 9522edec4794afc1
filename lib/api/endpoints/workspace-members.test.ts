import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as invitation from "@/app/api/managed_users/[managed_user_id]/member_invitation/route";
import * as collection from "@/app/api/managed_users/[managed_user_id]/members/route";
import * as item from "@/app/api/managed_users/[managed_user_id]/members/[id]/route";
import { customerInvitations, customerManagers, customerMembers, roles } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { apiToken, call, expectErrorShape } from "@/tests/support/api";
import { createCustomer, createPartner, createUser } from "@/tests/support/factories";

const KEYS = ["email", "external_id", "grant_type", "id", "name", "role_name", "time_zone"];

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { externalId: "NW" });
  const foreign = await createCustomer(db, globex.partner.id, globex.plans.starter.id);
  const [admin] = await db
    .select()
    .from(roles)
    .where(and(eq(roles.name, "Admin"), eq(roles.kind, "system")));
  return { db, acme, globex, customer, foreign, adminRole: admin!, token: await apiToken(acme.partner, acme.admin) };
}

describe("customer workspace collaborators API (rule A9)", () => {
  it("adds, lists, gets, updates and removes a direct collaborator with the documented shape", async () => {
    const { db, customer, token } = await setup();
    const params = { managed_user_id: String(customer.id) };
    const added = await call(collection.POST, "POST", {
      token,
      params,
      body: { name: "Ariel", email: "ariel@nutech.example", role_name: "Admin", external_id: "U-1", time_zone: "Europe/Paris" },
    });
    expect(added.status).toBe(201);
    const member = (added.body as { result: Record<string, unknown> }).result;
    expect(Object.keys(member).sort()).toEqual(KEYS);
    expect(member).toMatchObject({
      name: "Ariel",
      email: "ariel@nutech.example",
      role_name: "Admin",
      time_zone: "Europe/Paris",
      external_id: "U-1",
      grant_type: "direct",
    });
    const id = String(member.id);

    const list = await call(collection.GET, "GET", { token, params: { managed_user_id: "ENW" } });
    expect((list.body as { result: { items: unknown[] } }).result.items).toEqual([member]);
    expect((await call(item.GET, "GET", { token, params: { ...params, id } })).body).toEqual({ result: member });

    const updated = await call(item.PUT, "PUT", { token, params: { ...params, id }, body: { role_name: "Operator", external_id: null } });
    expect((updated.body as { result: unknown }).result).toMatchObject({ role_name: "Operator", external_id: null, time_zone: "Europe/Paris" });

    const duplicate = await call(collection.POST, "POST", { token, params, body: { name: "Ariel", email: "ARIEL@nutech.example", role_name: "Admin" } });
    expect(duplicate.status).toBe(409);
    expectErrorShape(duplicate.body);

    expect((await call(item.DELETE, "DELETE", { token, params: { ...params, id } })).body).toEqual({ result: "ok" });
    expect(await db.select().from(customerMembers).where(eq(customerMembers.customerId, customer.id))).toHaveLength(0);
    expect((await call(item.GET, "GET", { token, params: { ...params, id } })).status).toBe(404);
  });

  it("lists customer managers with grant_type customer_manager, and refuses to remove them here", async () => {
    const { db, acme, customer, adminRole, token } = await setup();
    const manager = await createUser(db, { name: "Morgan" });
    await db.insert(customerManagers).values({ partnerId: acme.partner.id, userId: manager.id, roleId: adminRole.id, manageAll: true });
    const list = await call(collection.GET, "GET", { token, params: { managed_user_id: String(customer.id) } });
    expect((list.body as { result: { items: unknown[] } }).result.items).toEqual([expect.objectContaining({ id: manager.id, grant_type: "customer_manager" })]);
    const removal = await call(item.DELETE, "DELETE", { token, params: { managed_user_id: String(customer.id), id: String(manager.id) } });
    expect(removal.status).toBe(404);
  });

  it("answers 400 naming unknown roles and bad fields, and 404 for another partner's workspace, changing nothing (D8)", async () => {
    const { db, customer, foreign, token } = await setup();
    const unknownRole = await call(collection.POST, "POST", {
      token,
      params: { managed_user_id: String(customer.id) },
      body: { name: "A", email: "a@x.example", role_name: "Nope" },
    });
    expect(unknownRole.status).toBe(400);
    expectErrorShape(unknownRole.body);
    expect(unknownRole.body.errors).toHaveProperty("role_name");
    const badFields = await call(collection.POST, "POST", {
      token,
      params: { managed_user_id: String(customer.id) },
      body: { email: "nope", time_zone: "Mars/Base" },
    });
    expect(badFields.status).toBe(400);
    expectErrorShape(badFields.body);
    expect(Object.keys(badFields.body.errors).sort()).toEqual(["email", "name", "role_name", "time_zone"]);
    for (const [handler, method] of [
      [collection.GET, "GET"],
      [collection.POST, "POST"],
    ] as const) {
      const response = await call(handler, method, {
        token,
        params: { managed_user_id: String(foreign.id) },
        body: { name: "A", email: "a@x.example", role_name: "Admin" },
      });
      expect(response.status).toBe(404);
    }
    const someone = await createUser(db);
    await db.insert(customerMembers).values({
      partnerId: foreign.partnerId,
      customerId: foreign.id,
      userId: someone.id,
      roleId: (await db.select().from(roles).where(eq(roles.name, "Admin")))[0]!.id,
    });
    for (const [handler, method] of [
      [item.GET, "GET"],
      [item.PUT, "PUT"],
      [item.DELETE, "DELETE"],
    ] as const) {
      const response = await call(handler, method, {
        token,
        params: { managed_user_id: String(foreign.id), id: String(someone.id) },
        body: { role_name: "Operator" },
      });
      expect(response.status).toBe(404);
    }
    expect(await db.select().from(customerMembers).where(eq(customerMembers.customerId, foreign.id))).toHaveLength(1);
    expect(await db.select().from(customerMembers).where(eq(customerMembers.customerId, customer.id))).toHaveLength(0);
  });

  it("invites an unknown email as a pending invitation, at most once every 20 minutes, and answers {result: ok}", async () => {
    const { db, customer, token } = await setup();
    const params = { managed_user_id: String(customer.id) };
    const body = {
      name: "New Person",
      email: "new.person@nutech.example",
      env_roles: [{ environment_type: "development", name: "Admin", role_type: "privilege_group" }],
    };
    const created = await call(invitation.POST, "POST", { token, params, body });
    expect(created.body).toEqual({ result: "ok", invitation_url: expect.stringMatching(/^https?:\/\/[^/]+\/invitations\/pcinv_[\w-]{43}$/) });
    const link = (created.body as { invitation_url: string }).invitation_url.split("/invitations/")[1]!;
    const [pending] = await db.select().from(customerInvitations).where(eq(customerInvitations.customerId, customer.id));
    // Only the link's hash is kept (U19: the person joins when signing up with it).
    expect(pending).toMatchObject({ email: "new.person@nutech.example", acceptedAt: null, tokenHash: createHash("sha256").update(link).digest("hex") });
    const again = await call(invitation.POST, "POST", { token, params, body });
    expect(again.status).toBe(429);
    expectErrorShape(again.body);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
    const unknownEnvRole = await call(invitation.POST, "POST", {
      token,
      params,
      body: {
        name: "Y",
        email: "y@nutech.example",
        env_roles: [
          { environment_type: "development", name: "Admin", role_type: "privilege_group" },
          { environment_type: "test", name: "Nope", role_type: "environment" },
        ],
      },
    });
    expect(unknownEnvRole.status).toBe(400);
    expectErrorShape(unknownEnvRole.body);
    expect(unknownEnvRole.body.errors).toHaveProperty(["env_roles.1.name"]);
    const neither = await call(invitation.POST, "POST", { token, params, body: { name: "X", email: "x@nutech.example" } });
    expect(neither.status).toBe(400);
  });

  it("refuses a client without the Development environment (403)", async () => {
    const { acme, customer } = await setup();
    const token = await apiToken(acme.partner, acme.admin, { environmentTypes: ["production"] });
    const response = await call(collection.GET, "GET", { token, params: { managed_user_id: String(customer.id) } });
    expect(response.status).toBe(403);
    expectErrorShape(response.body);
  });
});
