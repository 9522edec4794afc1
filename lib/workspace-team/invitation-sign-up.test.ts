import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, customerInvitations, customerMembers, users } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { verifyPassword } from "@/lib/auth/password";
import { getDatabase } from "@/lib/db";
import { createManager, insideCustomer, personContext } from "@/tests/support/contexts";
import { apiClientContext } from "@/tests/support/api";
import { createCustomer, createPartner, createUser } from "@/tests/support/factories";
import { inviteCollaborator as inviteFromTeams } from "@/lib/workspace-team/team";
import { inviteCollaborator as inviteFromApi, INVITATION_VALID_MS } from "./invitations";
import { findInvitation, signUpWithInvitation } from "./invitation-sign-up";
import { INVALID_INVITATION } from "./sign-up-schema";

const { admin: ADMIN, operator: OPERATOR } = SYSTEM_ROLE_IDS;
const PASSWORD = "a long enough password";
const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const tokenOf = (path: string | null) => path!.split("/invitations/")[1]!;

/** Two partners' customers inviting the same unknown email: from the Teams page, and through the API. */
async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  const home = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
  const other = await createCustomer(db, globex.partner.id, globex.plans.starter.id);
  const { user: manager } = await createManager(db, acme.partner.id, ADMIN, [home.id]);
  const asManager = insideCustomer(personContext(acme.partner, manager), home);
  const email = `${randomUUID()}@new.example`;
  const fromTeams = await inviteFromTeams(asManager, { name: "Nina New", email, roleId: OPERATOR });
  if (fromTeams.outcome !== "invited") throw new Error("expected an invitation");
  const fromApi = await inviteFromApi(await apiClientContext(globex.partner, globex.admin), String(other.id), {
    name: "Nina",
    email: email.toUpperCase(),
    roleName: "Admin",
  });
  return { db, acme, globex, home, other, email, token: tokenOf(fromTeams.invitationPath), apiToken: tokenOf(fromApi.invitationPath) };
}

async function pendingOf(email: string) {
  return getDatabase()
    .select()
    .from(customerInvitations)
    .where(and(sql`lower(${customerInvitations.email}) = ${email}`, sql`${customerInvitations.acceptedAt} is null`));
}

describe("signing up with an invitation link (rules U19, C12)", () => {
  it("creates the account and accepts the link's own invitation, audited as the new person; another workspace's stays pending", async () => {
    const { db, home, other, email, token, apiToken } = await setup();
    expect(await findInvitation(token)).toEqual({ customerName: home.name, email, name: "Nina New", accountExists: false });

    expect(await signUpWithInvitation({ token, name: " Nina New ", password: PASSWORD }, meta)).toEqual({ email });
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ name: "Nina New" });
    expect(user!.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(PASSWORD, user!.passwordHash)).toBe(true);

    const memberships = await db.select().from(customerMembers).where(eq(customerMembers.userId, user!.id)).orderBy(customerMembers.customerId);
    // A link goes to whoever invited, not to the email's owner: it must not collect another partner's invitation.
    expect(memberships.map((m) => [m.customerId, m.roleId])).toEqual([[home.id, OPERATOR]]);
    expect((await pendingOf(email)).map((invitation) => invitation.customerId)).toEqual([other.id]);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "invitation.accept"), eq(auditEvents.actorUserId, user!.id)));
    expect(events.map((e) => e.customerId)).toEqual([home.id]);
    expect(events[0]).toMatchObject({ actorEmail: email, actingAs: "customer_collaborator" });

    // The link is used now; the other one finds an account and asks to sign in. The person signs in with the new
    // password, into a workspace.
    expect(await findInvitation(token)).toBeNull();
    expect(await findInvitation(apiToken)).toMatchObject({ accountExists: true });
    await expect(signInWithPassword({ email, password: PASSWORD }, meta)).resolves.toMatchObject({ userId: user!.id });
  });

  it("answers an unknown, a used and an expired link with the same message, and writes nothing", async () => {
    const { db, acme, home, token } = await setup();
    await signUpWithInvitation({ token, name: "Nina", password: PASSWORD }, meta);

    const { user: manager } = await createManager(db, acme.partner.id, ADMIN, [home.id]);
    const longAgo = new Date(Date.now() - INVITATION_VALID_MS - 60_000);
    const lateEmail = `${randomUUID()}@late.example`;
    const late = await inviteFromTeams(insideCustomer(personContext(acme.partner, manager, { at: longAgo }), home), {
      name: "Late",
      email: lateEmail,
      roleId: OPERATOR,
    });
    const expired = tokenOf(late.outcome === "invited" ? late.invitationPath : null);
    const unknown = `pcinv_${"A".repeat(43)}`;

    const usersBefore = (await db.select({ id: users.id }).from(users)).length;
    const failures = [];
    for (const link of [unknown, token, expired, "not-a-token"]) {
      expect(await findInvitation(link)).toBeNull();
      failures.push(await signUpWithInvitation({ token: link, name: "Mallory", password: PASSWORD }, meta).catch((error: unknown) => error));
    }
    for (const failure of failures) expect(failure).toMatchObject({ code: "NOT_FOUND", message: INVALID_INVITATION });
    expect((await db.select({ id: users.id }).from(users)).length).toBe(usersBefore);
    expect(await pendingOf(lateEmail)).toHaveLength(1);
  });

  it("refuses an email that already has an account (no sign-up over it), and leaves the invitations pending", async () => {
    const { db, email, token } = await setup();
    const existing = await createUser(db, { email, passwordHash: null });
    expect(await findInvitation(token)).toMatchObject({ accountExists: true });
    await expect(signUpWithInvitation({ token, name: "Mallory", password: PASSWORD }, meta)).rejects.toMatchObject({ code: "CONFLICT" });
    const [row] = await db.select().from(users).where(eq(users.id, existing.id));
    expect(row!.passwordHash).toBeNull();
    expect(await db.select().from(customerMembers).where(eq(customerMembers.userId, existing.id))).toEqual([]);
    expect(await pendingOf(email)).toHaveLength(2);
  });

  it("checks the name and password (at least 12 characters) before anything else", async () => {
    const { token } = await setup();
    await expect(signUpWithInvitation({ token, name: " ", password: "short" }, meta)).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { name: [expect.any(String)], password: [expect.any(String)] },
    });
    expect(await findInvitation(token)).not.toBeNull();
  });

  it("never leaves a half-done sign-up: a failure while accepting the invitation undoes the account", async () => {
    const { db, home, email, token } = await setup();
    await db.execute(
      sql.raw(`
      create function refuse_test_membership() returns trigger language plpgsql as $$
      begin raise exception 'refused for the test'; end $$;
      create trigger refuse_test_membership before insert on customer_members
        for each row when (new.customer_id = ${home.id}) execute function refuse_test_membership();`),
    );
    try {
      await expect(signUpWithInvitation({ token, name: "Nina", password: PASSWORD }, meta)).rejects.toThrow();
    } finally {
      await db.execute(sql.raw(`drop trigger refuse_test_membership on customer_members; drop function refuse_test_membership();`));
    }
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect(await pendingOf(email)).toHaveLength(2);
    const invitationIds = (await pendingOf(email)).map((i) => String(i.id));
    expect(
      await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "invitation.accept"), inArray(auditEvents.targetId, invitationIds))),
    ).toEqual([]);
    // The link still works afterwards.
    await expect(signUpWithInvitation({ token, name: "Nina", password: PASSWORD }, meta)).resolves.toEqual({ email });
  });
});
