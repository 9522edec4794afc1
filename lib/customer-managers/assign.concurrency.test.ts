/**
 * Assigning one customer manager to 10,000 customers is all or nothing (rules C3, C5): a failure partway (a
 * customer deleted meanwhile, another partner's customer at the end of the list, the request's connection killed
 * mid-write) leaves no manager, no chosen customer and no audit event; a success writes all 10,000 and their trail.
 */
import { and, count, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, customerManagerCustomers, customerManagers } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { getDatabase } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { DomainError } from "@/lib/errors";
import { concurrently, createManyCustomers, killedMidWrite, onRealPostgres } from "@/tests/support/concurrency";
import { createTeamMember } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { assignCustomerManager } from "./assign";

const MANY = 10_000;

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const customerIds = await createManyCustomers(db, acme.partner.id, acme.plans.starter.id, MANY);
  const person = await createTeamMember(db, acme.partner.id, { name: "Morgan Lee" });
  const ctx = adminContext(acme.partner, acme.admin);
  const assign = (ids: number[]) => assignCustomerManager(ctx, { userId: person.id, roleId: SYSTEM_ROLE_IDS.admin, customerIds: ids });
  return { db, acme, customerIds, person, assign };
}

/** Everything an assignment writes for this partner: managers, their chosen customers, their audit events. */
async function writtenFor(partnerId: number) {
  const db = getDatabase();
  const [managers] = await db.select({ n: count() }).from(customerManagers).where(eq(customerManagers.partnerId, partnerId));
  const [chosen] = await db.select({ n: count() }).from(customerManagerCustomers).where(eq(customerManagerCustomers.partnerId, partnerId));
  const [events] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.partnerId, partnerId), like(auditEvents.action, "customer_manager.%")));
  return { managers: managers!.n, chosen: chosen!.n, events: events!.n };
}

const NOTHING = { managers: 0, chosen: 0, events: 0 };

describe("assigning a manager to 10,000 customers is all or nothing", () => {
  it("another partner's customer at the end of the list: nothing is written; then the 10,000 are, with one trail", async () => {
    const { db, acme, customerIds, person, assign } = await setup();
    const globex = await createPartner(db);
    const foreign = await createCustomer(db, globex.partner.id, globex.plans.starter.id);

    await expect(assign([...customerIds.slice(1), foreign.id])).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await writtenFor(acme.partner.id)).toEqual(NOTHING);

    const { id } = await assign(customerIds);
    expect(await writtenFor(acme.partner.id)).toEqual({ managers: 1, chosen: MANY, events: 1 + MANY });
    const [assigned] = await db
      .select({ targetId: auditEvents.targetId, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, acme.partner.id), eq(auditEvents.action, "customer_manager.assign")));
    expect(assigned?.targetId).toBe(String(id));
    const [added] = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.partnerId, acme.partner.id),
          eq(auditEvents.action, "customer_manager.workspace_added"),
          eq(auditEvents.targetId, String(person.id)),
        ),
      );
    expect(added!.n).toBe(MANY);
  });

  it.skipIf(!onRealPostgres())("a customer deleted while the assignment runs: it fails and writes nothing (needs a second connection)", async () => {
    const { acme, customerIds, assign } = await setup();
    const deleted = customerIds[MANY - 1]!;
    // The deletion is under way (uncommitted) when the assignment reads the customers, and commits while it waits.
    const [result] = await concurrently([() => assign(customerIds)], (sql) => sql`delete from customers where id = ${deleted}`);
    expect(result!.status).toBe("rejected");
    expect(await writtenFor(acme.partner.id)).toEqual(NOTHING);

    await assign(customerIds.slice(0, MANY - 1));
    expect(await writtenFor(acme.partner.id)).toEqual({ managers: 1, chosen: MANY - 1, events: MANY });
  });
});

describe("a request killed mid-write leaves nothing half-done", () => {
  // PGlite runs in this process on one connection: there is no backend to terminate on its own.
  it.skipIf(!onRealPostgres())("its backend terminated while 10,000 chosen customers are being written: no manager, no row, no event", async () => {
    const { acme, customerIds, assign } = await setup();
    // The last customer is locked, so the assignment stops inside its transaction (the manager created, the
    // chosen customers being inserted) until its backend is terminated.
    const outcome = await killedMidWrite(() => assign(customerIds), { table: "customers", id: customerIds[MANY - 1]! });
    expect(outcome.status).toBe("rejected");
    const reason = (outcome as PromiseRejectedResult).reason;
    expect(reason).not.toBeInstanceOf(DomainError);
    expect(isDatabaseUnavailable(reason)).toBe(true);
    expect(await writtenFor(acme.partner.id)).toEqual(NOTHING);

    // The pool drops the dead connection: the same request, sent again, succeeds whole.
    await assign(customerIds);
    expect(await writtenFor(acme.partner.id)).toEqual({ managers: 1, chosen: MANY, events: 1 + MANY });
  });
});
