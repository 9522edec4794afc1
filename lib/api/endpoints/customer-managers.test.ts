import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as collection from "@/app/api/customer_managers/route";
import * as item from "@/app/api/customer_managers/[id]/route";
import { apiClients, auditEvents, customerManagerCustomers, customerManagers, roles } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { assignCustomerManager } from "@/lib/customer-managers/assign";
import { listCustomerManagers } from "@/lib/customer-managers/list";
import type { RequestContext } from "@/lib/context";
import { getDatabase } from "@/lib/db";
import { apiToken, call, expectErrorShape } from "@/tests/support/api";
import { createManager, createTeamMember } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { workspaceMembership } from "@/lib/workspace-team/membership";

const { admin: ADMIN, operator: OPERATOR } = SYSTEM_ROLE_IDS;

type Manager = {
  id: number;
  user: { id: number; name: string; email: string; avatar_url: string };
  privilege_group: { id: number; name: string; system: boolean };
  moderated_workspaces: { id: number; name: string }[];
};

/** The exact keys and types of the seed's samples (rule A3). */
function expectManager(value: unknown): Manager {
  const manager = value as Manager;
  expect(Object.keys(manager).sort()).toEqual(["id", "moderated_workspaces", "privilege_group", "user"]);
  expect(typeof manager.id).toBe("number");
  expect(Object.keys(manager.user).sort()).toEqual(["avatar_url", "email", "id", "name"]);
  expect(manager.user).toEqual({ id: expect.any(Number), name: expect.any(String), email: expect.any(String), avatar_url: expect.any(String) });
  expect(Object.keys(manager.privilege_group).sort()).toEqual(["id", "name", "system"]);
  expect(manager.privilege_group).toEqual({ id: expect.any(Number), name: expect.any(String), system: expect.any(Boolean) });
  expect(Array.isArray(manager.moderated_workspaces)).toBe(true);
  for (const workspace of manager.moderated_workspaces) {
    expect(Object.keys(workspace).sort()).toEqual(["id", "name"]);
    expect(workspace).toEqual({ id: expect.any(Number), name: expect.any(String) });
  }
  return manager;
}

const resultOf = (response: { body: unknown }) => expectManager((response.body as { result: unknown }).result);

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  const alex = await createTeamMember(db, acme.partner.id, { name: "Alex" });
  const nutech = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Nutech" });
  const acmeUsa = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "ACME USA" });
  const foreign = await createCustomer(db, globex.partner.id, globex.plans.starter.id, { name: "Globex customer" });
  const token = await apiToken(acme.partner, acme.admin);
  return { db, acme, globex, alex, nutech, acmeUsa, foreign, token };
}

/** Every manager row and chosen customer of a partner, to show that a refused request wrote nothing. */
async function snapshot(partnerId: number) {
  const db = getDatabase();
  return {
    managers: await db.select().from(customerManagers).where(eq(customerManagers.partnerId, partnerId)).orderBy(customerManagers.id),
    chosen: await db
      .select()
      .from(customerManagerCustomers)
      .where(eq(customerManagerCustomers.partnerId, partnerId))
      .orderBy(customerManagerCustomers.customerId),
    audit: (await db.select().from(auditEvents).where(eq(auditEvents.partnerId, partnerId))).length,
  };
}

describe("customer managers API", () => {
  it("POST with the seed's sample (numbers) answers {result: manager} with the chosen workspaces (rules A3, A4)", async () => {
    const { alex, nutech, token } = await setup();
    const created = await call(collection.POST, "POST", {
      token,
      body: { team_collaborator_id: alex.id, role_id: ADMIN, permitted_workspace_ids: [nutech.id] },
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body as object)).toEqual(["result"]);
    const manager = resultOf(created);
    expect(manager).toEqual({
      id: expect.any(Number),
      user: { id: alex.id, name: "Alex", email: alex.email, avatar_url: "" },
      privilege_group: { id: ADMIN, name: "Admin", system: true },
      moderated_workspaces: [{ id: nutech.id, name: "Nutech" }],
    });
  });

  it("POST takes IDs as strings of digits too (rule A8)", async () => {
    const { alex, nutech, acmeUsa, token } = await setup();
    const created = await call(collection.POST, "POST", {
      token,
      body: { team_collaborator_id: String(alex.id), role_id: "2", permitted_workspace_ids: [String(nutech.id), acmeUsa.id] },
    });
    expect(created.status).toBe(201);
    expect(resultOf(created).moderated_workspaces).toEqual([
      { id: acmeUsa.id, name: "ACME USA" },
      { id: nutech.id, name: "Nutech" },
    ]);
  });

  it("POST with permitted_workspace_ids [] or omitted makes a manager of all workspaces, shown as [] (rule A6)", async () => {
    const { db, acme, alex, token } = await setup();
    const sam = await createTeamMember(db, acme.partner.id, { name: "Sam" });
    const empty = await call(collection.POST, "POST", { token, body: { team_collaborator_id: alex.id, role_id: ADMIN, permitted_workspace_ids: [] } });
    const omitted = await call(collection.POST, "POST", { token, body: { team_collaborator_id: sam.id, role_id: OPERATOR } });
    for (const response of [empty, omitted]) {
      expect(response.status).toBe(201);
      const manager = resultOf(response);
      expect(manager.moderated_workspaces).toEqual([]);
      const [row] = await db.select().from(customerManagers).where(eq(customerManagers.id, manager.id));
      expect(row!.manageAll).toBe(true);
    }
  });

  it("GET lists every manager of the partner and none of another's, chosen workspaces in full, all as [] (rules A2, A3, A6)", async () => {
    const { db, acme, globex, alex, nutech, acmeUsa, foreign, token } = await setup();
    const extra = [];
    // More than the console table's first few names: the API lists them all.
    for (let index = 0; index < 4; index += 1) extra.push(await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: `Extra ${index}` }));
    const chosen = await createManager(db, acme.partner.id, ADMIN, [nutech.id, acmeUsa.id, ...extra.map((customer) => customer.id)], "Bea");
    await db.insert(customerManagers).values({ partnerId: acme.partner.id, userId: alex.id, roleId: OPERATOR, manageAll: true });
    await createManager(db, globex.partner.id, ADMIN, [foreign.id], "Globex manager");

    const listed = await call(collection.GET, "GET", { token });
    expect(listed.status).toBe(200);
    const body = listed.body as { result: { items: unknown[] } };
    expect(Object.keys(body)).toEqual(["result"]);
    expect(Object.keys(body.result)).toEqual(["items"]);
    const items = body.result.items.map(expectManager);
    expect(items.map((manager) => manager.user.name)).toEqual(["Alex", "Bea"]);
    expect(items[0]).toMatchObject({ user: { id: alex.id }, privilege_group: { id: OPERATOR, name: "Operator", system: true }, moderated_workspaces: [] });
    expect(items[1]!.id).toBe(chosen.assignment.id);
    expect(items[1]!.moderated_workspaces.map((workspace) => workspace.id).sort()).toEqual([nutech.id, acmeUsa.id, ...extra.map((c) => c.id)].sort());
  });

  it("GET shows an inheritable role as system: false", async () => {
    const { db, acme, alex, nutech, token } = await setup();
    const [role] = await db.insert(roles).values({ partnerId: acme.partner.id, name: "Customer Admin", kind: "inheritable" }).returning();
    const created = await call(collection.POST, "POST", {
      token,
      body: { team_collaborator_id: alex.id, role_id: String(role!.id), permitted_workspace_ids: [nutech.id] },
    });
    expect(resultOf(created).privilege_group).toEqual({ id: role!.id, name: "Customer Admin", system: false });
    const listed = await call(collection.GET, "GET", { token });
    expect((listed.body as { result: { items: Manager[] } }).result.items[0]!.privilege_group.system).toBe(false);
  });

  it("PUT with the seed's sample (role_id as a string) changes role and workspaces, from chosen to all and back (rules A5, A6, A8)", async () => {
    const { db, alex, nutech, acmeUsa, token } = await setup();
    const created = resultOf(
      await call(collection.POST, "POST", { token, body: { team_collaborator_id: alex.id, role_id: OPERATOR, permitted_workspace_ids: [nutech.id] } }),
    );
    const params = { id: String(created.id) };

    const sample = await call(item.PUT, "PUT", { token, params, body: { role_id: "2", permitted_workspace_ids: [acmeUsa.id, nutech.id] } });
    expect(sample.status).toBe(200);
    expect(Object.keys(sample.body as object)).toEqual(["result"]);
    expect(resultOf(sample)).toEqual({
      id: created.id,
      user: created.user,
      privilege_group: { id: ADMIN, name: "Admin", system: true },
      moderated_workspaces: [
        { id: acmeUsa.id, name: "ACME USA" },
        { id: nutech.id, name: "Nutech" },
      ],
    });

    const toAllEmpty = await call(item.PUT, "PUT", { token, params, body: { role_id: ADMIN, permitted_workspace_ids: [] } });
    expect(resultOf(toAllEmpty).moderated_workspaces).toEqual([]);
    expect(await db.select().from(customerManagerCustomers).where(eq(customerManagerCustomers.customerManagerId, created.id))).toEqual([]);

    const back = await call(item.PUT, "PUT", { token, params, body: { role_id: OPERATOR, permitted_workspace_ids: [String(nutech.id)] } });
    expect(resultOf(back)).toMatchObject({ privilege_group: { id: OPERATOR }, moderated_workspaces: [{ id: nutech.id, name: "Nutech" }] });

    const toAllOmitted = await call(item.PUT, "PUT", { token, params, body: { role_id: OPERATOR } });
    expect(resultOf(toAllOmitted).moderated_workspaces).toEqual([]);
    const [row] = await db.select().from(customerManagers).where(eq(customerManagers.id, created.id));
    expect(row).toMatchObject({ manageAll: true, roleId: OPERATOR });
  });

  it('DELETE answers {result: "ok"} and the manager is gone (rule A7)', async () => {
    const { db, alex, nutech, token } = await setup();
    const created = resultOf(
      await call(collection.POST, "POST", { token, body: { team_collaborator_id: alex.id, role_id: ADMIN, permitted_workspace_ids: [nutech.id] } }),
    );
    const deleted = await call(item.DELETE, "DELETE", { token, params: { id: String(created.id) } });
    expect(deleted).toMatchObject({ status: 200, body: { result: "ok" } });
    expect(await db.select().from(customerManagers).where(eq(customerManagers.id, created.id))).toEqual([]);
    const again = await call(item.DELETE, "DELETE", { token, params: { id: String(created.id) } });
    expect(again.status).toBe(404);
    expectErrorShape(again.body);
  });

  it("answers 400 naming each missing or malformed field, writing nothing", async () => {
    const { acme, alex, nutech, token } = await setup();
    const before = await snapshot(acme.partner.id);
    const cases: [unknown, string[]][] = [
      [{}, ["role_id", "team_collaborator_id"]],
      [{ team_collaborator_id: alex.id }, ["role_id"]],
      [{ team_collaborator_id: "abc", role_id: ADMIN }, ["team_collaborator_id"]],
      [{ team_collaborator_id: alex.id, role_id: 2.5 }, ["role_id"]],
      [{ team_collaborator_id: alex.id, role_id: ADMIN, permitted_workspace_ids: String(nutech.id) }, ["permitted_workspace_ids"]],
      [{ team_collaborator_id: alex.id, role_id: ADMIN, permitted_workspace_ids: [nutech.id, "x"] }, ["permitted_workspace_ids.1"]],
    ];
    for (const [body, fields] of cases) {
      const response = await call(collection.POST, "POST", { token, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expectErrorShape(response.body);
      expect(Object.keys(response.body.errors).sort(), JSON.stringify(body)).toEqual(fields);
      for (const field of fields) expect(response.body.message).toContain(field);
    }
    const created = resultOf(await call(collection.POST, "POST", { token, body: { team_collaborator_id: alex.id, role_id: ADMIN } }));
    const put = await call(item.PUT, "PUT", { token, params: { id: String(created.id) }, body: { permitted_workspace_ids: [nutech.id] } });
    expect(put.status).toBe(400);
    expectErrorShape(put.body);
    expect(Object.keys(put.body.errors)).toEqual(["role_id"]);
    const after = await snapshot(acme.partner.id);
    expect(after.managers).toHaveLength(before.managers.length + 1);
  });

  it("answers 400 for an unknown or another partner's person, role or workspace in the body, writing nothing (decision D8)", async () => {
    const { db, acme, globex, alex, nutech, foreign, token } = await setup();
    const [globexRole] = await db.insert(roles).values({ partnerId: globex.partner.id, name: "Globex role", kind: "inheritable" }).returning();
    const globexMember = await createTeamMember(db, globex.partner.id);
    const cases: [Record<string, unknown>, string][] = [
      [{ team_collaborator_id: 2_000_000_000, role_id: ADMIN }, "team_collaborator_id"],
      [{ team_collaborator_id: globexMember.id, role_id: ADMIN }, "team_collaborator_id"],
      [{ team_collaborator_id: alex.id, role_id: 999_999 }, "role_id"],
      [{ team_collaborator_id: alex.id, role_id: globexRole!.id }, "role_id"],
      [{ team_collaborator_id: alex.id, role_id: ADMIN, permitted_workspace_ids: [nutech.id, 2_000_000_000] }, "permitted_workspace_ids"],
      [{ team_collaborator_id: alex.id, role_id: ADMIN, permitted_workspace_ids: [nutech.id, foreign.id] }, "permitted_workspace_ids"],
    ];
    const before = await snapshot(acme.partner.id);
    const globexBefore = await snapshot(globex.partner.id);
    const answers = [];
    for (const [body, field] of cases) {
      const response = await call(collection.POST, "POST", { token, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expectErrorShape(response.body);
      expect(Object.keys(response.body.errors), JSON.stringify(body)).toEqual([field]);
      answers.push(response.body);
    }
    // Another partner's workspace answers exactly like one that does not exist.
    expect(answers[5]).toEqual(answers[4]);
    expect(answers[3]).toEqual(answers[2]);
    expect(answers[1]).toEqual(answers[0]);
    expect(await snapshot(acme.partner.id)).toEqual(before);
    expect(await snapshot(globex.partner.id)).toEqual(globexBefore);

    const created = resultOf(
      await call(collection.POST, "POST", { token, body: { team_collaborator_id: alex.id, role_id: ADMIN, permitted_workspace_ids: [nutech.id] } }),
    );
    const afterCreate = await snapshot(acme.partner.id);
    for (const body of [{ role_id: ADMIN, permitted_workspace_ids: [foreign.id] }, { role_id: globexRole!.id }]) {
      const response = await call(item.PUT, "PUT", { token, params: { id: String(created.id) }, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expectErrorShape(response.body);
    }
    expect(await snapshot(acme.partner.id)).toEqual(afterCreate);
  });

  it("answers 409 for a person who is already a customer manager, writing nothing", async () => {
    const { acme, alex, nutech, token } = await setup();
    await call(collection.POST, "POST", { token, body: { team_collaborator_id: alex.id, role_id: ADMIN, permitted_workspace_ids: [nutech.id] } });
    const before = await snapshot(acme.partner.id);
    const again = await call(collection.POST, "POST", { token, body: { team_collaborator_id: String(alex.id), role_id: OPERATOR } });
    expect(again.status).toBe(409);
    expectErrorShape(again.body);
    expect(Object.keys(again.body.errors)).toEqual(["team_collaborator_id"]);
    expect(await snapshot(acme.partner.id)).toEqual(before);
  });

  it("answers 404 for another partner's manager on PUT and DELETE, and for unknown or malformed IDs, changing nothing (decision D8)", async () => {
    const { db, globex, foreign, token } = await setup();
    const theirs = await createManager(db, globex.partner.id, OPERATOR, [foreign.id], "Globex manager");
    const before = await snapshot(globex.partner.id);
    for (const id of [String(theirs.assignment.id), "2000000000", "0", "abc", "99999999999"]) {
      const put = await call(item.PUT, "PUT", { token, params: { id }, body: { role_id: ADMIN } });
      const del = await call(item.DELETE, "DELETE", { token, params: { id } });
      for (const response of [put, del]) {
        expect(response.status, id).toBe(404);
        expectErrorShape(response.body);
      }
    }
    // The other partner's manager answers exactly like one that does not exist.
    for (const [method, handler] of [
      ["PUT", item.PUT],
      ["DELETE", item.DELETE],
    ] as const) {
      const theirsAnswer = await call(handler, method, { token, params: { id: String(theirs.assignment.id) }, body: { role_id: ADMIN } });
      const unknownAnswer = await call(handler, method, { token, params: { id: "2000000000" }, body: { role_id: ADMIN } });
      expect(theirsAnswer.body).toEqual(unknownAnswer.body);
    }
    // GET lists only the caller's partner: the other partner's manager is not there.
    const listed = await call(collection.GET, "GET", { token });
    expect((listed.body as { result: { items: unknown[] } }).result.items).toEqual([]);
    // POST naming the other partner's team member and workspace is refused the same way as unknown ones (above).
    const post = await call(collection.POST, "POST", {
      token,
      body: { team_collaborator_id: theirs.user.id, role_id: ADMIN, permitted_workspace_ids: [foreign.id] },
    });
    expect(post.status).toBe(400);
    expect(await snapshot(globex.partner.id)).toEqual(before);
  });

  it("checks the scopes: customer_managers:read for GET, customer_managers:write for the rest; no token is 401", async () => {
    const { db, acme, alex, token } = await setup();
    const reader = await apiToken(acme.partner, acme.admin, { name: "Reader", scopes: ["customer_managers:read"] });
    const other = await apiToken(acme.partner, acme.admin, { name: "Customers only", scopes: ["customers:write"] });
    const { assignment } = await createManager(db, acme.partner.id, ADMIN, []);
    expect((await call(collection.GET, "GET", { token: reader })).status).toBe(200);
    expect((await call(collection.GET, "GET", { token: other })).status).toBe(403);
    expect((await call(collection.GET, "GET", {})).status).toBe(401);
    const before = await snapshot(acme.partner.id);
    for (const response of [
      await call(collection.POST, "POST", { token: reader, body: { team_collaborator_id: alex.id, role_id: ADMIN } }),
      await call(item.PUT, "PUT", { token: reader, params: { id: String(assignment.id) }, body: { role_id: OPERATOR } }),
      await call(item.DELETE, "DELETE", { token: reader, params: { id: String(assignment.id) } }),
    ]) {
      expect(response.status).toBe(403);
      expectErrorShape(response.body);
    }
    // The command checks the scope itself, so a caller that skips the route's check is refused too.
    const readOnlyClient: RequestContext = {
      ...adminContext(acme.partner, acme.admin),
      actor: { kind: "api_client", apiClientId: 1, name: "Reader", scopes: ["customer_managers:read"] },
    };
    await expect(assignCustomerManager(readOnlyClient, { userId: alex.id, roleId: ADMIN, customerIds: "all" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await snapshot(acme.partner.id)).toEqual(before);
    expect((await call(collection.GET, "GET", { token })).status).toBe(200);
  });

  it("a manager made through the API is the console's: same list row, same memberships, audited as the API client", async () => {
    const { db, acme, alex, nutech, acmeUsa, token } = await setup();
    const created = resultOf(
      await call(collection.POST, "POST", { token, body: { team_collaborator_id: alex.id, role_id: "2", permitted_workspace_ids: [nutech.id] } }),
    );

    const console = await listCustomerManagers(adminContext(acme.partner, acme.admin), { q: "" });
    expect(console).toHaveLength(1);
    expect(console[0]).toMatchObject({
      id: created.id,
      user: { id: alex.id },
      role: { id: ADMIN, name: "Admin" },
      manageAll: false,
      customerCount: 1,
      firstCustomers: [{ id: nutech.id, name: "Nutech" }],
    });
    expect(await workspaceMembership(db, acme.partner.id, nutech.id, alex.id)).toMatchObject({
      roleName: "Admin",
      source: "customer_manager",
      isCustomerManager: true,
    });
    expect(await workspaceMembership(db, acme.partner.id, acmeUsa.id, alex.id)).toBeNull();

    await call(item.PUT, "PUT", { token, params: { id: String(created.id) }, body: { role_id: OPERATOR, permitted_workspace_ids: [] } });
    expect(await workspaceMembership(db, acme.partner.id, acmeUsa.id, alex.id)).toMatchObject({ roleName: "Operator", source: "customer_manager" });
    await call(item.DELETE, "DELETE", { token, params: { id: String(created.id) } });
    expect(await workspaceMembership(db, acme.partner.id, nutech.id, alex.id)).toBeNull();

    const [client] = await db.select().from(apiClients).where(eq(apiClients.partnerId, acme.partner.id));
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, acme.partner.id), eq(auditEvents.targetType, "customer_manager")))
      .orderBy(auditEvents.id);
    expect(events.map((event) => event.action)).toEqual(["customer_manager.assign", "customer_manager.update", "customer_manager.remove"]);
    for (const event of events) {
      expect(event).toMatchObject({ actingAs: "api_client", actorApiClientId: client!.id, targetId: String(created.id) });
    }
    expect(events[1]!.changes).toMatchObject({ role: { from: "Admin", to: "Operator" }, customers: { from: "1 customer", to: "All customers" } });
  });
});
