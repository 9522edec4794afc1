/**
 * The server actions and route handlers themselves, called the way a crafted request would call them: with a real
 * session cookie (or none), arbitrary inputs and another account's IDs. Only the Next.js request APIs are stood in
 * for; the session, the wrappers, the commands and the database are the real ones.
 */
import { and, eq, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, customerManagers, recipes, recipeVersions, sessions } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { getDatabase } from "@/lib/db";
import { addDirectMember, createManager, createTeamMember, makeManager, openSession, sessionSecretOf } from "@/tests/support/contexts";
import { createCustomer, createPartner, createUser } from "@/tests/support/factories";

const { admin: ADMIN, operator: OPERATOR } = SYSTEM_ROLE_IDS;

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => jar.set(name, value),
    delete: (name: string) => jar.delete(name),
  }),
  headers: async () => new Headers({ "user-agent": "crafted-client", "x-forwarded-for": "198.51.100.23" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

process.env.NEXTAUTH_SECRET = "vitest-secret-for-crafted-requests";

const { assignManager, editManager, removeManager } = await import("@/app/(console)/customer-managers/actions");
const { switchToAccount } = await import("@/app/(console)/account-switch/actions");
const { saveNewVersion, changeRecipeStatus } = await import("@/app/(workspace)/workspace/recipes/[recipeId]/actions");
const { returnToPartner } = await import("@/app/(workspace)/workspace/actions");
const { saveTeamName } = await import("@/app/(workspace)/workspace/admin/settings/actions");
const { remove: removeCollaborator } = await import("@/app/(workspace)/workspace/teams/actions");
const exportRoute = await import("@/app/(console)/audit-log/export/route");
const teamMembersRoute = await import("@/app/(console)/lookups/team-members/route");

/** Sends the following calls with the cookie of session `idHash` (or with no cookie). */
async function actAs(idHash: string | null) {
  jar.clear();
  if (idHash === null) return;
  const token = await encode({ token: { sid: sessionSecretOf(idHash) }, secret: process.env.NEXTAUTH_SECRET! });
  jar.set("next-auth.session-token", token);
}

async function setup() {
  const db = getDatabase();
  const acme = await createPartner(db);
  const globex = await createPartner(db);
  const customer = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
  const other = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
  const foreign = await createCustomer(db, globex.partner.id, globex.plans.starter.id);
  const recipeOf = async (partnerId: number, customerId: number) => {
    const [recipe] = await db.insert(recipes).values({ partnerId, customerId, name: "Sync" }).returning();
    await db.insert(recipeVersions).values({ partnerId, customerId, recipeId: recipe!.id, version: 1 });
    return recipe!;
  };
  const recipe = await recipeOf(acme.partner.id, customer.id);
  const otherRecipe = await recipeOf(acme.partner.id, other.id);
  const foreignRecipe = await recipeOf(globex.partner.id, foreign.id);
  const member = await createTeamMember(db, acme.partner.id, { name: "Sam Patel" });
  const { user: manager, assignment } = await createManager(db, acme.partner.id, ADMIN, [customer.id], "Morgan Lee");
  const signedIn = {
    admin: await openSession(db, acme.partner.id, acme.admin.id),
    member: await openSession(db, acme.partner.id, member.id),
    manager: await openSession(db, acme.partner.id, manager.id),
    globexAdmin: await openSession(db, globex.partner.id, globex.admin.id),
  };
  return { db, acme, globex, customer, other, foreign, recipe, otherRecipe, foreignRecipe, member, manager, assignment, signedIn };
}

async function versionsOf(recipeId: number) {
  return getDatabase().select().from(recipeVersions).where(eq(recipeVersions.recipeId, recipeId));
}

beforeEach(() => jar.clear());

describe("customer manager actions, called directly", () => {
  it("refuse a request without a session, from a partner member, and from an admin inside a customer account", async () => {
    const { db, acme, customer, member, signedIn } = await setup();
    const input = { userId: member.id, roleId: ADMIN, manageAll: false, customerIds: [customer.id] };
    await actAs(null);
    expect(await assignManager(input)).toMatchObject({ ok: false, error: expect.stringMatching(/session has ended/) });
    await actAs(signedIn.member);
    expect(await assignManager(input)).toMatchObject({ ok: false, error: "Only partner admins can do this." });
    // An admin enters a customer account only as one of its managers (rule U18).
    await makeManager(db, acme.partner.id, acme.admin.id, ADMIN, [customer.id]);
    await actAs(signedIn.admin);
    expect(await switchToAccount({ customerId: customer.id, reason: "" })).toMatchObject({ ok: true });
    expect(await assignManager(input)).toMatchObject({ ok: false, error: "This is only possible from the partner account." });
    expect(await db.select().from(customerManagers).where(eq(customerManagers.userId, member.id))).toEqual([]);
  });

  it("answer another partner's admin, crafting Acme's IDs, exactly as if they did not exist, and write nothing", async () => {
    const { db, customer, member, assignment, signedIn } = await setup();
    await actAs(signedIn.globexAdmin);
    expect(await assignManager({ userId: member.id, roleId: ADMIN, manageAll: false, customerIds: [customer.id] })).toMatchObject({
      ok: false,
      error: "Team member not found",
    });
    expect(await editManager({ id: assignment.id, roleId: OPERATOR, manageAll: true, customerIds: [] })).toMatchObject({
      ok: false,
      error: "Customer manager not found",
    });
    expect(await removeManager({ id: assignment.id })).toMatchObject({ ok: false, error: "Customer manager not found" });
    const [kept] = await db.select().from(customerManagers).where(eq(customerManagers.id, assignment.id));
    expect(kept).toMatchObject({ roleId: ADMIN, manageAll: false });
  });

  it("validate on the server what the dialog validates, and refuse a foreign customer among the chosen ones", async () => {
    const { db, foreign, customer, member, signedIn } = await setup();
    await actAs(signedIn.admin);
    expect(await assignManager({ userId: member.id, roleId: ADMIN, manageAll: false, customerIds: [] })).toMatchObject({
      ok: false,
      fieldErrors: { customerIds: ["Choose at least one customer, or turn on Manage all customers."] },
    });
    expect(await assignManager({ userId: member.id, roleId: ADMIN, manageAll: false, customerIds: [customer.id, foreign.id] })).toMatchObject({
      ok: false,
      error: "Customer not found",
    });
    expect(await db.select().from(customerManagers).where(eq(customerManagers.userId, member.id))).toEqual([]);
    expect(await assignManager({ userId: member.id, roleId: ADMIN, manageAll: false, customerIds: [customer.id] })).toMatchObject({ ok: true });
  });
});

describe("switching, called directly (rules C7, U18)", () => {
  it("refuses a customer the person may not enter and another partner's, and a second switch from inside", async () => {
    const { db, customer, other, foreign, signedIn } = await setup();
    await actAs(signedIn.manager);
    expect(await switchToAccount({ customerId: other.id, reason: "" })).toMatchObject({ ok: false, error: "Customer not found" });
    expect(await switchToAccount({ customerId: foreign.id, reason: "" })).toMatchObject({ ok: false, error: "Customer not found" });
    expect(await switchToAccount({ customerId: customer.id, reason: "x".repeat(501) })).toMatchObject({
      ok: false,
      fieldErrors: { reason: expect.any(Array) },
    });
    expect(await switchToAccount({ customerId: customer.id, reason: "Support ticket" })).toMatchObject({ ok: true });
    expect(await switchToAccount({ customerId: other.id, reason: "" })).toMatchObject({ ok: false, error: "This is only possible from the partner account." });
    const [session] = await db.select().from(sessions).where(eq(sessions.idHash, signedIn.manager));
    expect(session).toMatchObject({ activeCustomerId: customer.id, switchReason: "Support ticket" });
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "account.switch_in"), eq(auditEvents.customerId, customer.id)));
    expect(event).toMatchObject({ actingAs: "customer_manager", ip: "198.51.100.23", userAgent: "crafted-client" });
  });
});

describe("workspace actions, called directly (rules C6, C7, C10, U30)", () => {
  it("touch only the account the session is in: another account's recipe is not found, and nothing is written", async () => {
    const { recipe, otherRecipe, foreignRecipe, customer, signedIn } = await setup();
    await actAs(signedIn.manager);
    expect(await saveNewVersion({ recipeId: recipe.id, comment: "" })).toMatchObject({ ok: false, error: "You are not in this customer account any more." });
    await switchToAccount({ customerId: customer.id, reason: "" });
    expect(await saveNewVersion({ recipeId: otherRecipe.id, comment: "crafted" })).toMatchObject({ ok: false, error: "Recipe not found" });
    expect(await saveNewVersion({ recipeId: foreignRecipe.id, comment: "crafted" })).toMatchObject({ ok: false, error: "Recipe not found" });
    expect(await changeRecipeStatus({ recipeId: otherRecipe.id, status: "running" })).toMatchObject({ ok: false, error: "Recipe not found" });
    expect(await versionsOf(otherRecipe.id)).toHaveLength(1);
    expect(await versionsOf(foreignRecipe.id)).toHaveLength(1);
    expect(await saveNewVersion({ recipeId: recipe.id, comment: "real" })).toEqual({ ok: true, data: { version: 2 } });
  });

  it("follow the effective role: a direct Operator invitation of the manager takes recipe editing away (rule C12)", async () => {
    const { db, acme, customer, recipe, manager, signedIn } = await setup();
    await addDirectMember(db, acme.partner.id, customer.id, manager.id, OPERATOR);
    await actAs(signedIn.manager);
    await switchToAccount({ customerId: customer.id, reason: "" });
    expect(await saveNewVersion({ recipeId: recipe.id, comment: "" })).toMatchObject({ ok: false, error: expect.stringContaining("Operator") });
    expect(await changeRecipeStatus({ recipeId: recipe.id, status: "running" })).toMatchObject({ ok: true });
    expect(await saveTeamName({ name: "Renamed by an Operator" })).toMatchObject({ ok: false });
    expect(await removeCollaborator({ userId: manager.id })).toMatchObject({ ok: false });
  });

  it("refuse a manager removed while inside, and a switch that ran out, at the very next call", async () => {
    const { db, acme, customer, recipe, assignment, signedIn } = await setup();
    await actAs(signedIn.manager);
    await switchToAccount({ customerId: customer.id, reason: "" });
    await actAs(signedIn.admin);
    expect(await removeManager({ id: assignment.id })).toMatchObject({ ok: true });
    await actAs(signedIn.manager);
    expect(await saveNewVersion({ recipeId: recipe.id, comment: "" })).toMatchObject({ ok: false, error: "You are not in this customer account any more." });
    expect(await switchToAccount({ customerId: customer.id, reason: "" })).toMatchObject({ ok: false, error: "Customer not found" });

    // An admin's switch (as a manager of the customer, rule U18) whose time ran out.
    await makeManager(db, acme.partner.id, acme.admin.id, ADMIN, [customer.id]);
    await actAs(signedIn.admin);
    expect(await switchToAccount({ customerId: customer.id, reason: "" })).toMatchObject({ ok: true });
    await db
      .update(sessions)
      .set({ switchExpiresAt: sql`now() - interval '1 minute'` })
      .where(eq(sessions.idHash, signedIn.admin));
    expect(await saveTeamName({ name: "Too late" })).toMatchObject({ ok: false, error: "You are not in this customer account any more." });
    const [out] = await db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.partnerId, acme.partner.id), eq(auditEvents.actorUserId, acme.admin.id), eq(auditEvents.action, "account.switch_out")));
    expect(out?.changes).toEqual({ reason: "expired" });
  });

  it("Return to partner account ends the switch, and the customer's own collaborator has nothing to return from", async () => {
    const { db, acme, customer, signedIn } = await setup();
    await actAs(signedIn.manager);
    await switchToAccount({ customerId: customer.id, reason: "", returnTo: "/customers?q=north" });
    // Back to the page the switch was made from (issue 12), once; a page of another host is refused with the switch.
    expect(await returnToPartner()).toEqual({ ok: true, data: { returnTo: "/customers?q=north" } });
    expect(await returnToPartner()).toEqual({ ok: true, data: { returnTo: "/customers" } });
    for (const returnTo of ["//evil.example/x", "https://evil.example", "/\\evil.example", "customers"]) {
      expect(await switchToAccount({ customerId: customer.id, reason: "", returnTo })).toMatchObject({
        ok: false,
        fieldErrors: { returnTo: expect.any(Array) },
      });
    }
    await switchToAccount({ customerId: customer.id, reason: "" });
    expect(await returnToPartner()).toEqual({ ok: true, data: { returnTo: "/customers" } });
    const [session] = await db.select().from(sessions).where(eq(sessions.idHash, signedIn.manager));
    expect(session!.activeCustomerId).toBeNull();

    const casey = await createUser(db, { name: "Casey" });
    await addDirectMember(db, acme.partner.id, customer.id, casey.id, ADMIN);
    const home = await openSession(db, acme.partner.id, casey.id, { activeCustomerId: customer.id });
    await actAs(home);
    expect(await returnToPartner()).toMatchObject({ ok: false });
    expect(await saveTeamName({ name: `Renamed by Casey ${customer.id}` })).toMatchObject({ ok: true });
  });
});

describe("route handlers, called directly", () => {
  it("the CSV export and the pickers check the session themselves", async () => {
    const { signedIn } = await setup();
    const request = (path: string) => new Request(`http://localhost${path}`);
    await actAs(null);
    expect((await exportRoute.GET(request("/audit-log/export"))).status).toBe(401);
    await actAs(signedIn.member);
    expect((await exportRoute.GET(request("/audit-log/export"))).status).toBe(403);
    expect((await teamMembersRoute.GET(request("/lookups/team-members?q="))).status).toBe(403);
    await actAs(signedIn.admin);
    const csv = await exportRoute.GET(request("/audit-log/export?action=session.sign_in"));
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const people = (await (await teamMembersRoute.GET(request("/lookups/team-members?q=sam"))).json()) as { name: string }[];
    expect(people.map((person) => person.name)).toEqual(["Sam Patel"]);
  });
});
