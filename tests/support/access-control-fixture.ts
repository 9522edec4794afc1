/**
 * Two partners' customer workspaces with what the access-control endpoints of seed 003 act on: environments,
 * projects, direct collaborators, a collaborator group and project grants. The Globex workspace is the other
 * partner's, for the cross-partner checks (decision D8).
 */
import { and, eq } from "drizzle-orm";
import {
  customerMembers,
  environmentRoles,
  environments,
  memberEnvironmentRoles,
  projectGrants,
  projectRoles,
  projects,
  roles,
  userGroupMembers,
  userGroups,
} from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { apiToken } from "./api";
import { createCustomer, createPartner, createUser } from "./factories";

async function systemRoleId(table: typeof roles | typeof projectRoles, name: string): Promise<number> {
  const [row] = await getDatabase()
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.kind, "system"), eq(table.name, name)));
  return row!.id;
}

async function workspace(partnerId: number, planId: number, externalId: string | null) {
  const db = getDatabase();
  const customer = await createCustomer(db, partnerId, planId, { externalId });
  const scope = { partnerId, customerId: customer.id };
  const [dev, test, prod] = await db
    .insert(environments)
    .values([
      { ...scope, type: "development" },
      { ...scope, type: "test" },
      { ...scope, type: "production" },
    ])
    .returning();
  const [devSync, testBilling, prodSync] = await db
    .insert(projects)
    .values([
      { ...scope, environmentId: dev!.id, name: "Data sync" },
      { ...scope, environmentId: test!.id, name: "Billing" },
      { ...scope, environmentId: prod!.id, name: "Data sync" },
    ])
    .returning();
  const admin = await createUser(db, { name: "Ariel Admin" });
  const operator = await createUser(db, { name: "Olly Operator" });
  await db.insert(customerMembers).values([
    { ...scope, userId: admin.id, roleId: await systemRoleId(roles, "Admin") },
    { ...scope, userId: operator.id, roleId: await systemRoleId(roles, "Operator") },
  ]);
  const [group] = await db
    .insert(userGroups)
    .values({ ...scope, name: "Reviewers" })
    .returning();
  await db.insert(userGroupMembers).values({ partnerId, userGroupId: group!.id, userId: operator.id });
  const builder = await systemRoleId(projectRoles, "Builder");
  const [adminGrant, groupGrant, prodGrant] = await db
    .insert(projectGrants)
    .values([
      { ...scope, projectId: devSync!.id, projectRoleId: builder, userId: admin.id },
      { ...scope, projectId: testBilling!.id, projectRoleId: builder, userGroupId: group!.id },
      { ...scope, projectId: prodSync!.id, projectRoleId: builder, userId: admin.id },
    ])
    .returning();
  return {
    customer,
    environments: { dev: dev!, test: test!, prod: prod! },
    projects: { devSync: devSync!, testBilling: testBilling!, prodSync: prodSync! },
    admin,
    operator,
    group: group!,
    grants: { adminGrant: adminGrant!, groupGrant: groupGrant!, prodGrant: prodGrant! },
  };
}

export async function accessControlFixture() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  const ours = await workspace(acme.partner.id, acme.plans.starter.id, `NW-${acme.partner.id}`);
  const theirs = await workspace(globex.partner.id, globex.plans.starter.id, null);
  return {
    db,
    acme,
    globex,
    ours,
    theirs,
    token: await apiToken(acme.partner, acme.admin),
    projectRoleIds: { builder: await systemRoleId(projectRoles, "Builder"), projectAdmin: await systemRoleId(projectRoles, "Project admin") },
  };
}

/** Makes the fixture's admin Environment admin in its workspace's production environment; answers that role. */
export async function giveProductionEnvironmentAdmin(ours: Awaited<ReturnType<typeof accessControlFixture>>["ours"]) {
  const db = getDatabase();
  const [environmentAdmin] = await db
    .select()
    .from(environmentRoles)
    .where(and(eq(environmentRoles.kind, "system"), eq(environmentRoles.name, "Environment admin")));
  await db.insert(memberEnvironmentRoles).values({
    partnerId: ours.customer.partnerId,
    customerId: ours.customer.id,
    userId: ours.admin.id,
    environmentId: ours.environments.prod.id,
    environmentRoleId: environmentAdmin!.id,
  });
  return environmentAdmin!;
}
