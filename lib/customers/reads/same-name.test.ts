import { describe, expect, it } from "vitest";
import * as collection from "@/app/api/managed_users/route";
import * as item from "@/app/api/managed_users/[managed_user_id]/route";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { getDatabase } from "@/lib/db";
import { apiToken, call } from "@/tests/support/api";
import { addDirectMember, createManager, insideCustomer, personContext } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner, createUser } from "@/tests/support/factories";
import { renameTeam, teamNameShared } from "@/lib/workspace/settings";
import { addCustomer } from "@/lib/customers/commands/add-customer";
import { addCustomerSchema } from "@/lib/customers/add-customer-input";
import { otherCustomersNamed } from "./same-name";

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  return { db, acme, globex, admin: adminContext(acme.partner, acme.admin) };
}

describe("two customers may share a name (issue 12): the warning's query", () => {
  it("finds the partner's customers with the name, letter case and invisible edges aside, and no other partner's", async () => {
    const { db, acme, globex, admin } = await setup();
    const first = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Northwind", externalId: "nw-1" });
    await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Northwind Traders" });
    await createCustomer(db, globex.partner.id, globex.plans.starter.id, { name: "Northwind", externalId: "theirs" });

    for (const typed of ["Northwind", "northWIND", "  Northwind\u200B"]) {
      expect(await otherCustomersNamed(admin, { name: typed })).toEqual({ customers: [{ id: first.id, name: "Northwind", externalId: "nw-1" }], total: 1 });
    }
    const cafe = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Caf\u00e9" });
    expect((await otherCustomersNamed(admin, { name: "Cafe\u0301" })).customers.map((customer) => customer.id)).toEqual([cafe.id]);
    // Contains is not the same name; nothing visible is no name at all.
    for (const typed of ["North", "Northwind Trader", "", " \u200B "])
      expect(await otherCustomersNamed(admin, { name: typed })).toEqual({ customers: [], total: 0 });
    // The customer being renamed is not "another" one.
    expect(await otherCustomersNamed(admin, { name: "Northwind", exceptId: first.id })).toEqual({ customers: [], total: 0 });
  });

  it("names the first three, oldest first, and counts them all", async () => {
    const { db, acme, admin } = await setup();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Contoso", externalId: `c-${i}` }));
    const shared = await otherCustomersNamed(admin, { name: "contoso" });
    expect(shared.total).toBe(5);
    expect(shared.customers.map((customer) => customer.id)).toEqual(made.slice(0, 3).map((customer) => customer.id));
  });

  it("never blocks: + Add customer adds a second customer with the same name", async () => {
    const { acme, admin } = await setup();
    const values = { name: "Fabrikam", notificationEmail: "ops@fabrikam.example", planId: acme.plans.starter.id };
    await addCustomer(admin, addCustomerSchema.parse({ ...values, externalId: "f-1" }));
    await addCustomer(admin, addCustomerSchema.parse({ ...values, externalId: "" }));
    expect((await otherCustomersNamed(admin, { name: "Fabrikam" })).total).toBe(2);
  });

  it("under Team name, tells a partner team member inside the account about the other customer, and a customer's own collaborator nothing", async () => {
    const { db, acme } = await setup();
    const home = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Globex Retail" });
    const other = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Initech", externalId: "INI-7" });
    const { user: manager } = await createManager(db, acme.partner.id, SYSTEM_ROLE_IDS.admin, [home.id], "Morgan Lee");
    const collaborator = await createUser(db, { name: "Casey" });
    await addDirectMember(db, acme.partner.id, home.id, collaborator.id, SYSTEM_ROLE_IDS.admin);
    const asManager = insideCustomer(personContext(acme.partner, manager, { partnerRole: "member" }), home);
    const asCollaborator = insideCustomer(personContext(acme.partner, collaborator, { partnerRole: null }), home);

    expect(await teamNameShared(asManager)).toBeNull();
    await renameTeam(asManager, { name: "initech" });
    expect(await teamNameShared(asManager)).toEqual({ customers: [{ id: other.id, name: "Initech", externalId: "INI-7" }], total: 1 });
    expect(await teamNameShared(asCollaborator)).toBeNull();
  });
});

describe("external IDs are exact and case-sensitive (issue 12)", () => {
  it("two customers may have IDs differing in case only, and E + external ID names exactly one of them", async () => {
    const { acme, admin } = await setup();
    const values = { notificationEmail: "ops@example.test", planId: acme.plans.starter.id };
    const lower = await addCustomer(admin, addCustomerSchema.parse({ ...values, name: "Lower", externalId: "nw-1" }));
    const upper = await addCustomer(admin, addCustomerSchema.parse({ ...values, name: "Upper", externalId: "NW-1" }));
    const token = await apiToken(acme.partner, acme.admin);

    const get = (reference: string) => call(item.GET, "GET", { token, params: { managed_user_id: reference } });
    expect(((await get("Enw-1")).body as { result: { id: number } }).result.id).toBe(lower.id);
    expect(((await get("ENW-1")).body as { result: { id: number } }).result.id).toBe(upper.id);
    for (const reference of ["ENw-1", "Enw-1 ", "E nw-1"]) expect((await get(reference)).status).toBe(404);

    // Search is a search: it finds both, whatever the case typed.
    const searched = await call(collection.GET, "GET", { token, query: "q=NW-1" });
    expect((searched.body as { result: { items: { id: number }[] } }).result.items.map((user) => user.id).sort()).toEqual([lower.id, upper.id].sort());
  });
});
