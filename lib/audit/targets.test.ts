import { describe, expect, it } from "vitest";
import { getDatabase } from "@/lib/db";
import { createTeamMember } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { auditPageSchema } from "./filters";
import { listAuditEvents } from "./list";
import { recordAudit } from "./record";
import { auditTargetKey } from "./targets";

describe("audit targets are named, not numbered (issue 12)", () => {
  it("names a customer with a link, a person with its email, and never another partner's record", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    const admin = adminContext(acme.partner, acme.admin);
    const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id, { name: "Northwind Traders" });
    const theirs = await createCustomer(db, globex.partner.id, globex.plans.starter.id, { name: "Globex Secret" });
    const member = await createTeamMember(db, acme.partner.id, { name: "Morgan Lee" });
    await recordAudit(db, admin, { action: "customer.updated", targetType: "customer", targetId: customer.id });
    await recordAudit(db, admin, { action: "customer.updated", targetType: "customer", targetId: theirs.id });
    await recordAudit(db, admin, { action: "session.sign_in", targetType: "user", targetId: member.id });
    await recordAudit(db, admin, { action: "embedding.key_added", targetType: "embedding_key", targetId: 7 });

    const page = await listAuditEvents(admin, auditPageSchema.parse({}));
    const targets = page.events.map((event) => page.targets.get(auditTargetKey(event)!));
    expect(targets).toEqual([
      { kind: "Signing key", label: "Signing key 7", href: null },
      { kind: "Person", label: `Morgan Lee (${member.email})`, href: null },
      { kind: "Customer", label: `Customer ${theirs.id}`, href: null },
      { kind: "Customer", label: "Northwind Traders", href: `/customers/${customer.id}` },
    ]);
  });
});
