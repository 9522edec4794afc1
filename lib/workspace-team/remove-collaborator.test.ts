import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as member from "@/app/api/managed_users/[managed_user_id]/members/[id]/route";
import { auditEvents, customerMembers, memberEnvironmentRoles, projectGrants, userGroupMembers } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { accessControlFixture, giveProductionEnvironmentAdmin } from "@/tests/support/access-control-fixture";
import { call } from "@/tests/support/api";
import { addDirectMember, insideCustomer, personContext } from "@/tests/support/contexts";
import { createUser } from "@/tests/support/factories";
import { removeCollaborator as removeOnTeamsPage } from "@/lib/workspace-team/team";

/**
 * One removal, two ways in (issue #13): the workspace's Teams page and `DELETE /api/managed_users/:id/members/:id`
 * leave the same rows behind (none of the person's environment roles, project grants or group memberships there)
 * and write the same audit event.
 */
async function fixtureWithEverything() {
  const fixture = await accessControlFixture();
  // The admin: an environment role and two project grants; the operator: a group membership.
  await giveProductionEnvironmentAdmin(fixture.ours);
  return fixture;
}

async function leftBehind(fixture: Awaited<ReturnType<typeof fixtureWithEverything>>, userId: number) {
  const { db, ours } = fixture;
  const customerId = ours.customer.id;
  return {
    memberships: (
      await db
        .select()
        .from(customerMembers)
        .where(and(eq(customerMembers.customerId, customerId), eq(customerMembers.userId, userId)))
    ).length,
    environmentRoles: (
      await db
        .select()
        .from(memberEnvironmentRoles)
        .where(and(eq(memberEnvironmentRoles.customerId, customerId), eq(memberEnvironmentRoles.userId, userId)))
    ).length,
    projectGrants: (
      await db
        .select()
        .from(projectGrants)
        .where(and(eq(projectGrants.customerId, customerId), eq(projectGrants.userId, userId)))
    ).length,
    groupMemberships: (
      await db
        .select()
        .from(userGroupMembers)
        .where(and(eq(userGroupMembers.userGroupId, ours.group.id), eq(userGroupMembers.userId, userId)))
    ).length,
  };
}

async function lastRemoval(fixture: Awaited<ReturnType<typeof fixtureWithEverything>>) {
  const [event] = await fixture.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, fixture.acme.partner.id), eq(auditEvents.action, "collaborator.remove")))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return event!;
}

/** Removes `who` of the fixture's workspace from its Teams page, as a collaborator admin of that workspace. */
async function removeThroughTeamsPage(fixture: Awaited<ReturnType<typeof fixtureWithEverything>>, userId: number) {
  const { db, acme, ours } = fixture;
  const teamAdmin = await createUser(db, { name: "Tess Admin" });
  await addDirectMember(db, acme.partner.id, ours.customer.id, teamAdmin.id, SYSTEM_ROLE_IDS.admin);
  const ctx = insideCustomer(personContext(acme.partner, teamAdmin, { partnerRole: null }), ours.customer, null);
  return removeOnTeamsPage(ctx, { userId });
}

async function removeThroughApi(fixture: Awaited<ReturnType<typeof fixtureWithEverything>>, userId: number) {
  const response = await call(member.DELETE, "DELETE", {
    token: fixture.token,
    params: { managed_user_id: String(fixture.ours.customer.id), id: String(userId) },
  });
  expect(response.status).toBeLessThan(300);
}

describe("removing a collaborator (issue #13: one command per verb)", () => {
  it("from the Teams page leaves no environment role, project grant or group membership behind", async () => {
    const fixture = await fixtureWithEverything();
    const { ours } = fixture;
    const before = await leftBehind(fixture, ours.admin.id);
    expect(before).toEqual({ memberships: 1, environmentRoles: 1, projectGrants: 2, groupMemberships: 0 });
    expect(await leftBehind(fixture, ours.operator.id)).toMatchObject({ groupMemberships: 1 });

    await removeThroughTeamsPage(fixture, ours.admin.id);
    await removeThroughTeamsPage(fixture, ours.operator.id);
    const none = { memberships: 0, environmentRoles: 0, projectGrants: 0, groupMemberships: 0 };
    expect(await leftBehind(fixture, ours.admin.id)).toEqual(none);
    expect(await leftBehind(fixture, ours.operator.id)).toEqual(none);
  });

  it("writes the same rows and the same audit event through the Teams page and through the API", async () => {
    const viaPage = await fixtureWithEverything();
    const viaApi = await fixtureWithEverything();
    await removeThroughTeamsPage(viaPage, viaPage.ours.admin.id);
    await removeThroughApi(viaApi, viaApi.ours.admin.id);
    expect(await leftBehind(viaApi, viaApi.ours.admin.id)).toEqual(await leftBehind(viaPage, viaPage.ours.admin.id));

    const pageEvent = await lastRemoval(viaPage);
    const apiEvent = await lastRemoval(viaApi);
    const shape = (event: typeof pageEvent, fixture: typeof viaPage) => ({
      action: event.action,
      targetType: event.targetType,
      target: event.targetId === String(fixture.ours.admin.id),
      customer: event.customerId === fixture.ours.customer.id && event.customerName === fixture.ours.customer.name,
      // Names where a person reads them, not IDs; the person's email differs between the two fixtures.
      changes: { ...(event.changes as Record<string, unknown>), person: String((event.changes as { person: string }).person).replace(/\(.*\)/, "(…)") },
    });
    expect(shape(apiEvent, viaApi)).toEqual(shape(pageEvent, viaPage));
    expect(pageEvent.changes).toMatchObject({ role: { from: "Admin", to: null } });
  });

  it("through the API answers 404 for someone who is not a direct collaborator", async () => {
    const fixture = await fixtureWithEverything();
    const stranger = await createUser(fixture.db);
    const response = await call(member.DELETE, "DELETE", {
      token: fixture.token,
      params: { managed_user_id: String(fixture.ours.customer.id), id: String(stranger.id) },
    });
    expect(response.status).toBe(404);
  });
});
