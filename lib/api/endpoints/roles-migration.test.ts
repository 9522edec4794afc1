import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as customRoleAsPrinted from "@/app/api/roles_migration/custom_role/route";
import * as customRole from "@/app/api/managed_users/[managed_user_id]/roles_migration/custom_role/route";
import * as systemRoles from "@/app/api/managed_users/[managed_user_id]/roles_migration/system_roles/route";
import { auditEvents, customerMembers, environmentRoles, memberEnvironmentRoles, projectGrants, projectRoles, roles } from "@/db/schema";
import { accessControlFixture } from "@/tests/support/access-control-fixture";
import { apiToken, call, expectErrorShape } from "@/tests/support/api";

const REPORT_KEYS = ["collaborators", "environment_roles", "project_roles", "projects"];

async function stateOf(db: Awaited<ReturnType<typeof accessControlFixture>>["db"], customerId: number) {
  return {
    environmentRoles: await db.select().from(memberEnvironmentRoles).where(eq(memberEnvironmentRoles.customerId, customerId)),
    grants: await db.select().from(projectGrants).where(eq(projectGrants.customerId, customerId)),
    customRoles: await db.select().from(environmentRoles).where(eq(environmentRoles.customerId, customerId)),
  };
}

describe("role migration API (rule A9)", () => {
  it("turns legacy system roles into environment roles and project grants; a dry run changes nothing; a second run adds nothing", async () => {
    const { db, ours, token } = await accessControlFixture();
    const params = { managed_user_id: String(ours.customer.id) };
    const before = await stateOf(db, ours.customer.id);
    const dry = await call(systemRoles.POST, "POST", { token, params, body: { dry_run: true } });
    expect(dry.status).toBe(200);
    expect(await stateOf(db, ours.customer.id)).toEqual(before);

    const done = await call(systemRoles.POST, "POST", { token, params });
    expect(done.body).toEqual(dry.body);
    const report = (done.body as { data: Record<string, unknown> }).data;
    expect(Object.keys(report).sort()).toEqual(REPORT_KEYS);
    expect(report.environment_roles).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "Environment admin" }), expect.objectContaining({ name: "Member" })]),
    );
    const collaborators = report.collaborators as { user_id: number; roles: { environment: string; name: string }[] }[];
    expect(collaborators.find((person) => person.user_id === ours.admin.id)!.roles).toEqual([
      { environment: "development", name: "Environment admin" },
      { environment: "test", name: "Environment admin" },
      { environment: "production", name: "Environment admin" },
    ]);
    expect(collaborators.find((person) => person.user_id === ours.operator.id)!.roles.map((role) => role.name)).toEqual(["Member", "Member", "Member"]);
    // The admin already had grants in both "Data sync" projects: they are kept; only Billing is new for it.
    const projects = report.projects as { id: number; collaborators: { user_id: number; project_role: string }[] }[];
    const billing = projects.find((project) => project.id === ours.projects.testBilling.id)!;
    expect(billing.collaborators).toEqual(expect.arrayContaining([expect.objectContaining({ user_id: ours.admin.id, project_role: "Project admin" })]));
    expect(projects.find((project) => project.id === ours.projects.devSync.id)!.collaborators.map((person) => person.user_id)).toEqual([ours.operator.id]);

    const after = await stateOf(db, ours.customer.id);
    expect(after.environmentRoles).toHaveLength(6);
    expect(after.grants).toHaveLength(before.grants.length + 4);
    const [kept] = await db.select().from(projectGrants).where(eq(projectGrants.id, ours.grants.adminGrant.id));
    expect(kept!.projectRoleId).toBe(ours.grants.adminGrant.projectRoleId);
    // This customer's event: other test files migrate their own customers in the same database.
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "roles_migration.system_roles"), eq(auditEvents.customerId, ours.customer.id)));
    expect(event).toMatchObject({ actingAs: "api_client", customerId: ours.customer.id });

    const again = await call(systemRoles.POST, "POST", { token, params });
    expect((again.body as { data: { collaborators: unknown[]; projects: unknown[] } }).data).toMatchObject({ collaborators: [], projects: [] });
    expect(await stateOf(db, ours.customer.id)).toEqual(after);
  });

  it("gives roles only in the environments and projects the client may reach (rule A10)", async () => {
    const { db, acme, ours } = await accessControlFixture();
    const token = await apiToken(acme.partner, acme.admin, { environmentTypes: ["development", "test"], projectNames: ["Billing"] });
    const done = await call(systemRoles.POST, "POST", { token, params: { managed_user_id: String(ours.customer.id) } });
    const report = (done.body as { data: { projects: { id: number }[]; collaborators: { roles: { environment: string }[] }[] } }).data;
    expect(report.projects.map((project) => project.id)).toEqual([ours.projects.testBilling.id]);
    expect(report.collaborators.flatMap((person) => person.roles.map((role) => role.environment))).not.toContain("production");
    const grants = await db.select().from(projectGrants).where(eq(projectGrants.customerId, ours.customer.id));
    expect(grants.filter((grant) => grant.projectId !== ours.projects.testBilling.id)).toHaveLength(2);
  });

  it("turns a legacy custom role into custom environment and project roles, at the intended path and as printed (D5)", async () => {
    const { db, ours, token } = await accessControlFixture();
    const [legacy] = await db
      .insert(roles)
      .values({
        partnerId: ours.customer.partnerId,
        customerId: ours.customer.id,
        name: "Runner",
        kind: "custom",
        permissions: ["workspace.view", "recipes.run"],
      })
      .returning();
    await db
      .update(customerMembers)
      .set({ roleId: legacy!.id })
      .where(and(eq(customerMembers.customerId, ours.customer.id), eq(customerMembers.userId, ours.operator.id)));

    const dry = await call(customRoleAsPrinted.POST, "POST", {
      token,
      body: { managed_user_id: ours.customer.id, role_id: String(legacy!.id), dry_run: true },
    });
    expect(dry.status).toBe(200);
    expect((dry.body as { data: { environment_roles: unknown[] } }).data.environment_roles).toEqual([{ id: null, name: "Runner", permissions: [] }]);
    expect(await db.select().from(projectRoles).where(eq(projectRoles.customerId, ours.customer.id))).toHaveLength(0);

    const done = await call(customRole.POST, "POST", { token, params: { managed_user_id: `E${ours.customer.externalId}` }, body: { role_id: legacy!.id } });
    const report = (done.body as { data: Record<string, { id: number | null; name: string; permissions: string[] }[]> }).data;
    expect(Object.keys(report).sort()).toEqual(REPORT_KEYS);
    expect(report.project_roles).toEqual([{ id: expect.any(Number), name: "Runner", permissions: ["project.view", "recipes.run"] }]);
    const [created] = await db.select().from(projectRoles).where(eq(projectRoles.customerId, ours.customer.id));
    expect(created).toMatchObject({ name: "Runner", kind: "custom" });
    const operatorGrants = await db
      .select()
      .from(projectGrants)
      .where(and(eq(projectGrants.userId, ours.operator.id), eq(projectGrants.projectRoleId, created!.id)));
    expect(operatorGrants).toHaveLength(3);

    // A second run reuses the workspace's own roles; the printed path takes the external ID too.
    const again = await call(customRoleAsPrinted.POST, "POST", { token, body: { managed_user_id: `E${ours.customer.externalId}`, role_id: legacy!.id } });
    expect(again.status).toBe(200);
    expect(await db.select().from(projectRoles).where(eq(projectRoles.customerId, ours.customer.id))).toHaveLength(1);
  });

  it("answers 400 naming bad or unknown fields, 409 for a name held by a system role, 404 for another partner's workspace (D8)", async () => {
    const { db, ours, theirs, token } = await accessControlFixture();
    const params = { managed_user_id: String(ours.customer.id) };
    const missing = await call(customRole.POST, "POST", { token, params, body: { dry_run: "yes" } });
    expect(missing.status).toBe(400);
    expectErrorShape(missing.body);
    expect(Object.keys(missing.body.errors).sort()).toEqual(["dry_run", "role_id"]);
    const systemRole = await call(customRole.POST, "POST", { token, params, body: { role_id: 2 } });
    expect(systemRole.status).toBe(400);
    expect((systemRole.body as { errors: object }).errors).toHaveProperty("role_id");
    const printedMissing = await call(customRoleAsPrinted.POST, "POST", { token, body: { role_id: 2 } });
    expect(printedMissing.status).toBe(400);
    expect((printedMissing.body as { errors: object }).errors).toHaveProperty("managed_user_id");

    const [clashing] = await db
      .insert(roles)
      .values({ partnerId: ours.customer.partnerId, customerId: ours.customer.id, name: "Member", kind: "custom" })
      .returning();
    const clash = await call(customRole.POST, "POST", { token, params, body: { role_id: clashing!.id } });
    expect(clash.status).toBe(409);
    expectErrorShape(clash.body);

    const [theirRole] = await db
      .insert(roles)
      .values({ partnerId: theirs.customer.partnerId, customerId: theirs.customer.id, name: "Theirs", kind: "custom" })
      .returning();
    const before = await stateOf(db, theirs.customer.id);
    expect((await call(systemRoles.POST, "POST", { token, params: { managed_user_id: String(theirs.customer.id) } })).status).toBe(404);
    expect(
      (await call(customRole.POST, "POST", { token, params: { managed_user_id: String(theirs.customer.id) }, body: { role_id: theirRole!.id } })).status,
    ).toBe(404);
    const printed = await call(customRoleAsPrinted.POST, "POST", { token, body: { managed_user_id: theirs.customer.id, role_id: theirRole!.id } });
    expect(printed.status).toBe(404);
    expectErrorShape(printed.body);
    // Their role named from our workspace is unknown here.
    expect((await call(customRole.POST, "POST", { token, params, body: { role_id: theirRole!.id } })).status).toBe(400);
    expect(await stateOf(db, theirs.customer.id)).toEqual(before);
  });

  it("answers 401 without a token and 403 without the write permission", async () => {
    const { acme, ours } = await accessControlFixture();
    const params = { managed_user_id: String(ours.customer.id) };
    expect((await call(systemRoles.POST, "POST", { params })).status).toBe(401);
    const readOnly = await apiToken(acme.partner, acme.admin, { scopes: ["collaborators:read"] });
    const refused = await call(systemRoles.POST, "POST", { token: readOnly, params });
    expect(refused.status).toBe(403);
    expectErrorShape(refused.body);
  });
});
