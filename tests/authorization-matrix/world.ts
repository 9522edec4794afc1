/**
 * The people, customers and API clients the matrix's columns stand for, made through the shared test fixtures:
 * partner Acme with customers C (the one every row targets) and D, partner Globex (the other partner) with customer G.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { apiClients, apps, customerManagers, recipes, recipeVersions } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { revokeApiClient } from "@/lib/api-clients/commands";
import { API_SCOPES, hasScope, type ApiScope } from "@/lib/api-clients/scopes";
import { accessControlFixture } from "@/tests/support/access-control-fixture";
import { apiToken } from "@/tests/support/api";
import { addDirectMember, createManager, createTeamMember, makeManager, openSession } from "@/tests/support/contexts";
import { adminContext, createCustomer, createUser } from "@/tests/support/factories";

export const SESSION_COLUMNS = [
  "anonymous",
  "partner admin",
  "partner member",
  "admin switched in",
  "manager of C",
  "manager of D",
  "manager of all",
  "collaborator Admin",
  "collaborator Operator",
  "expired switch",
  "embedded session",
] as const;
export const TOKEN_COLUMNS = ["API client", "API client without scope", "revoked token", "expired token"] as const;
export const FOREIGN_COLUMN = "other partner's IDs";
export const ROLE_COLUMNS = [...SESSION_COLUMNS, ...TOKEN_COLUMNS, FOREIGN_COLUMN] as const;

export type SessionColumn = (typeof SESSION_COLUMNS)[number];
export type TokenColumn = (typeof TOKEN_COLUMNS)[number];
/** Console surfaces (partner console, public pages) or the customer workspace. */
export type Side = "console" | "workspace";

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld() {
  const fixture = await accessControlFixture();
  const { db, acme, globex } = fixture;
  const c = fixture.ours.customer;
  const d = await createCustomer(db, acme.partner.id, acme.plans.starter.id);
  const g = fixture.theirs.customer;
  const member = await createTeamMember(db, acme.partner.id, { name: "Sam Member" });
  const managerOfC = await createManager(db, acme.partner.id, SYSTEM_ROLE_IDS.admin, [c.id], "Morgan of C");
  const managerOfD = await createManager(db, acme.partner.id, SYSTEM_ROLE_IDS.admin, [d.id], "Dana of D");
  const managerOfAll = await createManager(db, acme.partner.id, SYSTEM_ROLE_IDS.operator, [], "Alex of all");
  await db.update(customerManagers).set({ manageAll: true }).where(eq(customerManagers.id, managerOfAll.assignment.id));
  // Globex's admin enters G as one of its managers: being an admin lets no one in (rule U18).
  await makeManager(db, globex.partner.id, globex.admin.id, SYSTEM_ROLE_IDS.admin, [g.id]);
  const collaboratorAdmin = await createUser(db, { name: "Casey Admin" });
  const collaboratorOperator = await createUser(db, { name: "Olly Operator" });
  await addDirectMember(db, acme.partner.id, c.id, collaboratorAdmin.id, SYSTEM_ROLE_IDS.admin);
  await addDirectMember(db, acme.partner.id, c.id, collaboratorOperator.id, SYSTEM_ROLE_IDS.operator);
  const revoked = await apiToken(acme.partner, acme.admin, { name: "Revoked" });
  const ofAcme = (name: string) => and(eq(apiClients.partnerId, acme.partner.id), eq(apiClients.name, name));
  const [revokedRow] = await db.select({ id: apiClients.id }).from(apiClients).where(ofAcme("Revoked"));
  await revokeApiClient(adminContext(acme.partner, acme.admin), revokedRow!.id);
  const expired = await apiToken(acme.partner, acme.admin, { name: "Expired", expiresInDays: 1 });
  await db
    .update(apiClients)
    .set({ expiresAt: new Date(Date.now() - 60_000) })
    .where(ofAcme("Expired"));
  const [recipe] = await db.insert(recipes).values({ partnerId: acme.partner.id, customerId: c.id, name: "Sync" }).returning();
  await db.insert(recipeVersions).values({ partnerId: acme.partner.id, customerId: c.id, recipeId: recipe!.id, version: 1 });
  const [app] = await db
    .insert(apps)
    .values({ slug: `matrix-${c.id}`, name: "Matrix app", iconPath: "/apps/matrix.svg" })
    .returning();
  return {
    ...fixture,
    c,
    d,
    g,
    member,
    recipe: recipe!,
    app: app!,
    managerOfCAssignment: managerOfC.assignment,
    managerOfC: managerOfC.user,
    managerOfD: managerOfD.user,
    managerOfAll: managerOfAll.user,
    collaboratorAdmin,
    collaboratorOperator,
    tokens: { full: fixture.token, revoked, expired, withoutScope: new Map<ApiScope, string>() },
    globexToken: await apiToken(globex.partner, globex.admin),
  };
}

const HOUR = 60 * 60_000;

/**
 * The session a column presents: a new one for every call, so that what one call does to its session (a switch,
 * a switch ended) never leaks into the next. Partner team members are in the partner account on console surfaces;
 * customer managers are switched into their customer on workspace surfaces, where they act (rule C7).
 */
export async function sessionFor(world: World, column: SessionColumn, side: Side): Promise<string | null> {
  const { db, acme, c, d } = world;
  const open = (userId: number, options: Parameters<typeof openSession>[3] = {}) => openSession(db, acme.partner.id, userId, options);
  const switchedInto = (customerId: number, ends = Date.now() + HOUR) => ({ activeCustomerId: customerId, switchExpiresAt: new Date(ends) });
  const manager = (userId: number, customerId: number) => open(userId, side === "workspace" ? switchedInto(customerId) : {});
  switch (column) {
    case "anonymous":
      return null;
    case "partner admin":
      return open(acme.admin.id);
    case "partner member":
      return open(world.member.id);
    case "admin switched in":
      // Not a manager of C: a session switched in before rule U18 was enforced, which the server now ends.
      return open(acme.admin.id, switchedInto(c.id));
    case "manager of C":
      return manager(world.managerOfC.id, c.id);
    case "manager of D":
      return manager(world.managerOfD.id, d.id);
    case "manager of all":
      return manager(world.managerOfAll.id, c.id);
    case "collaborator Admin":
      return open(world.collaboratorAdmin.id, { activeCustomerId: c.id });
    case "collaborator Operator":
      return open(world.collaboratorOperator.id, { activeCustomerId: c.id });
    case "expired switch":
      return open(world.managerOfC.id, switchedInto(c.id, Date.now() - 60_000));
    case "embedded session":
      // A partner team member, signed in through the partner's app: in C with its manager role, nowhere else.
      return open(world.managerOfC.id, { activeCustomerId: c.id, embedded: { jti: randomUUID(), origin: "https://app.acme.example" } });
  }
}

/** The other partner's admin (a manager of G): in its partner account on console surfaces, switched into G in the workspace. */
export async function foreignSession(world: World, side: Side): Promise<string> {
  const { db, globex, g } = world;
  return openSession(
    db,
    globex.partner.id,
    globex.admin.id,
    side === "workspace" ? { activeCustomerId: g.id, switchExpiresAt: new Date(Date.now() + HOUR) } : {},
  );
}

/** The bearer token a column presents to an endpoint that needs `scope`. */
export async function tokenFor(world: World, column: TokenColumn, scope: ApiScope | null): Promise<string> {
  switch (column) {
    case "API client":
      return world.tokens.full;
    case "revoked token":
      return world.tokens.revoked;
    case "expired token":
      return world.tokens.expired;
    case "API client without scope": {
      const key = scope ?? "customers:read";
      let token = world.tokens.withoutScope.get(key);
      if (!token) {
        token = await apiToken(world.acme.partner, world.acme.admin, {
          name: `Without ${key}`,
          scopes: API_SCOPES.filter((granted) => !hasScope([granted], key)),
        });
        world.tokens.withoutScope.set(key, token);
      }
      return token;
    }
  }
}
