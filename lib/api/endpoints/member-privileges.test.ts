import { describe, expect, it } from "vitest";
import * as privileges from "@/app/api/managed_users/[managed_user_id]/members/[id]/privileges/route";
import * as memberGrants from "@/app/api/managed_users/[managed_user_id]/members/[id]/project_grants/route";
import * as projectsPrivileges from "@/app/api/managed_users/[managed_user_id]/members/[id]/projects_privileges/route";
import { accessControlFixture, giveProductionEnvironmentAdmin } from "@/tests/support/access-control-fixture";
import { apiToken, call, expectErrorShape } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";

describe("a collaborator's project grants and privileges (rules A9, A10)", () => {
  it("lists the grants given to the collaborator itself, within the client's reach", async () => {
    const { acme, ours, token } = await accessControlFixture();
    const params = { managed_user_id: String(ours.customer.id), id: String(ours.admin.id) };
    const all = await call(memberGrants.GET, "GET", { token, params });
    const page = all.body as { data: { id: number; user: { id: number } }[]; total: number; page: unknown };
    expect(Object.keys(page).sort()).toEqual(["data", "page", "total"]);
    expect(page.total).toBe(2);
    expect(page.data.map((grant) => grant.id).sort()).toEqual([ours.grants.adminGrant.id, ours.grants.prodGrant.id].sort());
    expect(page.data.every((grant) => grant.user.id === ours.admin.id)).toBe(true);
    const devOnly = await apiToken(acme.partner, acme.admin, { environmentTypes: ["development"] });
    const limited = await call(memberGrants.GET, "GET", { token: devOnly, params });
    expect((limited.body as { data: { id: number }[] }).data.map((grant) => grant.id)).toEqual([ours.grants.adminGrant.id]);
    // The operator's only grant comes through its group: none of its own.
    expect((await call(memberGrants.GET, "GET", { token, params: { ...params, id: String(ours.operator.id) } })).body).toMatchObject({ data: [], total: 0 });
  });

  it("answers the role and privileges in each environment: the environment role, else the workspace role", async () => {
    const { ours, token } = await accessControlFixture();
    const environmentAdmin = await giveProductionEnvironmentAdmin(ours);
    const response = await call(privileges.GET, "GET", { token, params: { managed_user_id: String(ours.customer.id), id: String(ours.admin.id) } });
    const data = (response.body as { data: Record<string, unknown>[] }).data;
    for (const entry of data) expect(Object.keys(entry).sort()).toEqual(["environment_type", "privileges", "role"]);
    expect(data).toEqual([
      {
        environment_type: "development",
        role: { id: 2, name: "Admin", role_type: "privilege_group" },
        privileges: expect.arrayContaining(["collaborators.manage"]),
      },
      { environment_type: "test", role: { id: 2, name: "Admin", role_type: "privilege_group" }, privileges: expect.arrayContaining(["collaborators.manage"]) },
      {
        environment_type: "production",
        role: { id: environmentAdmin!.id, name: "Environment admin", role_type: "environment" },
        privileges: environmentAdmin!.permissions,
      },
    ]);
  });

  it("answers each project the collaborator reaches, directly or through its groups, within the client's reach", async () => {
    const { acme, ours, token } = await accessControlFixture();
    const params = { managed_user_id: String(ours.customer.id), id: String(ours.operator.id) };
    const response = await call(projectsPrivileges.GET, "GET", { token, params });
    const data = (response.body as { data: Record<string, unknown>[] }).data;
    expect(data).toHaveLength(1);
    expect(Object.keys(data[0]!).sort()).toEqual(["privileges", "project", "project_role", "user_group"]);
    expect(data[0]).toMatchObject({
      project: { id: ours.projects.testBilling.id, name: "Billing", environment: { type: "test" } },
      project_role: { name: "Builder" },
      privileges: ["project.view", "recipes.run", "recipes.edit"],
      user_group: { id: ours.group.id, name: "Reviewers" },
    });
    const prodOnly = await apiToken(acme.partner, acme.admin, { environmentTypes: ["development", "production"] });
    expect((await call(projectsPrivileges.GET, "GET", { token: prodOnly, params })).body).toEqual({ data: [] });
  });

  it("answers 404 for someone who is not a collaborator, or another partner's workspace or collaborator (D8)", async () => {
    const { db, ours, theirs, token } = await accessControlFixture();
    const stranger = await createUser(db);
    const cases = [
      { managed_user_id: String(ours.customer.id), id: String(stranger.id) },
      { managed_user_id: String(ours.customer.id), id: String(theirs.admin.id) },
      { managed_user_id: String(theirs.customer.id), id: String(theirs.admin.id) },
    ];
    for (const params of cases) {
      for (const handler of [memberGrants.GET, privileges.GET, projectsPrivileges.GET]) {
        const response = await call(handler, "GET", { token, params });
        expect(response.status).toBe(404);
        expectErrorShape(response.body);
      }
    }
    expect((await call(privileges.GET, "GET", { token, params: { managed_user_id: String(ours.customer.id), id: "abc" } })).status).toBe(404);
    expect((await call(privileges.GET, "GET", { params: cases[0] })).status).toBe(401);
  });
});
