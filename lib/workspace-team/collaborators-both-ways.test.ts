import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as invitationRoute from "@/app/api/managed_users/[managed_user_id]/member_invitation/route";
import * as memberRoute from "@/app/api/managed_users/[managed_user_id]/members/[id]/route";
import { customerInvitations, customerMembers, emailOutbox } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { getDatabase } from "@/lib/db";
import { apiToken, call } from "@/tests/support/api";
import { bothWaysOn, eventsSince, labelled } from "@/tests/support/both-ways";
import { addDirectMember, insideCustomer, personContext } from "@/tests/support/contexts";
import { createCustomer, createPartner, createUser } from "@/tests/support/factories";
import { changeCollaboratorRole, inviteCollaborator } from "./team";

/**
 * Inviting a collaborator and changing a collaborator's role, on the workspace's Teams page (a collaborator admin
 * inside the account) and through the REST API (a client with collaborators:write and the Development environment),
 * once each way on two partners alike (issue 13): the workspace's rows and the audit events are compared field by
 * field. What differs by design is left out: IDs, moments, the one-time token, the actor and how it acted.
 * Removal is compared in remove-collaborator.test.ts.
 */
const newcomer = { name: "New Person", email: `new-${randomUUID()}@example.test` };

async function workspaceAlike() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Twin Corp" });
  const teamAdmin = await createUser(db, { name: "Tess Admin" });
  const operator = await createUser(db, { name: "Olly Operator" });
  const withAccount = await createUser(db, { name: "Has Account", passwordHash: "x" });
  await addDirectMember(db, acme.partner.id, customer.id, teamAdmin.id, SYSTEM_ROLE_IDS.admin);
  await addDirectMember(db, acme.partner.id, customer.id, operator.id, SYSTEM_ROLE_IDS.operator);
  const ctx = insideCustomer(personContext(acme.partner, teamAdmin, { partnerRole: null }), customer, null);
  const token = await apiToken(acme.partner, acme.admin, { scopes: ["collaborators:write"], environmentTypes: ["development"] });
  const labels = {
    ids: {
      partner: new Map([[acme.partner.id, "partner"]]),
      user: new Map([
        [teamAdmin.id, "team admin"],
        [operator.id, "operator"],
        [withAccount.id, "with account"],
      ]),
      customer: new Map([[customer.id, "customer"]]),
    },
    texts: new Map([
      [operator.email, "operator@"],
      [withAccount.email, "with-account@"],
    ]),
  };
  return { db, acme, customer, operator, withAccount, ctx, token, labels, params: { managed_user_id: String(customer.id) } };
}
type Workspace = Awaited<ReturnType<typeof workspaceAlike>>;

async function written(w: Workspace, since: number) {
  const { db, customer } = w;
  const invitations = await db
    .select({
      id: customerInvitations.id,
      email: customerInvitations.email,
      name: customerInvitations.name,
      roleId: customerInvitations.roleId,
      envRoles: customerInvitations.envRoles,
      accepted: sql<boolean>`${customerInvitations.acceptedAt} is not null`,
      link: sql<boolean>`${customerInvitations.tokenHash} is not null`,
      validForMs: sql<number | null>`(extract(epoch from ${customerInvitations.expiresAt} - ${customerInvitations.invitedAt}) * 1000)::bigint::int`,
    })
    .from(customerInvitations)
    .where(eq(customerInvitations.customerId, customer.id))
    .orderBy(customerInvitations.id);
  const members = await db
    .select({ userId: customerMembers.userId, roleId: customerMembers.roleId, timeZone: customerMembers.timeZone, externalId: customerMembers.externalId })
    .from(customerMembers)
    .where(eq(customerMembers.customerId, customer.id))
    .orderBy(customerMembers.id);
  const outbox = await db
    // The subject names the inviter: the person, or the partner for an API client (the actor, by design).
    .select({ kind: emailOutbox.kind, to: emailOutbox.toAddress, status: emailOutbox.status })
    .from(emailOutbox)
    .where(eq(emailOutbox.partnerId, w.acme.partner.id))
    .orderBy(emailOutbox.id);
  // An invitation, or a person, made by the verb gets its label by its position, the one thing the two share.
  const invitationLabels = new Map(invitations.map((invitation, index) => [invitation.id, `invitation ${index}`]));
  const userLabels = new Map(w.labels.ids.user);
  members.forEach((member, index) => userLabels.set(member.userId, userLabels.get(member.userId) ?? `member ${index}`));
  return labelled(
    {
      invitations: invitations.map((invitation) => ({ ...invitation, id: invitationLabels.get(invitation.id) })),
      members,
      outbox,
      events: await eventsSince(db, w.acme.partner.id, since),
    },
    { ...w.labels, ids: { ...w.labels.ids, user: userLabels, invitation: invitationLabels } },
  );
}

/** The Teams page's command on one workspace, the API on an identical one: the same writes. */
const bothWays = bothWaysOn(workspaceAlike, written);

describe("a workspace's collaborators, changed on its Teams page and through the API", () => {
  it("invite a collaborator who has no account: the same pending invitation, email and audit event", async () => {
    const written = await bothWays({
      console: (w) => inviteCollaborator(w.ctx, { ...newcomer, roleId: SYSTEM_ROLE_IDS.operator }),
      api: (w) => call(invitationRoute.POST, "POST", { token: w.token, params: w.params, body: { ...newcomer, role_name: "Operator" } }),
    });
    expect(written.invitations).toEqual([
      { id: "invitation 0", ...newcomer, roleId: SYSTEM_ROLE_IDS.operator, envRoles: [], accepted: false, link: true, validForMs: 14 * 86_400_000 },
    ]);
    expect(written.members.map((member) => member.userId)).toEqual(["team admin", "operator"]);
    expect(written.outbox).toEqual([expect.objectContaining({ kind: expect.any(String), to: newcomer.email, status: "queued" })]);
    expect(written.events).toEqual([
      {
        action: "collaborator.invite",
        targetType: "invitation",
        targetId: "invitation 0",
        customerId: "customer",
        customerName: "Twin Corp",
        partnerId: "partner",
        changes: { person: `New Person (${newcomer.email})`, role: { from: null, to: "Operator" }, joined: false },
      },
    ]);
  });

  it("invite a person who has an account: the same membership, accepted invitation and audit event", async () => {
    const written = await bothWays({
      console: (w) => inviteCollaborator(w.ctx, { name: "Has Account", email: w.withAccount.email, roleId: SYSTEM_ROLE_IDS.operator }),
      api: (w) =>
        call(invitationRoute.POST, "POST", {
          token: w.token,
          params: w.params,
          body: { name: "Has Account", email: w.withAccount.email, role_name: "Operator" },
        }),
    });
    expect(written.members).toContainEqual({ userId: "with account", roleId: SYSTEM_ROLE_IDS.operator, timeZone: "UTC", externalId: null });
    expect(written.invitations).toEqual([
      expect.objectContaining({ email: "with-account@", roleId: SYSTEM_ROLE_IDS.operator, accepted: true, link: false, validForMs: null }),
    ]);
    expect(written.outbox).toEqual([]);
    expect(written.events).toEqual([
      expect.objectContaining({
        action: "collaborator.invite",
        changes: { person: "Has Account (with-account@)", role: { from: null, to: "Operator" }, joined: true },
      }),
    ]);
  });

  it("change a collaborator's role: the same membership and the same audit event, with role names", async () => {
    const written = await bothWays({
      console: (w) => changeCollaboratorRole(w.ctx, { userId: w.operator.id, roleId: SYSTEM_ROLE_IDS.analyst }),
      api: (w) => call(memberRoute.PUT, "PUT", { token: w.token, params: { ...w.params, id: String(w.operator.id) }, body: { role_name: "Analyst" } }),
    });
    expect(written.members).toContainEqual({ userId: "operator", roleId: SYSTEM_ROLE_IDS.analyst, timeZone: "UTC", externalId: null });
    expect(written.events).toEqual([
      {
        action: "collaborator.role_change",
        targetType: "user",
        targetId: "operator",
        customerId: "customer",
        customerName: "Twin Corp",
        partnerId: "partner",
        changes: { person: "Olly Operator (operator@)", role: { from: "Operator", to: "Analyst" } },
      },
    ]);
  });
});
