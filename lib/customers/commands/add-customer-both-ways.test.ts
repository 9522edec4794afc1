import { asc, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { addCustomerAction } from "@/app/(console)/customers/(list)/actions";
import * as collection from "@/app/api/managed_users/route";
import { customers, environments } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { apiToken, call } from "@/tests/support/api";
import { auditMark, countersOf, countsChange, eventsSince, rowsOfCustomer } from "@/tests/support/both-ways";
import { presentConsoleSession } from "@/tests/support/console-session";
import { openSession } from "@/tests/support/contexts";
import { createPartner } from "@/tests/support/factories";

vi.mock("next/headers", async () => (await import("@/tests/support/console-session")).nextHeadersStandIn());
vi.mock("next/cache", async () => (await import("@/tests/support/console-session")).nextCacheStandIn());

/**
 * **+ Add customer** (the console's server action, with a partner admin's session) and `POST /api/managed_users`
 * (the route handler, with an API client's token) are one verb (issue #13): the same input both ways writes the same
 * customer row, the same rows around it (three environments, nothing else) and the same audit event, field by field.
 */
async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  await presentConsoleSession(await openSession(db, acme.partner.id, acme.admin.id));
  const token = await apiToken(acme.partner, acme.admin);
  return { db, acme, token };
}
type Setup = Awaited<ReturnType<typeof setup>>;

/** What one add wrote: the customer's row and the rows around it, the counts it changed, its audit events. */
async function add(s: Setup, perform: () => Promise<number>) {
  const partnerId = s.acme.partner.id;
  const [mark, countsBefore] = [await auditMark(s.db, partnerId), await countersOf(s.db, partnerId)];
  const customerId = await perform();
  const [row] = await s.db.select().from(customers).where(eq(customers.id, customerId));
  // The IDs, the moments and the external ID (with the search text made of it) differ by construction.
  const { id: _id, externalId, searchText: _searchText, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = row!;
  const environmentRows = await s.db.select().from(environments).where(eq(environments.customerId, customerId)).orderBy(asc(environments.type));
  const events = (await eventsSince(s.db, partnerId, mark)).map((event) => ({
    ...event,
    targetId: event.targetId === String(customerId) ? "the customer" : event.targetId,
    customerId: event.customerId === customerId ? "the customer" : event.customerId,
    changes: externalId === null ? event.changes : JSON.parse(JSON.stringify(event.changes).replaceAll(JSON.stringify(externalId), '"the external ID"')),
  }));
  return {
    fields,
    hasExternalId: externalId !== null,
    environments: environmentRows.map(({ partnerId, customerId: of, type }) => ({ partnerId, theCustomer: of === customerId, type })),
    rows: await rowsOfCustomer(s.db, customerId),
    counts: countsChange(countsBefore, await countersOf(s.db, partnerId)),
    events,
  };
}

async function addInConsole(input: Parameters<typeof addCustomerAction>[0]): Promise<number> {
  const result = await addCustomerAction(input);
  if (!result.ok) throw new Error(`+ Add customer refused: ${JSON.stringify(result)}`);
  return result.data.id;
}

async function addThroughApi(s: Setup, body: Record<string, unknown>): Promise<number> {
  const response = await call(collection.POST, "POST", { token: s.token, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return (response.body as { result: { id: number } }).result.id;
}

describe("adding a customer in the console and through the API", () => {
  const cases: { label: string; name: string; email: string; externalId: (suffix: string) => string | undefined }[] = [
    { label: "with an external ID", name: "Twin Corp", email: "ops@twin.example", externalId: (suffix) => `CRM-${suffix}` },
    { label: "without an external ID", name: "Twin Corp", email: "ops@twin.example", externalId: () => undefined },
    // Both ways trim and compose the name to NFC, and trim the email, by the same field rules.
    { label: "with a name and an email to tidy", name: " Cafe\u0301 Twin\u200B ", email: "  ops@twin.example ", externalId: (suffix) => ` CRM-${suffix} ` },
  ];

  for (const { label, name, email, externalId } of cases) {
    it(`${label}: the same customer row, environments and audit event`, async () => {
      const s = await setup();
      const planId = s.acme.plans.growth.id;
      const fromConsole = await add(s, () => addInConsole({ name, notificationEmail: email, planId, externalId: externalId("C") ?? "" }));
      const fromApi = await add(s, () =>
        addThroughApi(s, { name, notification_email: email, plan_id: planId, ...(externalId("A") !== undefined ? { external_id: externalId("A") } : {}) }),
      );

      expect(fromApi).toEqual(fromConsole);
      // What both wrote is what + Add customer means, not a shared mistake.
      expect(fromConsole.fields).toMatchObject({
        name: name.normalize("NFC").replace(/^[\s\u200B]+|[\s\u200B]+$/g, ""),
        notificationEmail: email.trim(),
        planId,
      });
      expect(fromConsole.hasExternalId).toBe(externalId("C") !== undefined);
      expect(fromConsole.environments.map((environment) => environment.type)).toEqual(["development", "test", "production"]);
      expect(fromConsole.rows).toMatchObject({ customers: 1, environments: 3 });
      expect(Object.values(fromConsole.rows).reduce((sum, n) => sum + n, 0)).toBe(4);
      expect(fromConsole.counts).toMatchObject({ customers: 1 });
      expect(fromConsole.events).toEqual([
        expect.objectContaining({
          action: "customer.created",
          targetType: "customer",
          targetId: "the customer",
          customerId: "the customer",
          changes: expect.objectContaining({ plan: { from: null, to: "Growth" } }),
        }),
      ]);
    });
  }
});
