import { asc, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { assignManager, editManager, removeManager } from "@/app/(console)/customer-managers/actions";
import * as collection from "@/app/api/customer_managers/route";
import * as item from "@/app/api/customer_managers/[id]/route";
import { customerManagerCustomers, customerManagers } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { getDatabase } from "@/lib/db";
import type { ActionResult } from "@/lib/transport/action";
import { apiToken, call } from "@/tests/support/api";
import { auditMark, eventsSince } from "@/tests/support/both-ways";
import { presentConsoleSession } from "@/tests/support/console-session";
import { createTeamMember, openSession } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { assignCustomerManager } from "./assign";
import { personLabel } from "./lookups";

vi.mock("next/headers", async () => (await import("@/tests/support/console-session")).nextHeadersStandIn());
vi.mock("next/cache", async () => (await import("@/tests/support/console-session")).nextCacheStandIn());

/**
 * **Assign**, **Edit** and **Remove customer manager** (the console's server actions, with a partner admin's session)
 * and `POST /api/customer_managers`, `PUT` and `DELETE /api/customer_managers/:id` (the route handlers, with an API
 * client's token) are one verb each (issue #13): two team members alike but for their email, starting alike, end
 * with the same manager row, the same chosen customers and the same audit events, field by field.
 */
const { admin: ADMIN, operator: OPERATOR } = SYSTEM_ROLE_IDS;
type Key = "alpha" | "bravo" | "charlie";
type Selection = Key[] | "all";

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const customer = (name: string) => createCustomer(db, acme.partner.id, acme.plans.starter.id, { name });
  const customers: Record<Key, { id: number }> = { alpha: await customer("Alpha"), bravo: await customer("Bravo"), charlie: await customer("Charlie") };
  const person = () => createTeamMember(db, acme.partner.id, { name: "Morgan Twin" });
  await presentConsoleSession(await openSession(db, acme.partner.id, acme.admin.id));
  const token = await apiToken(acme.partner, acme.admin);
  return { db, acme, customers, token, viaConsole: { user: await person() }, viaApi: { user: await person() } };
}
type Setup = Awaited<ReturnType<typeof setup>>;
type Twin = Setup["viaConsole"] & { managerId?: number };

const idsOf = (s: Setup, keys: Key[]) => keys.map((key) => s.customers[key].id);
/** The console's dialog: the **Manage all customers** switch, or the customers chosen. */
const dialog = (s: Setup, selection: Selection) =>
  selection === "all" ? { manageAll: true, customerIds: [] } : { manageAll: false, customerIds: idsOf(s, selection) };
/** The API's body: no `permitted_workspace_ids` (or an empty list) for all customers. */
const permitted = (s: Setup, selection: Selection) => (selection === "all" ? {} : { permitted_workspace_ids: idsOf(s, selection) });

/** The twin's manager, its chosen customers (by name) and the audit events written since `mark`, alike for both. */
async function written(s: Setup, twin: Twin, mark: number) {
  const [row] = await s.db.select().from(customerManagers).where(eq(customerManagers.userId, twin.user.id));
  const chosen = row
    ? await s.db
        .select({ partnerId: customerManagerCustomers.partnerId, customerId: customerManagerCustomers.customerId })
        .from(customerManagerCustomers)
        .where(eq(customerManagerCustomers.customerManagerId, row.id))
        .orderBy(asc(customerManagerCustomers.customerId))
    : [];
  // Who the manager is differs by construction (its ID, the person's ID and email); everything else must not.
  const targets: Record<string, string> = { customer_manager: String(twin.managerId ?? row?.id), user: String(twin.user.id) };
  const label = personLabel(twin.user);
  const events = (await eventsSince(s.db, s.acme.partner.id, mark)).map((event) => ({
    ...event,
    targetId: event.targetId === targets[event.targetType ?? ""] ? `the ${event.targetType}` : event.targetId,
    changes: Object.fromEntries(Object.entries(event.changes as Record<string, unknown>).map(([key, value]) => [key, value === label ? "the person" : value])),
  }));
  const keyOf = (id: number) => (Object.keys(s.customers) as Key[]).find((key) => s.customers[key].id === id);
  return {
    manager: row ? { partnerId: row.partnerId, roleId: row.roleId, manageAll: row.manageAll } : null,
    chosen: chosen.map(({ partnerId, customerId }) => ({ partnerId, customer: keyOf(customerId) })),
    events,
  };
}

interface Case {
  verb: string;
  /** The manager both twins are before the change, written the same way for both; none for an assignment. */
  start?: { roleId: number; selection: Selection };
  inConsole: (s: Setup, twin: Twin) => Promise<ActionResult<unknown>>;
  throughApi: (s: Setup, twin: Twin) => Promise<{ status: number; body: unknown }>;
  /** What both must have written (so that the two agreeing on a mistake still fails). */
  expected: { manager: { roleId: number; manageAll: boolean } | null; chosen: Key[]; actions: string[]; changes: Record<string, unknown> };
}

const cases: Case[] = [
  {
    verb: "Assign customer manager of chosen customers",
    inConsole: (s, twin) => assignManager({ userId: twin.user.id, roleId: OPERATOR, ...dialog(s, ["alpha", "bravo"]) }),
    throughApi: (s, twin) =>
      call(collection.POST, "POST", { token: s.token, body: { team_collaborator_id: twin.user.id, role_id: OPERATOR, ...permitted(s, ["alpha", "bravo"]) } }),
    expected: {
      manager: { roleId: OPERATOR, manageAll: false },
      chosen: ["alpha", "bravo"],
      actions: ["customer_manager.assign", "customer_manager.workspace_added", "customer_manager.workspace_added"],
      changes: { person: "the person", role: { from: null, to: "Operator" }, customers: { from: null, to: "2 customers" }, customersAdded: ["Alpha", "Bravo"] },
    },
  },
  {
    verb: "Assign customer manager of all customers",
    inConsole: (s, twin) => assignManager({ userId: twin.user.id, roleId: ADMIN, ...dialog(s, "all") }),
    throughApi: (s, twin) =>
      call(collection.POST, "POST", { token: s.token, body: { team_collaborator_id: twin.user.id, role_id: ADMIN, ...permitted(s, "all") } }),
    expected: {
      manager: { roleId: ADMIN, manageAll: true },
      chosen: [],
      actions: ["customer_manager.assign"],
      changes: { person: "the person", role: { from: null, to: "Admin" }, customers: { from: null, to: "All customers" } },
    },
  },
  {
    verb: "Edit customer manager: another role and other customers",
    start: { roleId: OPERATOR, selection: ["alpha", "bravo"] },
    inConsole: (s, twin) => editManager({ id: twin.managerId!, roleId: ADMIN, ...dialog(s, ["bravo", "charlie"]) }),
    throughApi: (s, twin) =>
      call(item.PUT, "PUT", { token: s.token, params: { id: String(twin.managerId) }, body: { role_id: ADMIN, ...permitted(s, ["bravo", "charlie"]) } }),
    expected: {
      manager: { roleId: ADMIN, manageAll: false },
      chosen: ["bravo", "charlie"],
      actions: ["customer_manager.update", "customer_manager.workspace_added", "customer_manager.workspace_removed"],
      changes: {
        person: "the person",
        role: { from: "Operator", to: "Admin" },
        customers: { from: "2 customers", to: "2 customers" },
        customersAdded: ["Charlie"],
        customersRemoved: ["Alpha"],
      },
    },
  },
  {
    verb: "Edit customer manager: from chosen customers to all",
    start: { roleId: OPERATOR, selection: ["alpha", "bravo"] },
    inConsole: (s, twin) => editManager({ id: twin.managerId!, roleId: OPERATOR, ...dialog(s, "all") }),
    // The API's other way of saying all customers: an empty list.
    throughApi: (s, twin) =>
      call(item.PUT, "PUT", { token: s.token, params: { id: String(twin.managerId) }, body: { role_id: OPERATOR, permitted_workspace_ids: [] } }),
    expected: {
      manager: { roleId: OPERATOR, manageAll: true },
      chosen: [],
      actions: ["customer_manager.update"],
      changes: { person: "the person", customers: { from: "2 customers", to: "All customers" } },
    },
  },
  {
    verb: "Edit customer manager: from all customers to one",
    start: { roleId: ADMIN, selection: "all" },
    inConsole: (s, twin) => editManager({ id: twin.managerId!, roleId: ADMIN, ...dialog(s, ["charlie"]) }),
    throughApi: (s, twin) =>
      call(item.PUT, "PUT", { token: s.token, params: { id: String(twin.managerId) }, body: { role_id: ADMIN, ...permitted(s, ["charlie"]) } }),
    expected: {
      manager: { roleId: ADMIN, manageAll: false },
      chosen: ["charlie"],
      actions: ["customer_manager.update"],
      changes: { person: "the person", customers: { from: "All customers", to: "1 customer" } },
    },
  },
  {
    verb: "Remove customer manager of chosen customers",
    start: { roleId: OPERATOR, selection: ["alpha", "charlie"] },
    inConsole: (_s, twin) => removeManager({ id: twin.managerId! }),
    throughApi: (s, twin) => call(item.DELETE, "DELETE", { token: s.token, params: { id: String(twin.managerId) } }),
    expected: {
      manager: null,
      chosen: [],
      actions: ["customer_manager.remove", "customer_manager.workspace_removed", "customer_manager.workspace_removed"],
      changes: { person: "the person", role: { from: "Operator", to: null }, customers: { from: "2 customers", to: null } },
    },
  },
  {
    verb: "Remove customer manager of all customers",
    start: { roleId: ADMIN, selection: "all" },
    inConsole: (_s, twin) => removeManager({ id: twin.managerId! }),
    throughApi: (s, twin) => call(item.DELETE, "DELETE", { token: s.token, params: { id: String(twin.managerId) } }),
    expected: {
      manager: null,
      chosen: [],
      actions: ["customer_manager.remove"],
      changes: { person: "the person", role: { from: "Admin", to: null }, customers: { from: "All customers", to: null } },
    },
  },
];

describe("customer managers, changed in the console and through the API", () => {
  for (const { verb, start, inConsole, throughApi, expected } of cases) {
    it(`${verb}: the same manager, chosen customers and audit events`, async () => {
      const s = await setup();
      const twins: Twin[] = [s.viaConsole, s.viaApi];
      if (start) {
        const ctx = adminContext(s.acme.partner, s.acme.admin);
        const customerIds = start.selection === "all" ? "all" : idsOf(s, start.selection);
        for (const twin of twins) twin.managerId = (await assignCustomerManager(ctx, { userId: twin.user.id, roleId: start.roleId, customerIds })).id;
      }

      let mark = await auditMark(s.db, s.acme.partner.id);
      const result = await inConsole(s, s.viaConsole);
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      const fromConsole = await written(s, s.viaConsole, mark);

      mark = await auditMark(s.db, s.acme.partner.id);
      const response = await throughApi(s, s.viaApi);
      expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
      const fromApi = await written(s, s.viaApi, mark);

      expect(fromApi).toEqual(fromConsole);
      const partnerId = s.acme.partner.id;
      expect(fromConsole.manager).toEqual(expected.manager && { partnerId, ...expected.manager });
      expect(fromConsole.chosen).toEqual(expected.chosen.map((customer) => ({ partnerId, customer })));
      expect(fromConsole.events.map((event) => event.action)).toEqual(expected.actions);
      expect(fromConsole.events[0]).toMatchObject({
        targetType: "customer_manager",
        targetId: "the customer_manager",
        customerId: null,
        changes: expected.changes,
      });
      expect(fromConsole.events[0]!.changes).toEqual(expected.changes);
    });
  }
});
