import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditEvents, customerMembers, sessions } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { loadSessionContext, revokeSession } from "@/lib/auth/session-store";
import { getDatabase } from "@/lib/db";
import { assignCustomerManager } from "@/lib/customer-managers/assign";
import { removeCustomerManager } from "@/lib/customer-managers/remove";
import { addDirectMember, createManager, createTeamMember, insideCustomer, openSession, personContext, sessionSecretOf } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner, createUser } from "@/tests/support/factories";
import { listWorkspaceMembers } from "@/lib/workspace-team/membership";
import { returnToPartnerAccount, switchIntoCustomer, switchTimeLimitMinutes } from "./switch";

const { admin: ADMIN, operator: OPERATOR } = SYSTEM_ROLE_IDS;

const meta = { ip: "203.0.113.5", userAgent: "vitest" };
const MINUTE = 60_000;

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  const managed = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
  const other = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
  const foreign = await createCustomer(db, globex.partner.id, globex.plans.starter.id);
  const { user: manager, assignment } = await createManager(db, acme.partner.id, ADMIN, [managed.id], "Morgan Lee");
  const at = new Date();
  const managerSession = await openSession(db, acme.partner.id, manager.id, { at });
  const managerCtx = personContext(acme.partner, manager, { sessionIdHash: managerSession, at });
  return { db, acme, globex, managed, other, foreign, manager, assignment, managerSession, managerCtx, at };
}

async function events(partnerId: number, userId: number) {
  return getDatabase()
    .select({ action: auditEvents.action, actingAs: auditEvents.actingAs, customerId: auditEvents.customerId, changes: auditEvents.changes })
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, partnerId), eq(auditEvents.actorUserId, userId)))
    .orderBy(auditEvents.id);
}

afterEach(() => {
  delete process.env.SWITCH_TIME_LIMIT_MINUTES;
});

describe("switching into a customer account (rules C7, U18)", () => {
  it("lets a manager into the customers it manages, with its reason in the audit log and a 60-minute limit", async () => {
    const { db, acme, managed, manager, managerSession, managerCtx, at } = await setup();
    const result = await switchIntoCustomer(managerCtx, { customerId: managed.id, reason: "Ticket #4411" });
    expect(result.expiresAt.getTime()).toBe(at.getTime() + 60 * MINUTE);

    const [session] = await db.select().from(sessions).where(eq(sessions.idHash, managerSession));
    expect(session).toMatchObject({ activeCustomerId: managed.id, switchReason: "Ticket #4411" });
    expect(await events(acme.partner.id, manager.id)).toEqual([
      {
        action: "account.switch_in",
        actingAs: "customer_manager",
        customerId: managed.id,
        changes: expect.objectContaining({ reason: "Ticket #4411", role: "Admin" }),
      },
    ]);
    const ctx = await loadSessionContext(managerSession, meta, new Date(at.getTime() + 59 * MINUTE));
    expect(ctx?.account).toMatchObject({ kind: "customer", customerId: managed.id });
  });

  it("refuses customers the person may not enter, and another partner's, exactly like unknown ones (decision D8)", async () => {
    const { db, acme, other, foreign, managerSession, managerCtx, manager } = await setup();
    await expect(switchIntoCustomer(managerCtx, { customerId: other.id, reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(switchIntoCustomer(managerCtx, { customerId: foreign.id, reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(switchIntoCustomer(managerCtx, { customerId: 2_000_000_000, reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const plain = await createTeamMember(db, acme.partner.id);
    await expect(switchIntoCustomer(personContext(acme.partner, plain), { customerId: other.id, reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [session] = await db.select().from(sessions).where(eq(sessions.idHash, managerSession));
    expect(session!.activeCustomerId).toBeNull();
    expect(await events(acme.partner.id, manager.id)).toEqual([]);
  });

  it("refuses a partner admin who is neither a manager nor a collaborator, until it assigns itself as manager (rule U18)", async () => {
    const { db, acme, other, foreign } = await setup();
    const adminSession = await openSession(db, acme.partner.id, acme.admin.id);
    const admin = { ...adminContext(acme.partner, acme.admin), actor: { ...adminContext(acme.partner, acme.admin).actor, sessionIdHash: adminSession } };
    await expect(switchIntoCustomer(admin, { customerId: other.id, reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(switchIntoCustomer(admin, { customerId: foreign.id, reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await events(acme.partner.id, acme.admin.id)).toEqual([]);

    // The visible way in: a customer manager assignment, which the customer sees on its Teams page.
    const { id } = await assignCustomerManager(admin, { userId: acme.admin.id, roleId: ADMIN, customerIds: [other.id] });
    expect(id).toBeGreaterThan(0);
    await switchIntoCustomer(admin, { customerId: other.id, reason: "Escalation" });
    expect((await events(acme.partner.id, acme.admin.id)).at(-1)).toMatchObject({
      action: "account.switch_in",
      actingAs: "customer_manager",
      customerId: other.id,
    });
    expect((await listWorkspaceMembers(db, acme.partner.id, other.id)).map((member) => [member.userId, member.isCustomerManager])).toContainEqual([
      acme.admin.id,
      true,
    ]);
  });

  it("ends, at its next request, a partner admin's switch that no membership stands behind (rule U18)", async () => {
    const { db, acme, other } = await setup();
    const session = await openSession(db, acme.partner.id, acme.admin.id, { activeCustomerId: other.id, switchExpiresAt: new Date(Date.now() + 60 * MINUTE) });
    expect((await loadSessionContext(session, meta))?.account).toEqual({ kind: "partner" });
    expect((await events(acme.partner.id, acme.admin.id)).at(-1)).toMatchObject({ action: "account.switch_out", changes: { reason: "access revoked" } });
  });

  it("lets a directly invited collaborator into that customer", async () => {
    const { db, acme, other } = await setup();
    const invited = await createTeamMember(db, acme.partner.id);
    await addDirectMember(db, acme.partner.id, other.id, invited.id, OPERATOR);
    const invitedSession = await openSession(db, acme.partner.id, invited.id);
    await switchIntoCustomer(personContext(acme.partner, invited, { sessionIdHash: invitedSession }), { customerId: other.id, reason: "" });
    expect((await events(acme.partner.id, invited.id)).at(-1)).toMatchObject({ actingAs: "customer_collaborator" });
  });

  it("makes a second switch from inside a customer account impossible", async () => {
    const { managed, other, managerCtx } = await setup();
    await expect(switchIntoCustomer(insideCustomer(managerCtx, managed), { customerId: other.id, reason: "" })).rejects.toMatchObject({ code: "CONFLICT" });
    await switchIntoCustomer(managerCtx, { customerId: managed.id, reason: "" });
    // The same stale context replayed: the session is already in a customer account.
    await expect(switchIntoCustomer(managerCtx, { customerId: managed.id, reason: "" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("takes its time limit from SWITCH_TIME_LIMIT_MINUTES", async () => {
    process.env.SWITCH_TIME_LIMIT_MINUTES = "15";
    expect(switchTimeLimitMinutes()).toBe(15);
    delete process.env.SWITCH_TIME_LIMIT_MINUTES;
    expect(switchTimeLimitMinutes()).toBe(60);
    // A bad value is refused by name (npm start and the server's start-up check stop on it), never silently ignored.
    process.env.SWITCH_TIME_LIMIT_MINUTES = "nonsense";
    expect(() => switchTimeLimitMinutes()).toThrow(/SWITCH_TIME_LIMIT_MINUTES/);
    delete process.env.SWITCH_TIME_LIMIT_MINUTES;
  });
});

describe("a switch ends (rule C7)", () => {
  it("after its time limit: the next request is in the partner account, and the end is audited as expired", async () => {
    const { db, acme, managed, manager, managerSession, managerCtx, at } = await setup();
    await switchIntoCustomer(managerCtx, { customerId: managed.id, reason: "" });
    const ctx = await loadSessionContext(managerSession, meta, new Date(at.getTime() + 60 * MINUTE));
    expect(ctx?.account).toEqual({ kind: "partner" });
    const [session] = await db.select().from(sessions).where(eq(sessions.idHash, managerSession));
    expect(session).toMatchObject({ activeCustomerId: null, switchExpiresAt: null, revokedAt: null });
    expect((await events(acme.partner.id, manager.id)).at(-1)).toMatchObject({
      action: "account.switch_out",
      customerId: managed.id,
      changes: { reason: "expired" },
    });
  });

  it("at the next request of a manager removed while inside (rule C10)", async () => {
    const { acme, managed, manager, managerSession, managerCtx, assignment } = await setup();
    await switchIntoCustomer(managerCtx, { customerId: managed.id, reason: "" });
    await removeCustomerManager(adminContext(acme.partner, acme.admin), { id: assignment.id });
    const ctx = await loadSessionContext(managerSession, meta);
    expect(ctx?.account).toEqual({ kind: "partner" });
    expect((await events(acme.partner.id, manager.id)).at(-1)).toMatchObject({ action: "account.switch_out", changes: { reason: "access revoked" } });
    // And it cannot come back in.
    await expect(switchIntoCustomer(managerCtx, { customerId: managed.id, reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("on Return to partner account, and on sign-out", async () => {
    const { db, acme, managed, manager, managerSession, managerCtx } = await setup();
    await switchIntoCustomer(managerCtx, { customerId: managed.id, reason: "" });
    const inside = await loadSessionContext(managerSession, meta);
    await returnToPartnerAccount(inside!);
    expect((await loadSessionContext(managerSession, meta))?.account).toEqual({ kind: "partner" });
    await expect(returnToPartnerAccount(managerCtx)).rejects.toMatchObject({ code: "FORBIDDEN" });

    await switchIntoCustomer(managerCtx, { customerId: managed.id, reason: "" });
    const [session] = await db.select().from(sessions).where(eq(sessions.idHash, managerSession));
    expect(session!.activeCustomerId).toBe(managed.id);
    await revokeSession(sessionSecretOf(managerSession));
    const actions = (await events(acme.partner.id, manager.id)).map((e) => [e.action, (e.changes as { reason?: string }).reason ?? null]);
    expect(actions.slice(-2)).toEqual([
      ["account.switch_out", "signed out"],
      ["session.sign_out", null],
    ]);
  });
});

describe("a customer's own collaborator", () => {
  it("is in its home workspace while it is a member there, and nowhere once it is not", async () => {
    const { db, acme, managed } = await setup();
    const casey = await createUser(db, { name: "Casey Nguyen" });
    await addDirectMember(db, acme.partner.id, managed.id, casey.id, ADMIN);
    const session = await openSession(db, acme.partner.id, casey.id, { activeCustomerId: managed.id });
    expect((await loadSessionContext(session, meta))?.account).toMatchObject({ kind: "customer", customerId: managed.id, switchExpiresAt: null });

    await db.delete(customerMembers).where(eq(customerMembers.userId, casey.id));
    const ctx = await loadSessionContext(session, meta);
    expect(ctx?.account).toEqual({ kind: "partner" });
    expect(ctx?.actor).toMatchObject({ partnerRole: null });
  });
});
