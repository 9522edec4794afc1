/**
 * What the fuzz suites attack: two partners (Acme, whose token and sessions send the requests, and Globex, whose
 * IDs they name) with customer workspaces holding a little of everything (environments, projects, collaborators,
 * a group, grants, recipes, connections, a customer manager), and the IDs of all of it.
 */
import { sql } from "drizzle-orm";
import type { Database } from "@/db/connection";
import { apps, connections, recipes, recipeVersions } from "@/db/schema";
import { SYSTEM_ROLE_IDS } from "@/db/seed/demo-users";
import { accessControlFixture } from "@/tests/support/access-control-fixture";
import { createManager, openSession } from "@/tests/support/contexts";
import { createCustomer } from "@/tests/support/factories";
import { partnerDigest } from "@/tests/support/partner-digest";
import { idPools, type FuzzPools } from "./id-pools";

type Workspace = Awaited<ReturnType<typeof accessControlFixture>>["ours"];

async function recipesAndConnections(db: Database, partnerId: number, workspace: Workspace, appId: number) {
  const scope = { partnerId, customerId: workspace.customer.id };
  const [recipe] = await db
    .insert(recipes)
    .values({ ...scope, projectId: workspace.projects.devSync.id, name: "Sync" })
    .returning();
  await db.insert(recipeVersions).values({ ...scope, recipeId: recipe!.id, version: 1 });
  await db.insert(connections).values({ ...scope, appId, name: "Main", authenticated: true });
}

export async function fuzzFixture() {
  const fixture = await accessControlFixture();
  const { db, acme, globex, ours, theirs } = fixture;
  const [app] = await db.select({ id: apps.id }).from(apps).limit(1);
  await recipesAndConnections(db, acme.partner.id, ours, app!.id);
  await recipesAndConnections(db, globex.partner.id, theirs, app!.id);
  const second = await createCustomer(db, acme.partner.id, acme.plans.growth.id, { externalId: `second-${acme.partner.id}` });
  await createManager(db, acme.partner.id, SYSTEM_ROLE_IDS.admin, [ours.customer.id, second.id], "Morgan Lee");
  await createManager(db, globex.partner.id, SYSTEM_ROLE_IDS.admin, [theirs.customer.id], "Globex Manager");
  const sessions = {
    /** A partner admin in the partner account: every console action is open to it. */
    console: await openSession(db, acme.partner.id, acme.admin.id),
    /** The workspace's own Admin collaborator, at home in it: every workspace action is open to it. */
    workspace: await openSession(db, acme.partner.id, ours.admin.id, { activeCustomerId: ours.customer.id }),
    globex: await openSession(db, globex.partner.id, globex.admin.id),
  };
  const pools: FuzzPools = await idPools(db, acme.partner.id, globex.partner.id);
  return { ...fixture, second, sessions, pools };
}

export type FuzzFixture = Awaited<ReturnType<typeof fuzzFixture>>;

/** The next transaction ID the server will hand out: it moves whenever anything, anywhere, is written. */
async function nextTransactionId(db: Database): Promise<string> {
  const [row] = await db.execute<{ next: string }>(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as next`);
  return row!.next;
}

/**
 * Both partners' digests after every request: Acme's may only move when the request succeeded, Globex's never
 * (whatever Acme sends). Every write takes a transaction ID, so while the server's next transaction ID stands still
 * nothing was written anywhere and the last digests still hold; as soon as it moves (a write of ours, a rolled-back
 * one, or another client of the same server) both digests are taken afresh. That keeps 1,000 requests a target cheap
 * without trusting the request to say whether it wrote.
 */
export function digestWatch(fixture: FuzzFixture) {
  const digests = () => Promise.all([partnerDigest(fixture.db, fixture.acme.partner.id), partnerDigest(fixture.db, fixture.globex.partner.id)]);
  let last: { next: string; digests: [string, string] } | null = null;
  const look = async () => {
    const next = await nextTransactionId(fixture.db);
    if (last && last.next === next) return last;
    // Read the counter first: a write that lands between the two reads makes the next look take digests again.
    return { next, digests: await digests() };
  };
  return {
    async start() {
      last = await look();
    },
    /** Whether Acme's rows and Globex's rows changed since the last look. */
    async changes(): Promise<{ ours: boolean; theirs: boolean; digested: boolean }> {
      const previous = last!;
      last = await look();
      return { ours: last.digests[0] !== previous.digests[0], theirs: last.digests[1] !== previous.digests[1], digested: last !== previous };
    },
  };
}
