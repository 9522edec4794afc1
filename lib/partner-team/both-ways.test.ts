import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as invitationsRoute from "@/app/api/member_invitations/route";
import * as invitationRoute from "@/app/api/member_invitations/[id]/route";
import * as memberRoute from "@/app/api/members/[id]/route";
import { customerManagers, emailOutbox, partnerInvitations, partnerMembers, sessions } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { getDatabase } from "@/lib/db";
import { apiToken, call } from "@/tests/support/api";
import { bothWaysOn, eventsSince, labelled } from "@/tests/support/both-ways";
import { createManager, openSession } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { changeTeamRole } from "./change-role";
import { inviteTeamMember } from "./invite";
import { removeTeamMember } from "./remove";
import { revokeTeamInvitation } from "./revoke";

/**
 * Each verb of the partner's team that both the Team page and the REST API offer (issue 13), performed once each
 * way on two partners alike: the rows and the audit events it wrote are compared field by field. What differs by
 * design is left out: IDs, moments, the one-time token, the actor (a person or an API client) and how it acted.
 */
const email = `joiner-${randomUUID()}@example.test`;
const pendingEmail = `pending-${randomUUID()}@example.test`;

/** A partner with its admin, a customer, an API token, and the person the verb is about (a member managing the customer, switched into it). */
async function partnerAlike() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Twin Corp" });
  const { user: person, assignment } = await createManager(db, acme.partner.id, SYSTEM_ROLE_IDS.admin, [customer.id], "Mia Member");
  await openSession(db, acme.partner.id, person.id, { activeCustomerId: customer.id, switchExpiresAt: new Date(Date.now() + 60 * 60_000) });
  const { id: invitationId } = await inviteTeamMember(adminContext(acme.partner, acme.admin), { email: pendingEmail, role: "member" });
  const token = await apiToken(acme.partner, acme.admin, { scopes: ["members:write"] });
  const labels = {
    ids: {
      partner: new Map([[acme.partner.id, "partner"]]),
      user: new Map([
        [acme.admin.id, "admin"],
        [person.id, "person"],
      ]),
      customer: new Map([[customer.id, "customer"]]),
      partner_invitation: new Map([[invitationId, "pending invitation"]]),
      customer_manager: new Map([[assignment.id, "assignment"]]),
    },
    texts: new Map([[person.email, "person@"]]),
  };
  return { db, acme, customer, person, invitationId, token, labels, ctx: adminContext(acme.partner, acme.admin) };
}
type Partner = Awaited<ReturnType<typeof partnerAlike>>;

/** The team's rows as the verbs write them (without IDs, moments and the token), and the events after `since`. */
async function written(p: Partner, since: number) {
  const { db, acme, person } = p;
  const partnerId = acme.partner.id;
  const invitations = await db
    .select({
      id: partnerInvitations.id,
      email: partnerInvitations.email,
      role: partnerInvitations.role,
      validForMs: sql<number>`(extract(epoch from ${partnerInvitations.expiresAt} - ${partnerInvitations.sentAt}) * 1000)::int`,
      accepted: sql<boolean>`${partnerInvitations.acceptedAt} is not null`,
      revoked: sql<boolean>`${partnerInvitations.revokedAt} is not null`,
    })
    .from(partnerInvitations)
    .where(eq(partnerInvitations.partnerId, partnerId))
    .orderBy(partnerInvitations.id);
  const team = await db
    .select({ userId: partnerMembers.userId, role: partnerMembers.role })
    .from(partnerMembers)
    .where(eq(partnerMembers.partnerId, partnerId))
    .orderBy(partnerMembers.userId);
  const personSessions = await db
    .select({
      revoked: sql<boolean>`${sessions.revokedAt} is not null`,
      activeCustomerId: sessions.activeCustomerId,
      switched: sql<boolean>`${sessions.switchExpiresAt} is not null`,
    })
    .from(sessions)
    .where(and(eq(sessions.partnerId, partnerId), eq(sessions.userId, person.id)));
  const managers = await db
    .select({ userId: customerManagers.userId, roleId: customerManagers.roleId })
    .from(customerManagers)
    .where(eq(customerManagers.partnerId, partnerId));
  const outbox = await db
    .select({ kind: emailOutbox.kind, to: emailOutbox.toAddress, status: emailOutbox.status })
    .from(emailOutbox)
    .where(eq(emailOutbox.partnerId, partnerId))
    .orderBy(emailOutbox.id);
  // An invitation made by the verb gets its label by its position, the one thing the two partners share.
  const invitationLabels = new Map(p.labels.ids.partner_invitation);
  invitations.forEach((invitation, index) => invitationLabels.set(invitation.id, invitationLabels.get(invitation.id) ?? `invitation ${index}`));
  const labels = { ...p.labels, ids: { ...p.labels.ids, partner_invitation: invitationLabels } };
  const labelledInvitations = invitations.map((invitation) => ({ ...invitation, id: invitationLabels.get(invitation.id) }));
  return labelled({ invitations: labelledInvitations, team, personSessions, managers, outbox, events: await eventsSince(db, partnerId, since) }, labels);
}

const bothWays = bothWaysOn(partnerAlike, written);

describe("the partner's team, changed on the Team page and through the API", () => {
  it("invite a team member: the same invitation, email and audit event", async () => {
    const written = await bothWays({
      console: (p) => inviteTeamMember(p.ctx, { email, role: "admin" }),
      api: (p) => call(invitationsRoute.POST, "POST", { token: p.token, body: { email, role: "admin" } }),
    });
    expect(written.invitations).toContainEqual({ id: "invitation 1", email, role: "admin", validForMs: 7 * 86_400_000, accepted: false, revoked: false });
    expect(written.outbox.at(-1)).toEqual({ kind: "partner_invitation", to: email, status: "queued" });
    expect(written.events).toEqual([
      expect.objectContaining({
        action: "team.invite",
        targetType: "partner_invitation",
        targetId: "invitation 1",
        changes: { email, role: { from: null, to: "admin" } },
      }),
    ]);
  });

  it("change a member's role: the same membership and audit event", async () => {
    const written = await bothWays({
      console: (p) => changeTeamRole(p.ctx, { userId: p.person.id, role: "admin" }),
      api: (p) => call(memberRoute.PUT, "PUT", { token: p.token, params: { id: String(p.person.id) }, body: { role: "admin" } }),
    });
    expect(written.team).toContainEqual({ userId: "person", role: "admin" });
    expect(written.events).toEqual([
      expect.objectContaining({
        action: "team.role_change",
        targetId: "person",
        changes: { person: "Mia Member (person@)", role: { from: "member", to: "admin" } },
      }),
    ]);
  });

  it("remove a member: the same sessions ended, manager assignment ended, membership gone, and audit events", async () => {
    const written = await bothWays({
      console: (p) => removeTeamMember(p.ctx, { userId: p.person.id }),
      api: (p) => call(memberRoute.DELETE, "DELETE", { token: p.token, params: { id: String(p.person.id) } }),
    });
    expect(written.team.map((member) => member.userId)).toEqual(["admin"]);
    expect(written.personSessions).toEqual([{ revoked: true, activeCustomerId: null, switched: false }]);
    expect(written.managers).toEqual([]);
    expect(written.events.map((event) => event.action)).toEqual(["account.switch_out", "customer_manager.remove", "team.remove"]);
  });

  it("revoke an invitation: the same invitation revoked and audit event", async () => {
    const written = await bothWays({
      console: (p) => revokeTeamInvitation(p.ctx, { id: p.invitationId }),
      api: (p) => call(invitationRoute.DELETE, "DELETE", { token: p.token, params: { id: String(p.invitationId) } }),
    });
    expect(written.invitations).toEqual([expect.objectContaining({ id: "pending invitation", revoked: true })]);
    expect(written.events).toEqual([
      expect.objectContaining({
        action: "team.invitation_revoke",
        targetId: "pending invitation",
        changes: { email: pendingEmail, role: { from: "member", to: null } },
      }),
    ]);
  });
});
