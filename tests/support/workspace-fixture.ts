/**
 * A customer workspace with a row in every table that belongs to a customer, so that tests can prove that
 * deleting the customer leaves nothing of it behind (rule U29).
 */
import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import {
  apps,
  connections,
  customerAppAccess,
  bulkJobCustomers,
  bulkJobs,
  customerNotifications,
  customerInvitations,
  customerManagerCustomers,
  customerManagers,
  customerMembers,
  customers,
  environmentRoles,
  environments,
  jobs,
  memberEnvironmentRoles,
  partnerMembers,
  projectGrants,
  projectRoles,
  projects,
  recipes,
  recipeVersions,
  roles,
  sessions,
  userGroupMembers,
  userGroups,
} from "@/db/schema";
import type { Queryable } from "@/db/connection";
import { createUser } from "./factories";

export async function fillWorkspace(db: Queryable, partnerId: number, customerId: number) {
  const scope = { partnerId, customerId };
  const member = await createUser(db, { name: "Workspace Member" });
  const manager = await createUser(db, { name: "Workspace Manager" });
  const [app] = await db.select({ id: apps.id }).from(apps).orderBy(asc(apps.id)).limit(1);
  if (!app) throw new Error("The app catalog is empty: run the migrations first.");

  const [role] = await db
    .insert(roles)
    .values({ ...scope, name: "Reviewer", kind: "custom" })
    .returning();
  const [environmentRole] = await db
    .insert(environmentRoles)
    .values({ ...scope, name: "Reviewer", kind: "custom" })
    .returning();
  const [projectRole] = await db
    .insert(projectRoles)
    .values({ ...scope, name: "Reviewer", kind: "custom" })
    .returning();
  await db.insert(customerMembers).values({ ...scope, userId: member.id, roleId: role!.id });
  await db.insert(customerInvitations).values({ ...scope, email: `${randomUUID()}@example.test`, name: "Invited", roleId: role!.id });

  await db.insert(partnerMembers).values({ partnerId, userId: manager.id, role: "member" });
  const [assignment] = await db.insert(customerManagers).values({ partnerId, userId: manager.id, roleId: 2 }).returning();
  await db.insert(customerManagerCustomers).values({ ...scope, customerManagerId: assignment!.id });

  const [environment] = await db
    .insert(environments)
    .values({ ...scope, type: "development" })
    .returning();
  const [project] = await db
    .insert(projects)
    .values({ ...scope, environmentId: environment!.id, name: "Data sync" })
    .returning();
  await db.insert(memberEnvironmentRoles).values({ ...scope, userId: member.id, environmentId: environment!.id, environmentRoleId: environmentRole!.id });
  const [group] = await db
    .insert(userGroups)
    .values({ ...scope, name: "Reviewers" })
    .returning();
  await db.insert(userGroupMembers).values({ partnerId, userGroupId: group!.id, userId: member.id });
  await db.insert(projectGrants).values([
    { ...scope, projectId: project!.id, projectRoleId: projectRole!.id, userId: member.id },
    { ...scope, projectId: project!.id, projectRoleId: projectRole!.id, userGroupId: group!.id },
  ]);

  await db.insert(connections).values({ ...scope, appId: app.id, name: "Main account", authenticated: true, createdById: member.id });
  const [recipe] = await db
    .insert(recipes)
    .values({ ...scope, projectId: project!.id, name: "Nightly export", status: "running" })
    .returning();
  await db.insert(recipeVersions).values({ ...scope, recipeId: recipe!.id, version: 1, modifiedById: member.id });
  await db.insert(jobs).values({ ...scope, recipeId: recipe!.id, status: "succeeded", tasksUsed: 3 });
  await db.insert(customerAppAccess).values({ ...scope, appId: app.id });
  await db.update(customers).set({ appAccess: "selected" }).where(eq(customers.id, customerId));
  await db.insert(customerNotifications).values({ ...scope, kind: "trial_ends_in_7_days", occurrence: "2026-12-31" });
  // A bulk job running on the customer: its snapshot holds the customer.
  const [bulkJob] = await db
    .insert(bulkJobs)
    .values({
      partnerId,
      action: { type: "start_trial" },
      actionLabel: "Start trials",
      selection: { kind: "ids", ids: [customerId] },
      selectionDescription: "1 customer selected",
      startedBy: {},
      resolvedAt: new Date(),
    })
    .returning();
  await db.insert(bulkJobCustomers).values({ ...scope, bulkJobId: bulkJob!.id, position: 1 });

  // A session of the manager, switched into the customer: deleting the customer sends it back to the partner account.
  await db.insert(sessions).values({
    idHash: randomUUID(),
    partnerId,
    userId: manager.id,
    activeCustomerId: customerId,
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return { member, manager };
}
