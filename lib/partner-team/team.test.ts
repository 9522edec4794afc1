/**
 * The partner's own team (issue 15): invitations with one-time links, roles, removal, and the last admin.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, customerManagers, partnerInvitations, partnerMembers, sessions, users } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { hashOneTimeToken } from "@/lib/auth/one-time-token";
import { loadSessionContext } from "@/lib/auth/session-store";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { listAssignableTeamMembers } from "@/lib/customer-managers/options";
import { getDatabase } from "@/lib/db";
import { createManager, createTeamMember, openSession, personContext } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { acceptTeamInvitation, findTeamInvitation } from "./accept";
import { changeTeamRole } from "./change-role";
import { inviteTeamMember } from "./invite";
import { listTeam } from "./list";
import { removeTeamMember } from "./remove";
import { resendTeamInvitation } from "./resend";
import { revokeTeamInvitation } from "./revoke";
import { HOUR_MS } from "@/lib/time";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  return { db, acme, globex, admin: adminContext(acme.partner, acme.admin), globexAdmin: adminContext(globex.partner, globex.admin) };
}

/** Invites `email` and reads the link's token back by giving the invitation a known one (the email carries the real one). */
async function invitedWithToken(ctx: ReturnType<typeof adminContext>, email: string, role: "admin" | "member" = "member") {
  const { id } = await inviteTeamMember(ctx, { email, role });
  const token = `pctinv_${"t".repeat(30)}${String(id).padStart(13, "0")}`;
  await getDatabase()
    .update(partnerInvitations)
    .set({ tokenHash: hashOneTimeToken(token) })
    .where(eq(partnerInvitations.id, id));
  return { id, token };
}

const audit = (partnerId: number, action: string) =>
  getDatabase()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, partnerId), eq(auditEvents.action, action)));

describe("team invitations", () => {
  it("a new person signs up with the link, joins with the role, signs in, and is offered as a customer manager", async () => {
    const { acme, admin } = await setup();
    const email = `joiner-${Date.now()}@example.test`;
    const { token } = await invitedWithToken(admin, email, "member");
    expect((await listTeam(admin)).invitations.map((i) => i.email)).toEqual([email]);

    await acceptTeamInvitation({ token, name: "Jo Iner", password: "a long enough password" }, null, meta);
    const team = await listTeam(admin);
    expect(team.invitations).toEqual([]);
    expect(team.members.find((m) => m.email === email)).toMatchObject({ name: "Jo Iner", role: "member", lastSignInAt: null, customerManager: false });

    const signedIn = await signInWithPassword({ email, password: "a long enough password" }, meta);
    expect((await listTeam(admin)).members.find((m) => m.email === email)?.lastSignInAt).not.toBeNull();
    const options = await listAssignableTeamMembers(admin, { q: "Jo Iner" });
    expect(options.map((o) => o.id)).toContain(signedIn.userId);
    expect(await audit(acme.partner.id, "team.invitation_accept")).toHaveLength(1);

    // Used once: the second use is refused, and changes nothing.
    await expect(acceptTeamInvitation({ token, name: "Again", password: "a long enough password" }, null, meta)).rejects.toThrow("already accepted");
    expect(await findTeamInvitation(token)).toEqual({ problem: expect.stringContaining("already accepted") });
  });

  it("refuses an expired link, a revoked one, a replaced one, and a different signed-in person, changing nothing", async () => {
    const { db, acme, admin } = await setup();
    const email = `later-${Date.now()}@example.test`;
    const { id, token } = await invitedWithToken(admin, email);
    await db
      .update(partnerInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(partnerInvitations.id, id));
    await expect(acceptTeamInvitation({ token, name: "X", password: "a long enough password" }, null, meta)).rejects.toThrow("expired");

    // Resend: a new link for 7 more days; the old one no longer works.
    await resendTeamInvitation(admin, { id });
    expect(await findTeamInvitation(token)).toEqual({ problem: expect.stringContaining("not valid") });

    const other = await createTeamMember(db, acme.partner.id, { name: "Someone Else" });
    const { id: secondId, token: second } = await invitedWithToken(admin, `second-${Date.now()}@example.test`);
    await expect(acceptTeamInvitation({ token: second }, { userId: other.id, email: other.email }, meta)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [still] = await db.select().from(partnerInvitations).where(eq(partnerInvitations.id, secondId));
    expect(still?.acceptedAt).toBeNull();

    await revokeTeamInvitation(admin, { id: secondId });
    expect(await findTeamInvitation(second)).toEqual({ problem: expect.stringContaining("revoked") });
    await expect(revokeTeamInvitation(admin, { id: secondId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("an existing account accepts while signed in with the invited email", async () => {
    const { db, acme, globex, admin } = await setup();
    const person = await createTeamMember(db, globex.partner.id, { name: "Globex Person" });
    const { token } = await invitedWithToken(admin, person.email.toUpperCase(), "admin");
    expect(await findTeamInvitation(token)).toEqual({ invitation: expect.objectContaining({ accountExists: true }) });
    await expect(acceptTeamInvitation({ token, name: "X", password: "a long enough password" }, null, meta)).rejects.toMatchObject({ code: "CONFLICT" });
    await acceptTeamInvitation({ token }, { userId: person.id, email: person.email }, meta);
    const [row] = await db
      .select()
      .from(partnerMembers)
      .where(and(eq(partnerMembers.partnerId, acme.partner.id), eq(partnerMembers.userId, person.id)));
    expect(row?.role).toBe("admin");
  });

  it("is for partner admins: a member, a switched-in admin and another partner are refused", async () => {
    const { db, acme, admin, globexAdmin } = await setup();
    const member = await createTeamMember(db, acme.partner.id);
    const asMember = personContext(acme.partner, member, { partnerRole: "member" });
    await expect(inviteTeamMember(asMember, { email: `x-${Date.now()}@example.test`, role: "member" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listTeam(asMember)).members.length).toBe(2);
    const { id } = await inviteTeamMember(admin, { email: `y-${Date.now()}@example.test`, role: "member" });
    await expect(revokeTeamInvitation(globexAdmin, { id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(changeTeamRole(globexAdmin, { userId: member.id, role: "admin" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeTeamMember(globexAdmin, { userId: member.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inviteTeamMember(admin, { email: member.email, role: "member" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("roles and removal", () => {
  it("the last admin can be neither demoted nor removed; with a second admin, both work", async () => {
    const { db, acme, admin } = await setup();
    await expect(changeTeamRole(admin, { userId: acme.admin.id, role: "member" })).rejects.toThrow("last admin");
    await expect(removeTeamMember(admin, { userId: acme.admin.id })).rejects.toThrow("last admin");
    const second = await createTeamMember(db, acme.partner.id, { role: "member" });
    await changeTeamRole(admin, { userId: second.id, role: "admin" });
    await changeTeamRole(admin, { userId: acme.admin.id, role: "member" });
    expect((await listTeam(admin)).members.map((m) => [m.userId, m.role])).toEqual(
      expect.arrayContaining([
        [acme.admin.id, "member"],
        [second.id, "admin"],
      ]),
    );
    expect(await audit(acme.partner.id, "team.role_change")).toHaveLength(2);
  });

  it("removing a member ends its sessions and its switch at once, ends its manager assignment, and keeps its history", async () => {
    const { db, acme, admin } = await setup();
    const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
    const { user: manager } = await createManager(db, acme.partner.id, SYSTEM_ROLE_IDS.admin, [customer.id], "Leaving Manager");
    const home = await openSession(db, acme.partner.id, manager.id);
    const switched = await openSession(db, acme.partner.id, manager.id, { activeCustomerId: customer.id, switchExpiresAt: new Date(Date.now() + HOUR_MS) });
    expect(await loadSessionContext(switched, meta)).toMatchObject({ account: { kind: "customer" } });

    await removeTeamMember(admin, { userId: manager.id });
    expect(await loadSessionContext(home, meta)).toBeNull();
    expect(await loadSessionContext(switched, meta)).toBeNull();
    expect(await db.select().from(customerManagers).where(eq(customerManagers.userId, manager.id))).toHaveLength(0);
    expect(await db.select().from(partnerMembers).where(eq(partnerMembers.userId, manager.id))).toHaveLength(0);
    const [revoked] = await db.select().from(sessions).where(eq(sessions.idHash, switched));
    expect(revoked?.activeCustomerId).toBeNull();
    const removal = await audit(acme.partner.id, "team.remove");
    expect(removal[0]?.changes).toMatchObject({ sessionsEnded: 2, customerManager: true });
    expect(await audit(acme.partner.id, "account.switch_out")).toHaveLength(1);
    expect((await listAssignableTeamMembers(admin, { q: "Leaving" })).map((o) => o.id)).not.toContain(manager.id);
  });
});
