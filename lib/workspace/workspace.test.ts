import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  apps,
  auditEvents,
  connections,
  customerAppAccess,
  customerInvitations,
  customerManagers,
  customerMembers,
  customers,
  recipes,
  recipeVersions,
} from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { getDatabase } from "@/lib/db";
import { addDirectMember, createManager, insideCustomer, makeManager, personContext } from "@/tests/support/contexts";
import { adminContext, createCustomer, createPartner, createUser } from "@/tests/support/factories";
import { authorize } from "@/lib/authorization/authorize";
import { runWorkspaceAction } from "@/lib/transport/workspace-action";
import { connectApp, disconnect, listConnectableApps } from "./connections";
import { getRecipe, saveRecipeVersion, setRecipeStatus } from "./recipes";
import { renameTeam } from "./settings";
import { changeCollaboratorRole, inviteCollaborator, listTeam, removeCollaborator } from "@/lib/workspace-team/team";

const { analyst: ANALYST, admin: ADMIN, operator: OPERATOR } = SYSTEM_ROLE_IDS;

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const home = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
  const elsewhere = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
  const [app, otherApp] = await db.select({ id: apps.id, name: apps.name }).from(apps).orderBy(apps.id).limit(2);
  const recipeIn = async (customerId: number) => {
    const [recipe] = await db.insert(recipes).values({ partnerId: acme.partner.id, customerId, name: "Sync accounts", status: "stopped" }).returning();
    await db.insert(recipeVersions).values({ partnerId: acme.partner.id, customerId, recipeId: recipe!.id, version: 1, code: { steps: 1 } });
    const [connection] = await db
      .insert(connections)
      .values({ partnerId: acme.partner.id, customerId, appId: app!.id, name: "Main", authenticated: true })
      .returning();
    return { recipe: recipe!, connection: connection! };
  };
  const inHome = await recipeIn(home.id);
  const inElsewhere = await recipeIn(elsewhere.id);

  const { user: manager, assignment } = await createManager(db, acme.partner.id, ADMIN, [home.id], "Morgan Lee");
  const operator = await createUser(db, { name: "Olive Operator" });
  await addDirectMember(db, acme.partner.id, home.id, operator.id, OPERATOR);
  const analyst = await createUser(db, { name: "Andy Analyst" });
  await addDirectMember(db, acme.partner.id, home.id, analyst.id, ANALYST);

  const as = (user: { id: number; name: string; email: string }, partnerRole: "admin" | "member" | null = null) =>
    insideCustomer(personContext(acme.partner, user, { partnerRole }), home);
  return {
    db,
    acme,
    home,
    elsewhere,
    app: app!,
    otherApp: otherApp!,
    inHome,
    inElsewhere,
    assignment,
    manager,
    operator,
    analyst,
    asManager: as(manager, "member"),
    asOperator: as(operator),
    asAnalyst: as(analyst),
    asPartnerAdmin: insideCustomer(adminContext(acme.partner, acme.admin), home),
  };
}

describe("recipes in the customer workspace (rules C7, C8)", () => {
  it("a manager saves a new version with its Admin role: Versions show it under Modified by, audited as customer manager", async () => {
    const { db, acme, home, inHome, manager, asManager } = await setup();
    expect(await saveRecipeVersion(asManager, { recipeId: inHome.recipe.id, comment: "Map custom fields" })).toEqual({ version: 2 });
    const recipe = await getRecipe(asManager, inHome.recipe.id);
    expect(recipe.versions[0]).toMatchObject({ version: 2, comment: "Map custom fields", modifiedBy: { name: "Morgan Lee" }, modifiedAs: "customer_manager" });
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, acme.partner.id), eq(auditEvents.action, "recipe.version_save")));
    expect(event).toMatchObject({ actorUserId: manager.id, actingAs: "customer_manager", customerId: home.id, targetId: String(inHome.recipe.id) });
  });

  it("follows the effective role: an Operator runs but cannot edit, an Analyst can do neither", async () => {
    const { db, inHome, asOperator, asAnalyst } = await setup();
    await setRecipeStatus(asOperator, { recipeId: inHome.recipe.id, status: "running" });
    await expect(saveRecipeVersion(asOperator, { recipeId: inHome.recipe.id, comment: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setRecipeStatus(asAnalyst, { recipeId: inHome.recipe.id, status: "stopped" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [recipe] = await db.select().from(recipes).where(eq(recipes.id, inHome.recipe.id));
    expect(recipe!.status).toBe("running");
    expect(await db.select().from(recipeVersions).where(eq(recipeVersions.recipeId, inHome.recipe.id))).toHaveLength(1);
  });

  it("answers NOT_FOUND for another account's recipe or connection, crafted into a request, and changes nothing", async () => {
    const { db, inElsewhere, asManager } = await setup();
    await expect(saveRecipeVersion(asManager, { recipeId: inElsewhere.recipe.id, comment: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setRecipeStatus(asManager, { recipeId: inElsewhere.recipe.id, status: "running" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRecipe(asManager, inElsewhere.recipe.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(disconnect(asManager, { connectionId: inElsewhere.connection.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.select().from(recipeVersions).where(eq(recipeVersions.recipeId, inElsewhere.recipe.id))).toHaveLength(1);
    expect(await db.select().from(connections).where(eq(connections.id, inElsewhere.connection.id))).toHaveLength(1);
  });

  it("refuses the partner account, a switch that ran out, and a manager removed since (rules C7, C10)", async () => {
    const { db, inHome, asManager, assignment } = await setup();
    const outside = { ...asManager, account: { kind: "partner" as const } };
    await expect(saveRecipeVersion(outside, { recipeId: inHome.recipe.id, comment: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const expired = { ...asManager, now: new Date(asManager.now.getTime() + 61 * 60_000) };
    await expect(saveRecipeVersion(expired, { recipeId: inHome.recipe.id, comment: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await db.delete(customerManagers).where(eq(customerManagers.id, assignment.id));
    await expect(saveRecipeVersion(asManager, { recipeId: inHome.recipe.id, comment: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a partner admin who is not a member (rule U18); once it assigned itself as customer manager, it acts as one", async () => {
    const { db, acme, home, inHome, asPartnerAdmin } = await setup();
    await expect(saveRecipeVersion(asPartnerAdmin, { recipeId: inHome.recipe.id, comment: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await makeManager(db, acme.partner.id, acme.admin.id, ADMIN, [home.id]);
    await saveRecipeVersion(asPartnerAdmin, { recipeId: inHome.recipe.id, comment: "" });
    const [version] = await db
      .select()
      .from(recipeVersions)
      .where(and(eq(recipeVersions.recipeId, inHome.recipe.id), eq(recipeVersions.version, 2)));
    expect(version).toMatchObject({ modifiedById: acme.admin.id, modifiedAs: "customer_manager" });
  });
});

describe("connections in the customer workspace (rule U23)", () => {
  it("connects only apps allowed by App access, and disconnects", async () => {
    const { db, home, app, otherApp, asManager, asOperator } = await setup();
    await db.update(customers).set({ appAccess: "selected" }).where(eq(customers.id, home.id));
    await db.insert(customerAppAccess).values({ partnerId: home.partnerId, customerId: home.id, appId: app.id });

    expect((await listConnectableApps(asManager)).map((a) => a.id)).toEqual([app.id]);
    await expect(connectApp(asManager, { appId: otherApp.id, name: "Not allowed" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(connectApp(asOperator, { appId: app.id, name: "No permission" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id } = await connectApp(asManager, { appId: app.id, name: "Second" });
    const [created] = await db.select().from(connections).where(eq(connections.id, id));
    expect(created).toMatchObject({ customerId: home.id, authenticated: true, name: "Second" });
    await disconnect(asManager, { connectionId: id });
    expect(await db.select().from(connections).where(eq(connections.id, id))).toEqual([]);
  });
});

describe("the Teams page (rules C6, C11, C12, U19)", () => {
  it("lists managers with their tag, invites by email, and never edits or removes a manager from inside", async () => {
    const { db, home, manager, operator, asManager, asOperator } = await setup();
    const team = await listTeam(asOperator);
    expect(team.members.find((m) => m.userId === manager.id)).toMatchObject({ isCustomerManager: true, roleName: "Admin" });

    await expect(changeCollaboratorRole(asManager, { userId: manager.id, roleId: ANALYST })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeCollaborator(asManager, { userId: manager.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(inviteCollaborator(asOperator, { name: "X", email: "x@example.test", roleId: ANALYST })).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect(await inviteCollaborator(asManager, { name: "New Person", email: "new.person@example.test", roleId: OPERATOR })).toEqual({
      outcome: "invited",
      invitationPath: expect.stringMatching(/^\/invitations\/pcinv_[\w-]{43}$/),
    });
    await expect(inviteCollaborator(asManager, { name: "New Person", email: "new.person@example.test", roleId: OPERATOR })).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    const [invitation] = await db.select().from(customerInvitations).where(eq(customerInvitations.customerId, home.id));
    expect(invitation).toMatchObject({ email: "new.person@example.test", roleId: OPERATOR, acceptedAt: null });

    await changeCollaboratorRole(asManager, { userId: operator.id, roleId: ANALYST });
    await expect(inviteCollaborator(asManager, { name: "Olive", email: operator.email, roleId: ADMIN })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a direct Operator invitation of a manager wins, and removing that invitation brings its Admin role back (rule C12)", async () => {
    const { db, acme, home, manager } = await setup();
    const teamAdmin = await createUser(db, { name: "Tess Admin" });
    await addDirectMember(db, acme.partner.id, home.id, teamAdmin.id, ADMIN);
    const asTeamAdmin = insideCustomer(personContext(acme.partner, teamAdmin, { partnerRole: null }), home);
    expect(await inviteCollaborator(asTeamAdmin, { name: manager.name, email: manager.email.toUpperCase(), roleId: OPERATOR })).toEqual({ outcome: "added" });
    const asManager = insideCustomer(personContext({ id: home.partnerId, name: "" }, manager), home);
    await expect(
      saveRecipeVersion(asManager, { recipeId: (await db.select().from(recipes).where(eq(recipes.customerId, home.id)))[0]!.id, comment: "" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listTeam(asManager)).members.find((m) => m.userId === manager.id)).toMatchObject({
      roleName: "Operator",
      source: "direct",
      isCustomerManager: true,
    });

    expect(await removeCollaborator(asTeamAdmin, { userId: manager.id })).toEqual({ managerRoleApplies: true });
    expect((await listTeam(asManager)).members.find((m) => m.userId === manager.id)).toMatchObject({ roleName: "Admin", source: "customer_manager" });
    expect(
      await db
        .select()
        .from(customerMembers)
        .where(and(eq(customerMembers.customerId, home.id), eq(customerMembers.userId, manager.id))),
    ).toEqual([]);
  });
});

describe("Workspace admin › Settings (rule U30, decision D6)", () => {
  it("renames the team for roles that manage collaborators only, and search finds the new name", async () => {
    const { db, acme, home, asManager, asOperator } = await setup();
    await expect(renameTeam(asOperator, { name: "Nope" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const name = `Renamed ${home.id}`;
    await renameTeam(asManager, { name });
    const [row] = await db.select({ name: customers.name, searchText: customers.searchText }).from(customers).where(eq(customers.id, home.id));
    expect(row).toMatchObject({ name, searchText: expect.stringContaining(name.toLowerCase()) });
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, acme.partner.id), eq(auditEvents.action, "customer.renamed")));
    expect(event).toMatchObject({ actingAs: "customer_manager", customerName: name, changes: { name: { from: home.name, to: name } } });
  });
});

describe("workspaceAction", () => {
  const schema = z.object({ n: z.number() });
  // What every workspace command does first (the action itself only authenticates).
  const handler = async (ctx: Parameters<typeof authorize>[0]) => {
    await authorize(ctx, "workspace.recipes.edit");
    return "ran";
  };

  it("refuses no session, the partner account and bad input before the handler runs; the handler's command refuses a missing permission", async () => {
    const { asAnalyst, asManager } = await setup();
    expect(await runWorkspaceAction(null, schema, handler, { n: 1 })).toMatchObject({ ok: false });
    expect(await runWorkspaceAction({ ...asManager, account: { kind: "partner" } }, schema, handler, { n: 1 })).toMatchObject({ ok: false });
    expect(await runWorkspaceAction(asAnalyst, schema, handler, { n: 1 })).toMatchObject({ ok: false, error: expect.stringContaining("Analyst") });
    expect(await runWorkspaceAction(asManager, schema, handler, { n: "x" })).toMatchObject({ ok: false, fieldErrors: { n: expect.any(Array) } });
    expect(await runWorkspaceAction(asManager, schema, handler, { n: 1 })).toEqual({ ok: true, data: "ran" });
  });
});
