/**
 * Customers written by several requests at once: two admins saving the same customer end in one of the two saved
 * states, never a mix of their fields; concurrent creates with the same external ID create exactly one customer
 * and answer the others with the field error, in the console's command and through the REST API alike (rules U14,
 * U25). On PostgreSQL the writes are held until each waits on another, so they truly overlap.
 */
import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as collection from "@/app/api/managed_users/route";
import { auditEvents, customers } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { apiToken, call, expectErrorShape } from "@/tests/support/api";
import { concurrently } from "@/tests/support/concurrency";
import { createTeamMember } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { addCustomer } from "./add-customer";
import { EXTERNAL_ID_TAKEN } from "@/lib/customers/add-customer-input";
import { changePlan } from "./settings";
import { updateCustomer } from "./update-customer";

const RACERS = 6;

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const secondAdmin = await createTeamMember(db, acme.partner.id, { role: "admin", name: "Second Admin" });
  return { db, acme, first: adminContext(acme.partner, acme.admin), second: adminContext(acme.partner, secondAdmin) };
}

async function fieldsOf(customerId: number) {
  const [row] = await getDatabase()
    .select({ name: customers.name, notificationEmail: customers.notificationEmail, planId: customers.planId })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row!;
}

describe("two admins saving the same customer at once", () => {
  it("ends with exactly one admin's name, email and plan, never a mix", async () => {
    const { db, acme, first, second } = await setup();
    const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { notificationEmail: "before@example.test" });
    // The second admin keeps the name and the plan as they were when the form opened: a save that wrote only the
    // fields it believed changed would leave the first admin's name and plan next to the second admin's email.
    const a = { name: "Renamed by the first admin", notificationEmail: "first@example.test", planId: acme.plans.growth.id };
    const b = { name: customer.name, notificationEmail: "second@example.test", planId: acme.plans.starter.id };
    const results = await concurrently([() => updateCustomer(first, String(customer.id), a), () => updateCustomer(second, String(customer.id), b)], {
      table: "customers",
      id: customer.id,
    });
    expect(results.map((result) => (result.status === "rejected" ? String(result.reason) : result.status))).toEqual(["fulfilled", "fulfilled"]);
    expect([a, b]).toContainEqual(await fieldsOf(customer.id));
    const [events] = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.partnerId, acme.partner.id),
          eq(auditEvents.action, "customer.notification_email_changed"),
          eq(auditEvents.targetId, String(customer.id)),
        ),
      );
    // Each save changed the email (each is audited as Settings audits it); the names and plans follow whoever won.
    expect(events!.n).toBe(2);
  });
});

describe("two admins changing the same customer's Settings at once (rule U20)", () => {
  it("Subscription: both saves succeed one after the other, and the plan is the one saved last", async () => {
    const { db, acme, first, second } = await setup();
    const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
    const results = await concurrently(
      [
        () => changePlan(first, { customerId: customer.id, planId: acme.plans.growth.id }),
        () => changePlan(second, { customerId: customer.id, planId: acme.plans.free.id }),
      ],
      { table: "customers", id: customer.id },
    );
    expect(results.map((result) => (result.status === "rejected" ? String(result.reason) : result.status))).toEqual(["fulfilled", "fulfilled"]);
    const events = await db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, acme.partner.id), eq(auditEvents.action, "customer.plan_changed"), eq(auditEvents.targetId, String(customer.id))))
      .orderBy(asc(auditEvents.id));
    // The second save started from the first one's plan, and the customer is on the plan saved last.
    const [earlier, later] = events.map((event) => (event.changes as { plan: { from: string; to: string } }).plan);
    expect(later!.from).toBe(earlier!.to);
    const lastPlan = [acme.plans.growth, acme.plans.free].find((plan) => plan.name === later!.to)!;
    expect((await fieldsOf(customer.id)).planId).toBe(lastPlan.id);
  });
});

async function customersWithExternalId(partnerId: number, externalId: string): Promise<number> {
  const [row] = await getDatabase()
    .select({ n: count() })
    .from(customers)
    .where(and(eq(customers.partnerId, partnerId), eq(customers.externalId, externalId)));
  return row!.n;
}

describe("a unique external ID stays unique under concurrent creates (rule U25)", () => {
  // The plan row is held: each create passes its own check for the external ID, inserts, and then waits (on the
  // plan, or on the first insert's unique entry), so the unique index has to settle the race.
  it("+ Add customer: one customer is created, every other request gets the field error", async () => {
    const { acme, first, second } = await setup();
    const results = await concurrently(
      Array.from(
        { length: RACERS },
        (_, index) => () =>
          addCustomer(index % 2 ? first : second, {
            name: `Racer ${index}`,
            notificationEmail: "ops@example.test",
            planId: acme.plans.starter.id,
            externalId: "CRM-7",
          }),
      ),
      { table: "plans", id: acme.plans.starter.id },
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((outcome) => outcome.status === "rejected")) {
      const reason = (result as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(DomainError);
      expect(reason).toMatchObject({ code: "CONFLICT", fieldErrors: { externalId: [EXTERNAL_ID_TAKEN] } });
    }
    expect(await customersWithExternalId(acme.partner.id, "CRM-7")).toBe(1);
  });

  it("POST /api/managed_users: one 201, every other request a 409 with the external_id field error, never a 500", async () => {
    const { acme } = await setup();
    const token = await apiToken(acme.partner, acme.admin);
    const responses = await concurrently(
      Array.from(
        { length: RACERS },
        (_, index) => () =>
          call(collection.POST, "POST", {
            token,
            body: { name: `Racer ${index}`, notification_email: "ops@example.test", plan_id: acme.plans.starter.id, external_id: "CRM-8" },
          }),
      ),
      { table: "plans", id: acme.plans.starter.id },
    );
    const answers = responses.map((response) => (response as PromiseFulfilledResult<Awaited<ReturnType<typeof call>>>).value);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, ...Array<number>(RACERS - 1).fill(409)]);
    for (const answer of answers.filter((response) => response.status === 409)) {
      expectErrorShape(answer.body);
      expect(answer.body.errors).toEqual({ external_id: [EXTERNAL_ID_TAKEN] });
    }
    expect(await customersWithExternalId(acme.partner.id, "CRM-8")).toBe(1);
  });
});
