import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apps, auditEvents, customerAppAccess, customers } from "@/db/schema";
import { getDatabase } from "@/lib/db";
import { asPartnerMember } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { assertMayUseApp, mayUseApp } from "./enforce";
import { appAccessInput, EMPTY_SELECTION } from "./schema";
import { getAppAccess, updateAppAccess } from "./selection";

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  const customer = await createCustomer(db, acme.partner.id, acme.plans.growth.id);
  const catalog = await db.select().from(apps).orderBy(apps.id);
  const [salesforce, slack, jira] = [catalog[0]!, catalog[1]!, catalog[3]!];
  return { db, acme, globex, customer, ctx: adminContext(acme.partner, acme.admin), salesforce, slack, jira };
}

describe("App access (rules U23, U24)", () => {
  it("starts with all apps, and after Apply changes allows exactly the selected apps, audited", async () => {
    const { db, customer, ctx, salesforce, slack, jira } = await setup();
    expect(await getAppAccess(ctx, customer.id)).toMatchObject({ mode: "all", selected: [], canManage: true });
    expect(await mayUseApp(db, ctx.partnerId, customer.id, jira.id)).toBe(true);

    await updateAppAccess(ctx, appAccessInput.parse({ customerId: customer.id, allApps: false, appIds: [slack.id, salesforce.id, slack.id] }));
    const view = await getAppAccess(ctx, customer.id);
    expect(view.mode).toBe("selected");
    expect(view.selected.map((app) => app.name)).toEqual(["Salesforce", "Slack"]);
    expect(view.selected[0]?.iconPath).toBe("/apps/salesforce.svg");
    expect(await mayUseApp(db, ctx.partnerId, customer.id, slack.id)).toBe(true);
    expect(await mayUseApp(db, ctx.partnerId, customer.id, jira.id)).toBe(false);

    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.customerId, customer.id)).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({
      action: "customer.app_access_changed",
      changes: { appAccess: { from: "all", to: "selected" }, apps: { from: [], to: ["Salesforce", "Slack"] } },
    });

    await updateAppAccess(ctx, appAccessInput.parse({ customerId: customer.id, allApps: true, appIds: [slack.id] }));
    expect(await getAppAccess(ctx, customer.id)).toMatchObject({ mode: "all", selected: [] });
    expect(await db.select().from(customerAppAccess).where(eq(customerAppAccess.customerId, customer.id))).toEqual([]);
    expect(await mayUseApp(db, ctx.partnerId, customer.id, jira.id)).toBe(true);
  });

  it("refuses an empty selection that is not Allow all apps, changing nothing (the title's choice: refused, not saved as No apps)", async () => {
    const { customer, ctx, slack } = await setup();
    await updateAppAccess(ctx, { customerId: customer.id, allApps: false, appIds: [slack.id] });
    const parsed = appAccessInput.safeParse({ customerId: customer.id, allApps: false, appIds: [] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(EMPTY_SELECTION);
    await expect(updateAppAccess(ctx, { customerId: customer.id, allApps: false, appIds: [] })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { appIds: [EMPTY_SELECTION] },
    });
    await expect(updateAppAccess(ctx, { customerId: customer.id, allApps: false, appIds: [2_000_000] })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    expect((await getAppAccess(ctx, customer.id)).selected.map((app) => app.id)).toEqual([slack.id]);
  });

  it("does not add an app released later to a selection, while All apps covers it (rule U24)", async () => {
    const { db, acme, customer, ctx, slack } = await setup();
    const everything = await createCustomer(db, acme.partner.id, acme.plans.growth.id);
    await updateAppAccess(ctx, { customerId: customer.id, allApps: false, appIds: [slack.id] });
    const slug = `new-app-${customer.id}`;
    const [released] = await db
      .insert(apps)
      .values({ slug, name: "Brand New App", iconPath: `/apps/${slug}.svg` })
      .returning();

    expect((await getAppAccess(ctx, customer.id)).selected.map((app) => app.name)).toEqual(["Slack"]);
    expect((await getAppAccess(ctx, customer.id)).catalog.map((app) => app.name)).toContain("Brand New App");
    await expect(assertMayUseApp(db, ctx.partnerId, customer.id, released!.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(assertMayUseApp(db, ctx.partnerId, everything.id, released!.id)).resolves.toBeUndefined();
    await db.delete(apps).where(eq(apps.id, released!.id));
  });

  it("is refused for another partner's customer and for a plain member, changing nothing (decision D8)", async () => {
    const { db, globex, customer, ctx, slack } = await setup();
    await expect(
      updateAppAccess(adminContext(globex.partner, globex.admin), { customerId: customer.id, allApps: false, appIds: [slack.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateAppAccess(asPartnerMember(ctx), { customerId: customer.id, allApps: false, appIds: [slack.id] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(getAppAccess(adminContext(globex.partner, globex.admin), customer.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [row] = await db.select({ appAccess: customers.appAccess }).from(customers).where(eq(customers.id, customer.id));
    expect(row?.appAccess).toBe("all");
    expect(await db.select().from(customerAppAccess).where(eq(customerAppAccess.customerId, customer.id))).toEqual([]);
    expect((await getAppAccess(asPartnerMember(ctx), customer.id)).canManage).toBe(false);
  });
});
