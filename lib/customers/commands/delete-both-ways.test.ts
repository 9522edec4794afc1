import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { deleteCustomerAction } from "@/app/(console)/customers/[id]/settings/actions";
import * as item from "@/app/api/managed_users/[managed_user_id]/route";
import { sessions } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { getDatabase } from "@/lib/db";
import { apiToken, call } from "@/tests/support/api";
import { auditMark, countersOf, countsChange, eventsSince, rowsOfCustomer } from "@/tests/support/both-ways";
import { presentConsoleSession } from "@/tests/support/console-session";
import { addDirectMember, createManager, openSession } from "@/tests/support/contexts";
import { adminContext, createPartner, createUser } from "@/tests/support/factories";
import { addCustomer } from "./add-customer";

vi.mock("next/headers", async () => (await import("@/tests/support/console-session")).nextHeadersStandIn());
vi.mock("next/cache", async () => (await import("@/tests/support/console-session")).nextCacheStandIn());

/**
 * **Delete account** (the console's server action, with a partner admin's session) and
 * `DELETE /api/managed_users/:id` (the route handler, with an API client's token) are one verb (issue #13): on two
 * customers alike, each with environments, a collaborator, a customer manager and a session switched into it, both
 * ways leave no row of the customer anywhere, change the counts alike and write the same audit event.
 */
async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const ctx = adminContext(acme.partner, acme.admin);
  await presentConsoleSession(await openSession(db, acme.partner.id, acme.admin.id));
  const token = await apiToken(acme.partner, acme.admin);
  const twin = async (externalId: string) => {
    const { id } = await addCustomer(ctx, { name: "Twin Corp", notificationEmail: "ops@twin.example", planId: acme.plans.growth.id, externalId });
    return { id, name: "Twin Corp", externalId };
  };
  const [viaConsole, viaApi] = [await twin(`C-${acme.partner.id}`), await twin(`A-${acme.partner.id}`)];
  const collaborator = await createUser(db, { name: "Cole Laborator" });
  const { user: manager } = await createManager(db, acme.partner.id, SYSTEM_ROLE_IDS.operator, [viaConsole.id, viaApi.id], "Manny Ager");
  const switchedIn: Record<number, string> = {};
  const switchExpiresAt = new Date(Date.now() + 3_600_000);
  for (const customer of [viaConsole, viaApi]) {
    await addDirectMember(db, acme.partner.id, customer.id, collaborator.id, SYSTEM_ROLE_IDS.analyst);
    switchedIn[customer.id] = await openSession(db, acme.partner.id, manager.id, { activeCustomerId: customer.id, switchExpiresAt });
  }
  return { db, acme, token, viaConsole, viaApi, switchedIn };
}
type Setup = Awaited<ReturnType<typeof setup>>;
type Twin = Setup["viaConsole"];

/** What one deletion wrote: the rows of the customer left, the session switched into it, the counts, the events. */
async function deletion(s: Setup, customer: Twin, perform: () => Promise<void>) {
  const partnerId = s.acme.partner.id;
  const before = { mark: await auditMark(s.db, partnerId), counts: await countersOf(s.db, partnerId), rows: await rowsOfCustomer(s.db, customer.id) };
  await perform();
  const [session] = await s.db
    .select({ activeCustomerId: sessions.activeCustomerId, switchExpiresAt: sessions.switchExpiresAt })
    .from(sessions)
    .where(eq(sessions.idHash, s.switchedIn[customer.id]!));
  const theCustomer = (value: unknown) => (value === customer.id || value === String(customer.id) ? "the customer" : value);
  const events = (await eventsSince(s.db, partnerId, before.mark)).map((event) => ({
    ...event,
    targetId: theCustomer(event.targetId),
    customerId: theCustomer(event.customerId),
    changes: JSON.parse(JSON.stringify(event.changes).replaceAll(JSON.stringify(customer.externalId), '"the external ID"')),
  }));
  return {
    rowsBefore: before.rows,
    rowsLeft: await rowsOfCustomer(s.db, customer.id),
    switchedInSession: session,
    counts: countsChange(before.counts, await countersOf(s.db, partnerId)),
    events,
  };
}

async function deleteInConsole(customer: Twin): Promise<void> {
  const result = await deleteCustomerAction({ customerId: customer.id, confirmName: customer.name });
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}

async function deleteThroughApi(s: Setup, reference: string): Promise<void> {
  const response = await call(item.DELETE, "DELETE", { token: s.token, params: { managed_user_id: reference } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

describe("deleting a customer in the console and through the API", () => {
  const references: { label: string; of: (customer: Twin) => string }[] = [
    { label: "by its ID", of: (customer) => String(customer.id) },
    { label: "by its external ID", of: (customer) => `E${customer.externalId}` },
  ];

  for (const { label, of } of references) {
    it(`through the API ${label}: no row left, the same counts and the same audit event as Delete account`, async () => {
      const s = await setup();
      const fromConsole = await deletion(s, s.viaConsole, () => deleteInConsole(s.viaConsole));
      const fromApi = await deletion(s, s.viaApi, () => deleteThroughApi(s, of(s.viaApi)));

      expect(fromApi).toEqual(fromConsole);
      // The twins had rows to remove, and none is left of either.
      expect(fromConsole.rowsBefore).toMatchObject({ customers: 1, environments: 3, customer_members: 1, customer_manager_customers: 1 });
      expect(Object.values(fromConsole.rowsLeft).every((n) => n === 0)).toBe(true);
      expect(fromConsole.switchedInSession?.activeCustomerId).toBeNull();
      expect(fromConsole.counts).toMatchObject({ customers: -1 });
      expect(fromConsole.events).toEqual([
        expect.objectContaining({
          action: "customer.deleted",
          targetType: "customer",
          targetId: "the customer",
          customerId: "the customer",
          customerName: "Twin Corp",
          changes: { name: "Twin Corp", externalId: "the external ID" },
        }),
      ]);
    });
  }
});
