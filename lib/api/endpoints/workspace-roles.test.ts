import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as envCollection from "@/app/api/managed_users/[managed_user_id]/environment_roles/route";
import * as envItem from "@/app/api/managed_users/[managed_user_id]/environment_roles/[id]/route";
import * as projectCollection from "@/app/api/managed_users/[managed_user_id]/project_roles/route";
import * as projectItem from "@/app/api/managed_users/[managed_user_id]/project_roles/[id]/route";
import { environmentRoles, projectRoles } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { apiToken, call, expectErrorShape } from "@/tests/support/api";
import { createCustomer, createPartner } from "@/tests/support/factories";

const ROLE_KEYS = ["created_at", "id", "members_count", "name", "permissions", "type", "updated_at"];

describe.each([
  { family: "environment", collection: envCollection, item: envItem, table: environmentRoles },
  { family: "project", collection: projectCollection, item: projectItem, table: projectRoles },
] as const)("$family roles API (rule A9)", ({ collection, item, table }) => {
  it("lists system, inherited and custom roles with the documented page shape, and does CRUD on custom ones", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
    const foreign = await createCustomer(db, globex.partner.id, globex.plans.starter.id);
    await db.insert(table).values([
      { partnerId: acme.partner.id, name: "Acme Inheritable", kind: "inheritable" },
      { partnerId: globex.partner.id, name: "Globex Inheritable", kind: "inheritable" },
      { partnerId: globex.partner.id, customerId: foreign.id, name: "Globex Custom", kind: "custom" },
    ]);
    const token = await apiToken(acme.partner, acme.admin);
    const params = { managed_user_id: String(customer.id) };

    const created = await call(collection.POST, "POST", { token, params, body: { name: "Reviewer", permissions: ["recipes.read"] } });
    expect(created.status).toBe(201);
    const role = (created.body as { data: Record<string, unknown> }).data;
    expect(Object.keys(role).sort()).toEqual(ROLE_KEYS);
    expect(role).toMatchObject({ name: "Reviewer", type: "custom", permissions: ["recipes.read"], members_count: 0 });

    const list = await call(collection.GET, "GET", { token, params, query: "page[size]=100" });
    const body = list.body as { data: { name: string; type: string }[]; total: number; page: { number: number; size: number } };
    expect(Object.keys(body).sort()).toEqual(["data", "page", "total"]);
    expect(body.page).toEqual({ number: 1, size: 100 });
    expect(body.data.find((entry) => entry.name === "Acme Inheritable")?.type).toBe("inherited");
    expect(body.data.map((entry) => entry.name)).not.toContain("Globex Inheritable");
    expect(body.data.map((entry) => entry.name)).not.toContain("Globex Custom");
    expect(body.total).toBe(body.data.length);
    expect((await call(collection.GET, "GET", { token, params, query: "page[size]=101" })).status).toBe(400);

    const id = String(role.id);
    const renamed = await call(item.PUT, "PUT", { token, params: { ...params, id }, body: { name: "Auditor" } });
    expect((renamed.body as { data: unknown }).data).toMatchObject({ name: "Auditor", permissions: ["recipes.read"] });
    const clash = await call(collection.POST, "POST", { token, params, body: { name: "auditor" } });
    expect(clash.status).toBe(409);
    expectErrorShape(clash.body);

    const inherited = body.data.find((entry) => entry.name === "Acme Inheritable") as unknown as { id: number };
    const locked = await call(item.PUT, "PUT", { token, params: { ...params, id: String(inherited.id) }, body: { name: "Mine now" } });
    expect(locked.status).toBe(403);
    expectErrorShape(locked.body);

    expect((await call(item.DELETE, "DELETE", { token, params: { ...params, id } })).body).toEqual({ result: "ok" });
    expect((await call(item.GET, "GET", { token, params: { ...params, id } })).status).toBe(404);
  });

  it("answers 404 for another partner's workspace or role, changing nothing (D8)", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
    const foreign = await createCustomer(db, globex.partner.id, globex.plans.starter.id);
    const [theirs] = await db.insert(table).values({ partnerId: globex.partner.id, customerId: foreign.id, name: "Theirs", kind: "custom" }).returning();
    const token = await apiToken(acme.partner, acme.admin);
    for (const managed_user_id of [String(foreign.id), String(customer.id)]) {
      const params = { managed_user_id, id: String(theirs!.id) };
      expect((await call(item.GET, "GET", { token, params })).status).toBe(404);
      expect((await call(item.PUT, "PUT", { token, params, body: { name: "Hijacked" } })).status).toBe(404);
      expect((await call(item.DELETE, "DELETE", { token, params })).status).toBe(404);
    }
    expect((await call(collection.GET, "GET", { token, params: { managed_user_id: String(foreign.id) } })).status).toBe(404);
    expect((await call(collection.POST, "POST", { token, params: { managed_user_id: String(foreign.id) }, body: { name: "X" } })).status).toBe(404);
    const [after] = await db.select().from(table).where(eq(table.id, theirs!.id));
    expect(after!.name).toBe("Theirs");
  });
});
