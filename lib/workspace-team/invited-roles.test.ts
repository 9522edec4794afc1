/**
 * Invitations and Add member with `env_roles` (issue 12, item 4; rules.md, "Shapes known"), through the REST API's
 * route handlers: Add member takes either role_name or env_roles, environment roles are applied whether the person
 * joins at once or signs up through the link, and an invitation that could not lead to a membership is refused with
 * the reason instead of answering {"result":"ok"}.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as invitation from "@/app/api/managed_users/[managed_user_id]/member_invitation/route";
import * as members from "@/app/api/managed_users/[managed_user_id]/members/route";
import { customerInvitations, customerMembers, environmentRoles, memberEnvironmentRoles, roles } from "@/db/schema";
import { openApiDocument } from "@/lib/api/openapi";
import { getDatabase } from "@/lib/db";
import { accessControlFixture } from "@/tests/support/access-control-fixture";
import { call, expectErrorShape } from "@/tests/support/api";
import { createUser } from "@/tests/support/factories";
import { signUpWithInvitation } from "./invitation-sign-up";
import { NO_DEVELOPMENT_ROLE } from "./invited-roles";

const dev = (name: string, role_type: "privilege_group" | "environment") => ({ environment_type: "development", name, role_type });
const test = (name: string) => ({ environment_type: "test", name, role_type: "environment" });

async function setup() {
  const fixture = await accessControlFixture();
  const { db, ours } = fixture;
  const [environmentAdmin] = await db
    .select()
    .from(environmentRoles)
    .where(and(eq(environmentRoles.kind, "system"), eq(environmentRoles.name, "Environment admin")));
  const [member] = await db
    .select()
    .from(environmentRoles)
    .where(and(eq(environmentRoles.kind, "system"), eq(environmentRoles.name, "Member")));
  const params = { managed_user_id: String(ours.customer.id) };
  return { ...fixture, params, environmentAdmin: environmentAdmin!, memberRole: member! };
}

async function environmentRolesOf(customerId: number, userId: number) {
  return getDatabase()
    .select({ environmentId: memberEnvironmentRoles.environmentId, roleId: memberEnvironmentRoles.environmentRoleId })
    .from(memberEnvironmentRoles)
    .where(and(eq(memberEnvironmentRoles.customerId, customerId), eq(memberEnvironmentRoles.userId, userId)))
    .orderBy(memberEnvironmentRoles.environmentId);
}

describe("Add member (POST …/members)", () => {
  it("takes env_roles instead of role_name, applying its environment roles, and still takes role_name alone", async () => {
    const { ours, params, token, environmentAdmin, memberRole } = await setup();
    const added = await call(members.POST, "POST", {
      token,
      params,
      body: {
        name: "Erin",
        email: `${randomUUID()}@env.example`,
        env_roles: [dev("Operator", "privilege_group"), dev("Environment admin", "environment"), test("Member")],
      },
    });
    expect(added.status).toBe(201);
    const result = (added.body as { result: { id: number; role_name: string } }).result;
    expect(result.role_name).toBe("Operator");
    expect(await environmentRolesOf(ours.customer.id, result.id)).toEqual([
      { environmentId: ours.environments.dev.id, roleId: environmentAdmin.id },
      { environmentId: ours.environments.test.id, roleId: memberRole.id },
    ]);

    const legacy = await call(members.POST, "POST", { token, params, body: { name: "Lee", email: `${randomUUID()}@env.example`, role_name: "Analyst" } });
    expect(legacy.status).toBe(201);

    const neither = await call(members.POST, "POST", { token, params, body: { name: "No role", email: `${randomUUID()}@env.example` } });
    expect(neither.status).toBe(400);
    expectErrorShape(neither.body);
    expect(Object.keys(neither.body.errors)).toContain("role_name");
  });

  it("is documented with either role_name or env_roles", () => {
    const document = openApiDocument() as { paths: Record<string, Record<string, { requestBody: { content: { "application/json": { schema: unknown } } } }>> };
    const body = JSON.stringify(document.paths["/api/managed_users/{managed_user_id}/members"]!.post!.requestBody.content["application/json"].schema);
    expect(body).toContain("env_roles");
    expect(body).toContain("role_name");
    expect(body).toMatch(/role_name.*env_roles|env_roles.*role_name/);
  });
});

describe("Invite a collaborator (POST …/member_invitation)", () => {
  it("applies environment roles to a person with an account, who joins at once", async () => {
    const { db, ours, params, token, environmentAdmin } = await setup();
    const person = await createUser(db, { name: "Has Account", passwordHash: "x" });
    const invited = await call(invitation.POST, "POST", {
      token,
      params,
      body: { name: "Has Account", email: person.email, env_roles: [dev("Operator", "privilege_group"), dev("Environment admin", "environment")] },
    });
    expect(invited).toMatchObject({ status: 200, body: { result: "ok" } });
    const [membership] = await db
      .select()
      .from(customerMembers)
      .where(and(eq(customerMembers.customerId, ours.customer.id), eq(customerMembers.userId, person.id)));
    expect(membership).toBeDefined();
    expect(await environmentRolesOf(ours.customer.id, person.id)).toEqual([{ environmentId: ours.environments.dev.id, roleId: environmentAdmin.id }]);
  });

  it("applies environment roles when the person signs up through the link", async () => {
    const { db, ours, params, token, environmentAdmin, memberRole } = await setup();
    const email = `${randomUUID()}@new.example`;
    const invited = await call(invitation.POST, "POST", {
      token,
      params,
      body: { name: "New Person", email, env_roles: [dev("Analyst", "privilege_group"), dev("Environment admin", "environment"), test("Member")] },
    });
    expect(invited.status).toBe(200);
    const link = (invited.body as { invitation_url?: string }).invitation_url;
    expect(link).toMatch(/\/invitations\/pcinv_/);
    await signUpWithInvitation(
      { token: link!.split("/invitations/")[1], name: "New Person", password: "a long enough password" },
      { ip: null, userAgent: null },
    );
    const [user] = await db
      .select()
      .from(customerMembers)
      .innerJoin(roles, eq(roles.id, customerMembers.roleId))
      .where(and(eq(customerMembers.customerId, ours.customer.id), sql`${customerMembers.userId} = (select id from users where email = ${email})`));
    expect(user!.roles.name).toBe("Analyst");
    expect(await environmentRolesOf(ours.customer.id, user!.customer_members.userId)).toEqual([
      { environmentId: ours.environments.dev.id, roleId: environmentAdmin.id },
      { environmentId: ours.environments.test.id, roleId: memberRole.id },
    ]);
  });

  it("refuses env_roles without the development environment's privilege group, saying why, and records nothing", async () => {
    const { db, ours, params, token } = await setup();
    const person = await createUser(db, { name: "Has Account", passwordHash: "x" });
    for (const email of [person.email, `${randomUUID()}@new.example`]) {
      for (const envRoles of [[dev("Environment admin", "environment")], [{ environment_type: "test", name: "Operator", role_type: "privilege_group" }]]) {
        const refused = await call(invitation.POST, "POST", { token, params, body: { name: "Someone", email, role_name: "Admin", env_roles: envRoles } });
        expect(refused.status).toBe(400);
        expectErrorShape(refused.body);
        expect(refused.body.errors.env_roles).toEqual([NO_DEVELOPMENT_ROLE]);
      }
    }
    expect(await db.select().from(customerInvitations).where(eq(customerInvitations.customerId, ours.customer.id))).toHaveLength(0);
    expect(
      await db
        .select()
        .from(customerMembers)
        .where(and(eq(customerMembers.customerId, ours.customer.id), eq(customerMembers.userId, person.id))),
    ).toHaveLength(0);
  });
});
