import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, customers, partners } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { asPartnerMember, at } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { getCustomerHeader } from "@/lib/customers/reads/customer-page";
import { getCustomerDashboard } from "@/lib/customers/reads/dashboard";
import { isUniqueViolation } from "@/lib/db/errors";
import { EXTERNAL_ID_TAKEN } from "@/lib/customers/add-customer-input";
import { changePlan, setTrial, updateExternalId, updateIframeOrigins, updateNotificationEmail } from "./settings";
import { externalIdInput, iframeOriginsInput, notificationEmailInput } from "@/lib/customers/settings-schema";
import { getCustomerSettings } from "@/lib/customers/reads/settings-view";

const DAY_MS = 86_400_000;

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  const customer = await createCustomer(db, acme.partner.id, acme.plans.growth.id, { externalId: null });
  const ctx = adminContext(acme.partner, acme.admin);
  return { db, acme, globex, customer, ctx };
}

async function row(customerId: number) {
  const [found] = await getDatabase().select().from(customers).where(eq(customers.id, customerId));
  return found!;
}

async function lastAudit(customerId: number) {
  const [event] = await getDatabase().select().from(auditEvents).where(eq(auditEvents.customerId, customerId)).orderBy(desc(auditEvents.id)).limit(1);
  return event;
}

async function expectRejection(promise: Promise<unknown>, code: DomainError["code"]) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

describe("customer settings commands", () => {
  it("change the plan to one of the partner's plans, and audit the old and new values (rule U20)", async () => {
    const { acme, globex, customer, ctx } = await setup();
    await changePlan(ctx, { customerId: customer.id, planId: acme.plans.starter.id });
    expect((await row(customer.id)).planId).toBe(acme.plans.starter.id);
    expect(await lastAudit(customer.id)).toMatchObject({
      action: "customer.plan_changed",
      actingAs: "partner_admin",
      customerName: customer.name,
      changes: { plan: { from: "Growth", to: "Starter" } },
    });
    const error = await expectRejection(changePlan(ctx, { customerId: customer.id, planId: globex.plans.growth.id }), "VALIDATION");
    expect(error.fieldErrors.planId).toBeDefined();
    expect((await row(customer.id)).planId).toBe(acme.plans.starter.id);
  });

  it("start a 30-day trial, extend it by turning it on again, and end it (rules U21, U22)", async () => {
    const { customer, ctx } = await setup();
    await setTrial(ctx, { customerId: customer.id, enabled: true });
    expect((await row(customer.id)).trialEndsAt).toEqual(new Date(ctx.now.getTime() + 30 * DAY_MS));
    expect(await getCustomerHeader(ctx, customer.id)).toMatchObject({ status: "in_trial", planName: "Growth" });

    const later = at(ctx, new Date(ctx.now.getTime() + 10 * DAY_MS));
    await setTrial(later, { customerId: customer.id, enabled: true });
    expect((await row(customer.id)).trialEndsAt).toEqual(new Date(later.now.getTime() + 30 * DAY_MS));
    expect((await lastAudit(customer.id))?.action).toBe("customer.trial_started");

    await setTrial(later, { customerId: customer.id, enabled: false });
    expect((await row(customer.id)).trialEndsAt).toBeNull();
    expect(await getCustomerHeader(later, customer.id)).toMatchObject({ status: "active", planName: "Growth" });
    expect(await lastAudit(customer.id)).toMatchObject({ action: "customer.trial_turned_off", changes: { trialEndsAt: { to: null } } });
  });

  it("show the Free plan, Expired subscription and a 100-task limit everywhere once the trial's 30 days are over (rule U21, decision D1)", async () => {
    const { acme, customer, ctx } = await setup();
    await setTrial(ctx, { customerId: customer.id, enabled: true });
    const after = at(ctx, new Date(ctx.now.getTime() + 31 * DAY_MS));
    expect(await getCustomerHeader(after, customer.id)).toMatchObject({ status: "expired", planName: "Free" });
    const settings = await getCustomerSettings(after, customer.id);
    expect(settings.effectivePlanId).toBe(acme.plans.free.id);
    expect(settings.trial.kind).toBe("ended");
    expect((await getCustomerDashboard(after, customer.id, "7d")).usage).toMatchObject({ taskLimit: 100, planName: "Free" });

    // Choosing a plan then subscribes the customer to it: the ended trial no longer applies.
    await changePlan(after, { customerId: customer.id, planId: acme.plans.growth.id });
    expect(await getCustomerHeader(after, customer.id)).toMatchObject({ status: "active", planName: "Growth" });
    expect((await getCustomerDashboard(after, customer.id, "7d")).usage.taskLimit).toBe(10_000);
  });

  it("validate and save the notification email", async () => {
    const { customer, ctx } = await setup();
    expect(notificationEmailInput.safeParse({ customerId: customer.id, notificationEmail: "not an email" }).success).toBe(false);
    const input = notificationEmailInput.parse({ customerId: customer.id, notificationEmail: "  alerts@northwind.example " });
    await updateNotificationEmail(ctx, input);
    expect((await row(customer.id)).notificationEmail).toBe("alerts@northwind.example");
    expect(await lastAudit(customer.id)).toMatchObject({
      changes: { notificationEmail: { from: "ops@example.test", to: "alerts@northwind.example" } },
    });
  });

  it("keep the external ID unique within the partner, and clear it when empty (rule U25)", async () => {
    const { db, acme, globex, customer, ctx } = await setup();
    await createCustomer(db, acme.partner.id, acme.plans.growth.id, { externalId: "CRM-1" });
    await createCustomer(db, globex.partner.id, globex.plans.growth.id, { externalId: "CRM-2" });

    const error = await expectRejection(updateExternalId(ctx, { customerId: customer.id, externalId: "CRM-1" }), "CONFLICT");
    expect(error.fieldErrors.externalId).toEqual([EXTERNAL_ID_TAKEN]);
    expect((await row(customer.id)).externalId).toBeNull();

    // Another partner's external IDs do not count.
    await updateExternalId(ctx, { customerId: customer.id, externalId: "CRM-2" });
    expect((await row(customer.id)).externalId).toBe("CRM-2");
    await updateExternalId(ctx, externalIdInput.parse({ customerId: customer.id, externalId: "   " }));
    expect((await row(customer.id)).externalId).toBeNull();
    expect(await lastAudit(customer.id)).toMatchObject({ changes: { externalId: { from: "CRM-2", to: null } } });
  });

  it("recognise the unique index's violation through Drizzle's wrapping, so that a race ends in the same field error", async () => {
    const { db, acme, customer } = await setup();
    await createCustomer(db, acme.partner.id, acme.plans.growth.id, { externalId: "RACE-1" });
    const error = await db
      .update(customers)
      .set({ externalId: "RACE-1" })
      .where(eq(customers.id, customer.id))
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(isUniqueViolation(error, "customers_partner_external_id_key")).toBe(true);
    expect(isUniqueViolation(error, "another_key")).toBe(false);
  });

  it("save the customer's own iframe origins, validated and de-duplicated, and show the effective list (rule U27, decision D3)", async () => {
    const { db, acme, customer, ctx } = await setup();
    await db
      .update(partners)
      .set({ iframeOrigins: ["https://app.partner.example"] })
      .where(eq(partners.id, acme.partner.id));
    const bad = iframeOriginsInput.safeParse({ customerId: customer.id, iframeOrigins: "https://ok.example, https://bad.example/path" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('"https://bad.example/path"');

    const input = iframeOriginsInput.parse({
      customerId: customer.id,
      iframeOrigins: "https://c.partner.example, https://C.partner.example, https://app.partner.example",
    });
    await updateIframeOrigins(ctx, input);
    const settings = await getCustomerSettings(ctx, customer.id);
    expect(settings.customerOrigins).toEqual(["https://c.partner.example", "https://app.partner.example"]);
    expect(settings.effectiveOrigins).toEqual(["https://app.partner.example", "https://c.partner.example"]);
  });

  it("write nothing and no audit event when nothing changes", async () => {
    const { customer, ctx } = await setup();
    expect(await updateNotificationEmail(ctx, { customerId: customer.id, notificationEmail: "ops@example.test" })).toEqual({ changed: false });
    expect(await lastAudit(customer.id)).toBeUndefined();
  });

  it("refuse another partner's customer exactly like an unknown one, and change nothing (decision D8)", async () => {
    const { globex, customer } = await setup();
    const foreign = adminContext(globex.partner, globex.admin);
    const before = await row(customer.id);
    await expectRejection(changePlan(foreign, { customerId: customer.id, planId: globex.plans.starter.id }), "NOT_FOUND");
    await expectRejection(setTrial(foreign, { customerId: customer.id, enabled: true }), "NOT_FOUND");
    await expectRejection(updateNotificationEmail(foreign, { customerId: customer.id, notificationEmail: "x@example.test" }), "NOT_FOUND");
    await expectRejection(updateExternalId(foreign, { customerId: customer.id, externalId: "X" }), "NOT_FOUND");
    await expectRejection(updateIframeOrigins(foreign, { customerId: customer.id, iframeOrigins: ["https://x.example"] }), "NOT_FOUND");
    await expectRejection(getCustomerSettings(foreign, customer.id), "NOT_FOUND");
    await expectRejection(getCustomerHeader(foreign, customer.id), "NOT_FOUND");
    await expectRejection(changePlan(foreign, { customerId: 2_000_000_000, planId: globex.plans.starter.id }), "NOT_FOUND");
    expect(await row(customer.id)).toEqual(before);
    expect(await lastAudit(customer.id)).toBeUndefined();
  });

  it("refuse a partner team member who is not an admin, who may still see the settings", async () => {
    const { customer, ctx } = await setup();
    const member = asPartnerMember(ctx);
    const before = await row(customer.id);
    await expectRejection(updateNotificationEmail(member, { customerId: customer.id, notificationEmail: "x@example.test" }), "FORBIDDEN");
    await expectRejection(setTrial(member, { customerId: customer.id, enabled: true }), "FORBIDDEN");
    expect(await row(customer.id)).toEqual(before);
    expect(await getCustomerSettings(member, customer.id)).toMatchObject({ canManage: false, name: customer.name });
    expect((await getCustomerSettings(ctx, customer.id)).canManage).toBe(true);
    const events = await getDatabase().select().from(auditEvents).where(eq(auditEvents.customerId, customer.id));
    expect(events).toEqual([]);
  });
});
