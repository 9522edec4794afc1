import { describe, expect, it } from "vitest";
import { apps } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { assertMayUseApp } from "./enforce";
import { updateAppAccess } from "./selection";

describe("assertMayUseApp, wherever a connection is made for a customer (rule U23)", () => {
  it("allows every app under All apps and only the selected ones otherwise; unknown or foreign records are NOT_FOUND", async () => {
    const db = getDatabase();
    const acme = await createPartner(db);
    const globex = await createPartner(db);
    const customer = await createCustomer(db, acme.partner.id, acme.plans.growth.id);
    const ctx = adminContext(acme.partner, acme.admin);
    const catalog = await db.select().from(apps).orderBy(apps.id);
    const [salesforce, jira] = [catalog[0]!, catalog[3]!];
    await expect(assertMayUseApp(db, ctx.partnerId, customer.id, jira.id)).resolves.toBeUndefined();
    await updateAppAccess(ctx, { customerId: customer.id, allApps: false, appIds: [salesforce.id] });
    await expect(assertMayUseApp(db, ctx.partnerId, customer.id, salesforce.id)).resolves.toBeUndefined();
    await expect(assertMayUseApp(db, ctx.partnerId, customer.id, jira.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "This app is not in the customer's App access list.",
    });
    await expect(assertMayUseApp(db, globex.partner.id, customer.id, salesforce.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(assertMayUseApp(db, ctx.partnerId, customer.id, 2_000_000)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
