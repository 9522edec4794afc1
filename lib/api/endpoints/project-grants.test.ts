import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as asPrinted from "@/app/api/managed_users/[managed_user_id]/[id]/project_grants/route";
import * as grantItem from "@/app/api/managed_users/[managed_user_id]/project_grants/[id]/route";
import * as projectGrantsRoute from "@/app/api/managed_users/[managed_user_id]/projects/[id]/project_grants/route";
import { auditEvents, projectGrants, projectRoles } from "@/db/schema";
import { accessControlFixture } from "@/tests/support/access-control-fixture";
import { apiToken, call, expectErrorShape } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";

const GRANT_KEYS = ["id", "project", "project_role", "user", "user_group"];

describe("project grants API (rules A9, A10)", () => {
  it("gets a grant with the documented shape, changes its role and deletes it, audited as the API client", async () => {
    const { db, ours, token, projectRoleIds } = await accessControlFixture();
    const params = { managed_user_id: String(ours.customer.id), id: String(ours.grants.adminGrant.id) };
    const got = await call(grantItem.GET, "GET", { token, params });
    const grant = (got.body as { data: Record<string, unknown> }).data;
    expect(Object.keys(got.body as object)).toEqual(["data"]);
    expect(Object.keys(grant).sort()).toEqual(GRANT_KEYS);
    expect(grant).toEqual({
      id: ours.grants.adminGrant.id,
      project: { id: ours.projects.devSync.id, name: "Data sync", environment: { id: ours.environments.dev.id, type: "development" } },
      project_role: { id: projectRoleIds.builder, name: "Builder" },
      user_group: null,
      user: { id: ours.admin.id, name: ours.admin.name, email: ours.admin.email },
    });

    const updated = await call(grantItem.PUT, "PUT", { token, params, body: { project_role_id: String(projectRoleIds.projectAdmin) } });
    expect((updated.body as { data: unknown }).data).toEqual({ ...grant, project_role: { id: projectRoleIds.projectAdmin, name: "Project admin" } });
    const unknownRole = await call(grantItem.PUT, "PUT", { token, params, body: { project_role_id: 999_999 } });
    expect(unknownRole.status).toBe(400);
    expectErrorShape(unknownRole.body);
    expect(unknownRole.body.errors).toHaveProperty("project_role_id");
    const missingRole = await call(grantItem.PUT, "PUT", { token, params, body: {} });
    expect(missingRole.status).toBe(400);
    expect((missingRole.body as { errors: object }).errors).toHaveProperty("project_role_id");

    expect((await call(grantItem.DELETE, "DELETE", { token, params })).body).toEqual({ result: "ok" });
    expect((await call(grantItem.GET, "GET", { token, params })).status).toBe(404);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, "project_grant"), eq(auditEvents.targetId, params.id)));
    expect(events.map((event) => event.action).sort()).toEqual(["project_grant.deleted", "project_grant.updated"]);
    expect(events.every((event) => event.actingAs === "api_client" && event.customerId === ours.customer.id)).toBe(true);
  });

  it("lists a project's grants at the printed path and at the intended one alike (decision D5)", async () => {
    const { ours, token } = await accessControlFixture();
    const params = { managed_user_id: String(ours.customer.id), id: String(ours.projects.devSync.id) };
    const intended = await call(projectGrantsRoute.GET, "GET", { token, params });
    const printed = await call(asPrinted.GET, "GET", { token, params: { ...params, managed_user_id: `E${ours.customer.externalId}` } });
    expect(printed.body).toEqual(intended.body);
    const page = intended.body as { data: Record<string, unknown>[]; total: number; page: unknown };
    expect(Object.keys(page).sort()).toEqual(["data", "page", "total"]);
    expect(page).toMatchObject({ total: 1, page: { number: 1, size: 100 } });
    expect(page.data.map((grant) => grant.id)).toEqual([ours.grants.adminGrant.id]);
    expect((await call(asPrinted.GET, "GET", { token, params, query: "page[size]=0" })).status).toBe(400);
  });

  it("adds or updates a project's grants for collaborators and groups, all or nothing", async () => {
    const { db, ours, theirs, token, projectRoleIds } = await accessControlFixture();
    const params = { managed_user_id: String(ours.customer.id), id: String(ours.projects.devSync.id) };
    const put = await call(projectGrantsRoute.PUT, "PUT", {
      token,
      params,
      body: {
        project_grants: [
          { assignment_type: "User", assignment_id: String(ours.admin.id), project_role_id: projectRoleIds.projectAdmin },
          { assignment_type: "UserGroup", assignment_id: ours.group.id, project_role_id: String(projectRoleIds.builder) },
        ],
      },
    });
    expect(put.status).toBe(200);
    const given = (put.body as { data: Record<string, unknown>[] }).data;
    expect(given).toHaveLength(2);
    for (const grant of given) expect(Object.keys(grant).sort()).toEqual(GRANT_KEYS);
    expect(given[0]).toMatchObject({ id: ours.grants.adminGrant.id, project_role: { name: "Project admin" }, user: { id: ours.admin.id } });
    expect(given[1]).toMatchObject({ project_role: { name: "Builder" }, user: null, user_group: { id: ours.group.id } });
    expect(await db.select().from(projectGrants).where(eq(projectGrants.projectId, ours.projects.devSync.id))).toHaveLength(2);

    const stranger = await createUser(db);
    const before = await db.select().from(projectGrants).where(eq(projectGrants.customerId, ours.customer.id));
    const bad = await call(projectGrantsRoute.PUT, "PUT", {
      token,
      params,
      body: {
        project_grants: [
          { assignment_type: "User", assignment_id: ours.operator.id, project_role_id: projectRoleIds.builder },
          { assignment_type: "User", assignment_id: stranger.id, project_role_id: projectRoleIds.builder },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body);
    expect(bad.body.errors).toHaveProperty(["project_grants.1.assignment_id"]);
    const [foreignRole] = await db
      .insert(projectRoles)
      .values({ partnerId: theirs.customer.partnerId, customerId: theirs.customer.id, name: "Theirs", kind: "custom" })
      .returning();
    const otherPartnersRole = await call(projectGrantsRoute.PUT, "PUT", {
      token,
      params,
      body: { project_grants: [{ assignment_type: "User", assignment_id: ours.operator.id, project_role_id: foreignRole!.id }] },
    });
    expect(otherPartnersRole.status).toBe(400);
    expect((otherPartnersRole.body as { errors: object }).errors).toHaveProperty(["project_grants.0.project_role_id"]);
    const wrongType = await call(projectGrantsRoute.PUT, "PUT", {
      token,
      params,
      body: { project_grants: [{ assignment_type: "Robot", assignment_id: 1, project_role_id: "one" }] },
    });
    expect(wrongType.status).toBe(400);
    expectErrorShape(wrongType.body);
    expect(Object.keys(wrongType.body.errors).sort()).toEqual(["project_grants.0.assignment_type", "project_grants.0.project_role_id"]);
    const twice = await call(projectGrantsRoute.PUT, "PUT", {
      token,
      params,
      body: {
        project_grants: [
          { assignment_type: "User", assignment_id: ours.operator.id, project_role_id: projectRoleIds.projectAdmin },
          { assignment_type: "User", assignment_id: String(ours.operator.id), project_role_id: projectRoleIds.builder },
        ],
      },
    });
    expect(twice.status).toBe(400);
    expect((twice.body as { errors: object }).errors).toHaveProperty(["project_grants.1.assignment_id"]);
    expect(await db.select().from(projectGrants).where(eq(projectGrants.customerId, ours.customer.id))).toEqual(before);
    expect((await call(projectGrantsRoute.PUT, "PUT", { token, params, body: { project_grants: [] } })).status).toBe(400);
  });

  it("refuses grants outside the client's environments or projects like missing ones, and changes nothing (rule A10)", async () => {
    const { db, acme, ours, projectRoleIds } = await accessControlFixture();
    const testOnly = await apiToken(acme.partner, acme.admin, { environmentTypes: ["test"] });
    const billingOnly = await apiToken(acme.partner, acme.admin, { environmentTypes: ["development", "test", "production"], projectNames: ["Billing"] });
    const managed_user_id = String(ours.customer.id);
    for (const token of [testOnly, billingOnly]) {
      const grant = { managed_user_id, id: String(ours.grants.adminGrant.id) };
      const hidden = await call(grantItem.GET, "GET", { token, params: grant });
      expect(hidden.status).toBe(404);
      expectErrorShape(hidden.body);
      expect((await call(grantItem.PUT, "PUT", { token, params: grant, body: { project_role_id: projectRoleIds.projectAdmin } })).status).toBe(404);
      expect((await call(grantItem.DELETE, "DELETE", { token, params: grant })).status).toBe(404);
      const project = { managed_user_id, id: String(ours.projects.devSync.id) };
      expect((await call(projectGrantsRoute.GET, "GET", { token, params: project })).status).toBe(404);
      expect((await call(asPrinted.GET, "GET", { token, params: project })).status).toBe(404);
      const put = await call(projectGrantsRoute.PUT, "PUT", {
        token,
        params: project,
        body: { project_grants: [{ assignment_type: "User", assignment_id: ours.operator.id, project_role_id: projectRoleIds.builder }] },
      });
      expect(put.status).toBe(404);
      // Inside its reach the same client works.
      const reachable = await call(grantItem.GET, "GET", { token, params: { managed_user_id, id: String(ours.grants.groupGrant.id) } });
      expect(reachable.status).toBe(200);
    }
    const [after] = await db.select().from(projectGrants).where(eq(projectGrants.id, ours.grants.adminGrant.id));
    expect(after!.projectRoleId).toBe(projectRoleIds.builder);
    expect(await db.select().from(projectGrants).where(eq(projectGrants.projectId, ours.projects.devSync.id))).toHaveLength(1);
  });

  it("answers 404 for another partner's workspace, grant or project on every route, changing nothing (D8)", async () => {
    const { db, ours, theirs, token, projectRoleIds } = await accessControlFixture();
    for (const managed_user_id of [String(theirs.customer.id), String(ours.customer.id)]) {
      const grant = { managed_user_id, id: String(theirs.grants.adminGrant.id) };
      expect((await call(grantItem.GET, "GET", { token, params: grant })).status).toBe(404);
      expect((await call(grantItem.PUT, "PUT", { token, params: grant, body: { project_role_id: projectRoleIds.projectAdmin } })).status).toBe(404);
      expect((await call(grantItem.DELETE, "DELETE", { token, params: grant })).status).toBe(404);
      const project = { managed_user_id, id: String(theirs.projects.devSync.id) };
      expect((await call(projectGrantsRoute.GET, "GET", { token, params: project })).status).toBe(404);
      expect((await call(asPrinted.GET, "GET", { token, params: project })).status).toBe(404);
      const put = await call(projectGrantsRoute.PUT, "PUT", {
        token,
        params: project,
        body: { project_grants: [{ assignment_type: "User", assignment_id: ours.admin.id, project_role_id: projectRoleIds.builder }] },
      });
      expect(put.status).toBe(404);
    }
    // Another partner's collaborator or group named in a body is unknown there: 400, nothing written.
    const ownProject = { managed_user_id: String(ours.customer.id), id: String(ours.projects.devSync.id) };
    const foreignGroup = await call(projectGrantsRoute.PUT, "PUT", {
      token,
      params: ownProject,
      body: { project_grants: [{ assignment_type: "UserGroup", assignment_id: theirs.group.id, project_role_id: projectRoleIds.builder }] },
    });
    expect(foreignGroup.status).toBe(400);
    const [after] = await db.select().from(projectGrants).where(eq(projectGrants.id, theirs.grants.adminGrant.id));
    expect(after!.projectRoleId).toBe(projectRoleIds.builder);
    expect(await db.select().from(projectGrants).where(eq(projectGrants.customerId, theirs.customer.id))).toHaveLength(3);
    expect(await db.select().from(projectGrants).where(eq(projectGrants.projectId, ours.projects.devSync.id))).toHaveLength(1);
  });

  it("answers 401 without a token, 403 without the write permission, 415 for a body that is not JSON", async () => {
    const { acme, ours, token, projectRoleIds } = await accessControlFixture();
    const params = { managed_user_id: String(ours.customer.id), id: String(ours.grants.adminGrant.id) };
    const anonymous = await call(grantItem.GET, "GET", { params });
    expect(anonymous.status).toBe(401);
    expectErrorShape(anonymous.body);
    const readOnly = await apiToken(acme.partner, acme.admin, { scopes: ["collaborators:read"] });
    expect((await call(grantItem.GET, "GET", { token: readOnly, params })).status).toBe(200);
    const refused = await call(grantItem.DELETE, "DELETE", { token: readOnly, params });
    expect(refused.status).toBe(403);
    expectErrorShape(refused.body);
    const notJson = await call(grantItem.PUT, "PUT", {
      token,
      params,
      rawBody: `project_role_id=${projectRoleIds.builder}`,
      contentType: "application/x-www-form-urlencoded",
    });
    expect(notJson.status).toBe(415);
    expectErrorShape(notJson.body);
    const malformed = await call(grantItem.PUT, "PUT", { token, params, rawBody: "{" });
    expect(malformed.status).toBe(400);
    expectErrorShape(malformed.body);
  });
});
