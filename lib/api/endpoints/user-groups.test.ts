import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as collection from "@/app/api/managed_users/[managed_user_id]/user_groups/route";
import * as item from "@/app/api/managed_users/[managed_user_id]/user_groups/[id]/route";
import * as groupMembers from "@/app/api/managed_users/[managed_user_id]/user_groups/[id]/members/route";
import * as groupGrants from "@/app/api/managed_users/[managed_user_id]/user_groups/[id]/project_grants/route";
import { auditEvents, projectGrants, userGroupMembers, userGroups } from "@/db/schema";
import { accessControlFixture } from "@/tests/support/access-control-fixture";
import { apiToken, call, expectErrorShape } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";

const GROUP_KEYS = ["created_at", "description", "id", "members_count", "name", "updated_at"];
const GRANT_KEYS = ["id", "project", "project_role", "user", "user_group"];

describe("collaborator groups API (rule A9)", () => {
  it("creates, lists, gets, updates and deletes a group with the documented shapes, audited as the API client", async () => {
    const { db, ours, token } = await accessControlFixture();
    const params = { managed_user_id: String(ours.customer.id) };
    const created = await call(collection.POST, "POST", { token, params, body: { name: "Builders", description: "Recipe builders" } });
    expect(created.status).toBe(201);
    const group = (created.body as { data: Record<string, unknown> }).data;
    expect(Object.keys(group).sort()).toEqual(GROUP_KEYS);
    expect(group).toMatchObject({ name: "Builders", description: "Recipe builders", members_count: 0 });
    expect(typeof group.id).toBe("number");

    const list = await call(collection.GET, "GET", { token, params: { managed_user_id: `E${ours.customer.externalId}` }, query: "page[size]=1" });
    const page = list.body as { data: Record<string, unknown>[]; total: number; page: unknown };
    expect(Object.keys(page).sort()).toEqual(["data", "page", "total"]);
    expect(page).toMatchObject({ total: 2, page: { number: 1, size: 1 } });
    expect(page.data).toEqual([group]);
    const named = await call(collection.GET, "GET", { token, params, query: "name=review" });
    expect((named.body as { data: { name: string }[] }).data.map((entry) => entry.name)).toEqual(["Reviewers"]);
    expect((await call(collection.GET, "GET", { token, params, query: "page[size]=101" })).status).toBe(400);

    const id = String(group.id);
    expect((await call(item.GET, "GET", { token, params: { ...params, id } })).body).toEqual({ data: group });
    const renamed = await call(item.PUT, "PUT", { token, params: { ...params, id }, body: { name: "Makers" } });
    expect((renamed.body as { data: unknown }).data).toMatchObject({ name: "Makers", description: "Recipe builders" });

    const clash = await call(collection.POST, "POST", { token, params, body: { name: "reviewers" } });
    expect(clash.status).toBe(409);
    expectErrorShape(clash.body);
    expect(clash.body.errors).toHaveProperty("name");
    expect((await call(item.PUT, "PUT", { token, params: { ...params, id }, body: { name: "REVIEWERS" } })).status).toBe(409);

    const invalid = await call(collection.POST, "POST", { token, params, body: { name: "", description: 5 } });
    expect(invalid.status).toBe(400);
    expectErrorShape(invalid.body);
    expect(Object.keys(invalid.body.errors).sort()).toEqual(["description", "name"]);

    expect((await call(item.DELETE, "DELETE", { token, params: { ...params, id } })).body).toEqual({ result: "ok" });
    expect((await call(item.GET, "GET", { token, params: { ...params, id } })).status).toBe(404);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, "user_group"), eq(auditEvents.targetId, id)));
    expect(events.map((event) => event.action).sort()).toEqual(["user_group.created", "user_group.deleted", "user_group.updated"]);
    expect(events.every((event) => event.actingAs === "api_client" && event.actorApiClientId !== null && event.customerId === ours.customer.id)).toBe(true);
  });

  it("lists, adds and removes members by user IDs given as numbers or digit strings (rule A8)", async () => {
    const { db, ours, token } = await accessControlFixture();
    const params = { managed_user_id: String(ours.customer.id), id: String(ours.group.id) };
    const added = await call(groupMembers.POST, "POST", { token, params, body: { user_ids: [ours.admin.id, String(ours.operator.id)] } });
    expect(added.status).toBe(200);
    expect((added.body as { data: { members_count: number } }).data.members_count).toBe(2);
    // The collection counts every group's members in one query: this group's two, and none for a new one.
    await call(collection.POST, "POST", { token, params: { managed_user_id: params.managed_user_id }, body: { name: "Empty group" } });
    const groups = await call(collection.GET, "GET", { token, params: { managed_user_id: params.managed_user_id } });
    const counts = Object.fromEntries(
      (groups.body as { data: { id: number; name: string; members_count: number }[] }).data.map((group) => [group.name, group.members_count]),
    );
    expect(counts).toMatchObject({ [ours.group.name]: 2, "Empty group": 0 });

    const list = await call(groupMembers.GET, "GET", { token, params });
    const page = list.body as { data: Record<string, unknown>[]; total: number };
    expect(page.total).toBe(2);
    for (const member of page.data) expect(Object.keys(member).sort()).toEqual(["email", "id", "name"]);
    const filtered = await call(groupMembers.GET, "GET", { token, params, query: "text=olly" });
    expect((filtered.body as { data: { id: number }[] }).data.map((member) => member.id)).toEqual([ours.operator.id]);

    const stranger = await createUser(db);
    const notCollaborator = await call(groupMembers.POST, "POST", { token, params, body: { user_ids: [ours.admin.id, stranger.id] } });
    expect(notCollaborator.status).toBe(400);
    expectErrorShape(notCollaborator.body);
    expect(notCollaborator.body.errors).toHaveProperty(["user_ids.1"]);
    const badType = await call(groupMembers.POST, "POST", { token, params, body: { user_ids: ["x"] } });
    expect(badType.status).toBe(400);
    expectErrorShape(badType.body);
    expect(badType.body.errors).toHaveProperty(["user_ids.0"]);

    const notInGroup = await call(groupMembers.DELETE, "DELETE", { token, params, body: { user_ids: [ours.admin.id, stranger.id] } });
    expect(notInGroup.status).toBe(400);
    expect(await db.select().from(userGroupMembers).where(eq(userGroupMembers.userGroupId, ours.group.id))).toHaveLength(2);
    const removed = await call(groupMembers.DELETE, "DELETE", { token, params, body: { user_ids: [String(ours.admin.id)] } });
    expect((removed.body as { data: { members_count: number } }).data.members_count).toBe(1);
    expect((await call(groupMembers.DELETE, "DELETE", { token, params })).status).toBe(400);
  });

  it("lists a group's project grants, only in the environments and projects the client may reach (rule A10)", async () => {
    const { acme, ours, token } = await accessControlFixture();
    const params = { managed_user_id: String(ours.customer.id), id: String(ours.group.id) };
    const all = await call(groupGrants.GET, "GET", { token, params });
    const page = all.body as { data: Record<string, unknown>[]; total: number };
    expect(page.total).toBe(1);
    expect(Object.keys(page.data[0]!).sort()).toEqual(GRANT_KEYS);
    expect(page.data[0]).toMatchObject({
      id: ours.grants.groupGrant.id,
      user: null,
      user_group: { id: ours.group.id, name: "Reviewers" },
      project: { name: "Billing", environment: { type: "test" } },
    });
    const devOnly = await apiToken(acme.partner, acme.admin, { environmentTypes: ["development"] });
    expect((await call(groupGrants.GET, "GET", { token: devOnly, params })).body).toMatchObject({ data: [], total: 0 });
  });

  it("answers 404 for another partner's workspace or group on every route, changing nothing (D8)", async () => {
    const { db, ours, theirs, token } = await accessControlFixture();
    for (const managed_user_id of [String(theirs.customer.id), String(ours.customer.id)]) {
      const params = { managed_user_id, id: String(theirs.group.id) };
      expect((await call(item.GET, "GET", { token, params })).status).toBe(404);
      expect((await call(item.PUT, "PUT", { token, params, body: { name: "Hijacked" } })).status).toBe(404);
      expect((await call(item.DELETE, "DELETE", { token, params })).status).toBe(404);
      expect((await call(groupMembers.GET, "GET", { token, params })).status).toBe(404);
      expect((await call(groupMembers.POST, "POST", { token, params, body: { user_ids: [ours.admin.id] } })).status).toBe(404);
      expect((await call(groupMembers.DELETE, "DELETE", { token, params, body: { user_ids: [theirs.operator.id] } })).status).toBe(404);
      const missing = await call(groupGrants.GET, "GET", { token, params });
      expect(missing.status).toBe(404);
      expectErrorShape(missing.body);
    }
    expect((await call(collection.GET, "GET", { token, params: { managed_user_id: String(theirs.customer.id) } })).status).toBe(404);
    expect((await call(collection.POST, "POST", { token, params: { managed_user_id: String(theirs.customer.id) }, body: { name: "X" } })).status).toBe(404);
    const [after] = await db.select().from(userGroups).where(eq(userGroups.id, theirs.group.id));
    expect(after!.name).toBe("Reviewers");
    expect(await db.select().from(userGroupMembers).where(eq(userGroupMembers.userGroupId, theirs.group.id))).toHaveLength(1);
    expect(await db.select().from(userGroups).where(eq(userGroups.customerId, theirs.customer.id))).toHaveLength(1);
    expect(await db.select().from(projectGrants).where(eq(projectGrants.userGroupId, theirs.group.id))).toHaveLength(1);
  });

  it("answers 401 without a token and 403 without the write permission or the Development environment", async () => {
    const { acme, ours } = await accessControlFixture();
    const params = { managed_user_id: String(ours.customer.id) };
    const anonymous = await call(collection.GET, "GET", { params });
    expect(anonymous.status).toBe(401);
    expectErrorShape(anonymous.body);
    const readOnly = await apiToken(acme.partner, acme.admin, { scopes: ["collaborators:read"] });
    expect((await call(collection.GET, "GET", { token: readOnly, params })).status).toBe(200);
    const refused = await call(collection.POST, "POST", { token: readOnly, params, body: { name: "X" } });
    expect(refused.status).toBe(403);
    expectErrorShape(refused.body);
    const noDev = await apiToken(acme.partner, acme.admin, { environmentTypes: ["test"] });
    expect((await call(collection.GET, "GET", { token: noDev, params })).status).toBe(403);
  });
});
