import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, customerManagerCustomers, sessions } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { loadSessionContext } from "@/lib/auth/session-store";
import type { RequestContext } from "@/lib/context";
import { getDatabase } from "@/lib/db";
import { removeCustomerManager } from "@/lib/customer-managers/remove";
import { addDirectMember, createManager, createTeamMember, insideCustomer, openSession, personContext } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner, createUser } from "@/tests/support/factories";
import { countEnterableCustomers, searchOtherEnterableCustomers } from "./enterable";
import { switchIntoCustomer, switchToAnotherCustomer } from "./switch";
import { partnerLandingPath, switchEndedNotice } from "./switch-notice";

/*
 * Issue 12, "people left without a word": a switch that ends on its own is explained on the page the person lands
 * on, and a manager moves from one customer straight to another.
 */

const { admin: ADMIN } = SYSTEM_ROLE_IDS;
const meta = { ip: "203.0.113.5", userAgent: "vitest" };
const MINUTE = 60_000;

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const northwind = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Northwind Traders" });
  const contoso = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Contoso Pharmaceuticals" });
  const initech = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Initech" });
  const { user: manager, assignment } = await createManager(db, acme.partner.id, ADMIN, [northwind.id, contoso.id], "Morgan Lee");
  const at = new Date();
  const session = await openSession(db, acme.partner.id, manager.id, { at });
  const partnerSide = personContext(acme.partner, manager, { sessionIdHash: session, at });
  return { db, acme, northwind, contoso, initech, manager, assignment, session, partnerSide, at };
}

async function switchOuts(partnerId: number, userId: number) {
  return getDatabase()
    .select({ id: auditEvents.id, customerId: auditEvents.customerId, changes: auditEvents.changes })
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, partnerId), eq(auditEvents.actorUserId, userId), eq(auditEvents.action, "account.switch_out")))
    .orderBy(auditEvents.id);
}

const later = (ctx: RequestContext, ms: number): RequestContext => ({ ...ctx, now: new Date(ctx.now.getTime() + ms) });

describe("the page a person lands on says why its switch ended (issue 12)", () => {
  it("after the time limit: the Customers page names the customer, the limit and the end", async () => {
    const { acme, contoso, manager, session, partnerSide, at } = await setup();
    await switchIntoCustomer(partnerSide, { customerId: contoso.id, reason: "" });
    const atEnd = new Date(at.getTime() + 61 * MINUTE);
    expect((await loadSessionContext(session, meta, atEnd))?.account).toEqual({ kind: "partner" });

    const ctx = { ...partnerSide, now: atEnd };
    const [ended] = await switchOuts(acme.partner.id, manager.id);
    expect(await partnerLandingPath(ctx)).toBe(`/customers?switch_ended=${ended!.id}`);
    const notice = await switchEndedNotice(ctx, String(ended!.id));
    expect(notice?.title).toBe("Your switch into Contoso Pharmaceuticals's account has ended");
    expect(notice?.message).toMatch(/^It reached its time limit of 60 minutes and ended at \w{3} \d{1,2}, \d{4}, \d{2}:\d{2} UTC\./);
  });

  it("for a manager removed while inside: it was removed as a customer manager", async () => {
    const { acme, northwind, manager, assignment, session, partnerSide } = await setup();
    await switchIntoCustomer(partnerSide, { customerId: northwind.id, reason: "" });
    await removeCustomerManager(adminContext(acme.partner, acme.admin), { id: assignment.id });
    await loadSessionContext(session, meta);

    const [ended] = await switchOuts(acme.partner.id, manager.id);
    expect(ended?.changes).toEqual({ reason: "access revoked", customerManager: false });
    const notice = await switchEndedNotice(partnerSide, String(ended!.id));
    expect(notice?.title).toBe("You are no longer in Northwind Traders's account");
    expect(notice?.message).toMatch(/^You were removed as a customer manager, so you can no longer enter it\./);
  });

  it("for a manager whose customers changed while inside: its access changed", async () => {
    const { db, acme, northwind, manager, assignment, session, partnerSide } = await setup();
    await switchIntoCustomer(partnerSide, { customerId: northwind.id, reason: "" });
    await db
      .delete(customerManagerCustomers)
      .where(and(eq(customerManagerCustomers.customerManagerId, assignment.id), eq(customerManagerCustomers.customerId, northwind.id)));
    await loadSessionContext(session, meta);

    const [ended] = await switchOuts(acme.partner.id, manager.id);
    expect(ended?.changes).toEqual({ reason: "access revoked", customerManager: true });
    expect((await switchEndedNotice(partnerSide, String(ended!.id)))?.message).toMatch(/^Your access changed and no longer includes this customer/);
  });

  it("says nothing after Return to partner account, for another person's event, for a malformed ID, or once it is old news", async () => {
    const { db, acme, northwind, contoso, manager, session, partnerSide, at } = await setup();
    await switchIntoCustomer(partnerSide, { customerId: northwind.id, reason: "" });
    const inside = await loadSessionContext(session, meta);
    await switchToAnotherCustomer(inside!, { customerId: contoso.id, reason: "" });
    // Moving on to another customer is asked for: no notice.
    expect(await partnerLandingPath(partnerSide)).toBe("/customers");

    await loadSessionContext(session, meta, new Date(at.getTime() + 61 * MINUTE));
    const expired = (await switchOuts(acme.partner.id, manager.id)).at(-1)!;
    const ctx = later(partnerSide, 61 * MINUTE);
    expect(await switchEndedNotice(ctx, String(expired.id))).not.toBeNull();
    expect(await switchEndedNotice(later(ctx, 16 * MINUTE), String(expired.id))).toBeNull();
    expect(await partnerLandingPath(later(ctx, 16 * MINUTE))).toBe("/customers");
    for (const bad of [undefined, "", "1e3", "-1", "99999999999999999999", ["x"]]) expect(await switchEndedNotice(ctx, bad)).toBeNull();

    const someoneElse = await createTeamMember(db, acme.partner.id);
    expect(await switchEndedNotice(personContext(acme.partner, someoneElse, { at: ctx.now }), String(expired.id))).toBeNull();
  });
});

describe("switching from one customer straight to another (issue 12)", () => {
  it("ends the first switch and starts the second, both audited, with a new time limit", async () => {
    const { db, acme, northwind, contoso, manager, session, partnerSide, at } = await setup();
    await switchIntoCustomer(partnerSide, { customerId: northwind.id, reason: "Ticket 1" });
    const inNorthwind = await loadSessionContext(session, meta, new Date(at.getTime() + 30 * MINUTE));
    const moved = await switchToAnotherCustomer(inNorthwind!, { customerId: contoso.id, reason: "Ticket 2" });
    expect(moved).toMatchObject({ customerId: contoso.id, customerName: "Contoso Pharmaceuticals" });
    expect(moved.expiresAt.getTime()).toBe(at.getTime() + 90 * MINUTE);

    const [row] = await db.select().from(sessions).where(eq(sessions.idHash, session));
    expect(row).toMatchObject({ activeCustomerId: contoso.id, switchReason: "Ticket 2" });
    const trail = await db
      .select({ action: auditEvents.action, customerId: auditEvents.customerId, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, acme.partner.id), eq(auditEvents.actorUserId, manager.id)))
      .orderBy(auditEvents.id);
    expect(trail.map((event) => [event.action, event.customerId, (event.changes as { reason?: string }).reason])).toEqual([
      ["account.switch_in", northwind.id, "Ticket 1"],
      ["account.switch_out", northwind.id, "switched account"],
      ["account.switch_in", contoso.id, "Ticket 2"],
    ]);
  });

  it("leaves the person where it was when it may not enter the other customer (decision D8)", async () => {
    const { db, acme, northwind, initech, manager, session, partnerSide } = await setup();
    await switchIntoCustomer(partnerSide, { customerId: northwind.id, reason: "" });
    const inside = await loadSessionContext(session, meta);
    await expect(switchToAnotherCustomer(inside!, { customerId: initech.id, reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(switchToAnotherCustomer(inside!, { customerId: 2_000_000_000, reason: "" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [row] = await db.select().from(sessions).where(eq(sessions.idHash, session));
    expect(row?.activeCustomerId).toBe(northwind.id);
    expect(await switchOuts(acme.partner.id, manager.id)).toEqual([]);
  });

  it("is only for a switched-in session: not from the partner account, not for a collaborator at home or an embedded session", async () => {
    const { db, acme, northwind, contoso, manager, partnerSide } = await setup();
    await expect(switchToAnotherCustomer(partnerSide, { customerId: contoso.id, reason: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(switchToAnotherCustomer(insideCustomer(partnerSide, northwind, null), { customerId: contoso.id, reason: "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const embeddedSession = await openSession(db, acme.partner.id, manager.id, {
      activeCustomerId: northwind.id,
      embedded: { jti: "jti-switch-across", origin: "https://app.acme.example" },
    });
    const embedded = await loadSessionContext(embeddedSession, meta);
    expect(embedded?.account).toMatchObject({ kind: "customer", embedded: { jti: "jti-switch-across" } });
    await expect(switchToAnotherCustomer(embedded!, { customerId: contoso.id, reason: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [row] = await db.select().from(sessions).where(eq(sessions.idHash, embeddedSession));
    expect(row?.activeCustomerId).toBe(northwind.id);
  });

  it("the switcher inside lists the other accounts, and counts every account the person may enter", async () => {
    const { db, acme, northwind, contoso, session, partnerSide } = await setup();
    const invitedTo = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Fabrikam" });
    await addDirectMember(db, acme.partner.id, invitedTo.id, partnerSide.actor.kind === "user" ? partnerSide.actor.userId : 0, ADMIN);
    expect(await countEnterableCustomers(partnerSide)).toBe(3);

    await switchIntoCustomer(partnerSide, { customerId: northwind.id, reason: "" });
    const inside = (await loadSessionContext(session, meta))!;
    expect((await searchOtherEnterableCustomers(inside, {})).map((customer) => customer.name)).toEqual(["Contoso Pharmaceuticals", "Fabrikam"]);
    expect((await searchOtherEnterableCustomers(inside, { q: "contoso" })).map((customer) => customer.id)).toEqual([contoso.id]);
    // Nothing for someone not switched in.
    const casey = await createUser(db, { name: "Casey" });
    expect(await searchOtherEnterableCustomers(insideCustomer(personContext(acme.partner, casey), northwind, null), {})).toEqual([]);
  });
});
