/** The audit log's person filter: the partner's team and its customers' collaborators, no one else's people. */
import { describe, expect, it } from "vitest";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { getDatabase } from "@/lib/db";
import { addDirectMember } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner, createUser } from "@/tests/support/factories";
import { auditPersonById, searchAuditPeople } from "./people";

describe("the audit log's people", () => {
  it("finds the team and the customers' collaborators by name or email, and never another partner's people", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    const admin = adminContext(acme.partner, acme.admin);
    const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
    const collaborator = await createUser(db, { name: "Zelda Quartermain" });
    await addDirectMember(db, acme.partner.id, customer.id, collaborator.id, SYSTEM_ROLE_IDS.analyst);
    const stranger = await createUser(db, { name: "Zelda Quintana" });
    const theirs = await createCustomer(db, globex.partner.id, globex.plans.starter.id);
    await addDirectMember(db, globex.partner.id, theirs.id, stranger.id, SYSTEM_ROLE_IDS.analyst);

    expect(await searchAuditPeople(admin, { q: "zelda q" })).toEqual([{ id: collaborator.id, name: collaborator.name, email: collaborator.email }]);
    expect((await searchAuditPeople(admin, { q: collaborator.email.slice(0, 12) })).map((person) => person.id)).toEqual([collaborator.id]);
    expect((await searchAuditPeople(admin, {})).map((person) => person.id)).toEqual(expect.arrayContaining([acme.admin.id, collaborator.id]));
    expect(await auditPersonById(admin, acme.admin.id)).toEqual({ id: acme.admin.id, name: acme.admin.name, email: acme.admin.email });
    expect(await auditPersonById(admin, stranger.id)).toBeNull();
    expect(await auditPersonById(admin, globex.admin.id)).toBeNull();
  });
});
