import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apps, connections, customers } from "@/db/schema";
import { createRandom } from "@/db/seed/random";
import { getDatabase } from "@/lib/db";
import { adminContext, createCustomer, createPartner } from "@/tests/support/factories";
import { decodeCursor } from "./cursor";
import { DEFAULT_CUSTOMER_QUERY, SORT_KEYS, type CustomerQuery, type StatusTab } from "@/lib/customers/query-input";
import { customerStatus } from "@/lib/customers/status";
import { countCustomerTable, loadCustomerTable, queryCustomerTable } from "./table";

const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2026, 5, 15, 12, 0, 0));

type Truth = {
  id: number;
  name: string;
  externalId: string | null;
  planId: number;
  trialEndsAt: Date | null;
  createdAt: Date;
  tasksUsed: number;
  connections: number;
  appIds: Set<number>;
};

let partner: Awaited<ReturnType<typeof createPartner>>;
let truth: Truth[] = [];
let appIds: number[] = [];

/** A few hundred customers with every shape the filters care about, then the rows read back as ground truth. */
beforeAll(async () => {
  const db = getDatabase();
  partner = await createPartner(db);
  const random = createRandom("customers-table-test");
  const words = ["Acme", "Northwind", "Contoso", "Initech", "Umbrella", "Globex", "Hooli", "Stark", "Wayne", "Tyrell", "acme"];
  // Pairs that tell a literal %, _ or \ from a wildcard one.
  const specials = ["100% Pure", "1000 Pure", "Under_score Ltd", "Underxscore Ltd", "<b>Bold</b> Inc", "Back\\slash Co", "a", "ab"];
  const planIds = [partner.plans.free.id, partner.plans.starter.id, partner.plans.growth.id];
  const rows = Array.from({ length: 260 }, (_, index) => {
    const trial = random.float(0, 1);
    return {
      partnerId: partner.partner.id,
      name: index < specials.length ? specials[index]! : `${random.pick(words)} ${random.pick(words)} ${index % 17}`,
      externalId: random.chance(0.6) ? `A${2300 + index}` : null,
      notificationEmail: `ops${index}@example.test`,
      planId: random.weighted([
        [planIds[0]!, 1],
        [planIds[1]!, 3],
        [planIds[2]!, 3],
      ]),
      trialEndsAt: trial < 0.15 ? new Date(NOW.getTime() + random.int(1, 30) * DAY) : trial < 0.25 ? new Date(NOW.getTime() - random.int(1, 60) * DAY) : null,
      createdAt: new Date(NOW.getTime() - random.int(0, 800) * DAY - random.int(0, 86_399) * 1000),
      tasksUsed: random.chance(0.3) ? 0 : random.int(1, 400),
      usagePeriod: "2026-06-01",
    };
  });
  await db.insert(customers).values(rows);
  // The ended-trial flag is only a hint (customers.trial_ended): let it lag the test clock both ways, so that the
  // rows must come out right whether it is set, stale or ahead.
  await db.execute(sql`update customers set trial_ended = (id % 3 = 0) where partner_id = ${partner.partner.id} and trial_ends_at is not null`);
  appIds = (await db.select({ id: apps.id }).from(apps).orderBy(apps.id).limit(4)).map((app) => app.id);
  const made = await db.select({ id: customers.id }).from(customers).where(eq(customers.partnerId, partner.partner.id));
  const links = made.flatMap(({ id }) =>
    random.chance(0.5)
      ? random.sample(appIds, random.int(1, 3)).map((appId) => ({
          partnerId: partner.partner.id,
          customerId: id,
          appId,
          name: "connection",
          authenticated: random.chance(0.8),
        }))
      : [],
  );
  await db.insert(connections).values(links);
  const read = await db.execute<{
    id: number;
    name: string;
    external_id: string | null;
    plan_id: number;
    trial_ms: number | null;
    created_ms: number;
    tasks_used: number;
    authenticated_connections: number;
    app_ids: number[] | null;
  }>(sql`
    select c.id, c.name, c.external_id, c.plan_id, (extract(epoch from c.trial_ends_at) * 1000)::float8 as trial_ms,
           (extract(epoch from c.created_at) * 1000)::float8 as created_ms, c.tasks_used, c.authenticated_connections,
           (select array_agg(distinct cn.app_id) from connections cn where cn.customer_id = c.id) as app_ids
      from customers c where c.partner_id = ${partner.partner.id}`);
  truth = read.map((row) => ({
    id: row.id,
    name: row.name,
    externalId: row.external_id,
    planId: row.plan_id,
    trialEndsAt: row.trial_ms === null ? null : new Date(row.trial_ms),
    createdAt: new Date(row.created_ms),
    tasksUsed: row.tasks_used,
    connections: row.authenticated_connections,
    appIds: new Set(row.app_ids ?? []),
  }));
});

const ctx = () => adminContext(partner.partner, partner.admin, NOW);

function matchesSearch(row: Truth, q: string): boolean {
  const term = q.trim().toLowerCase();
  if (!term) return true;
  const fields = [row.name.toLowerCase(), (row.externalId ?? "").toLowerCase()];
  return [...term].length >= 3 ? fields.some((field) => field.includes(term)) : fields.some((field) => field.startsWith(term));
}

/** The same view computed in memory, the slow and obvious way. */
function bruteForce(query: CustomerQuery, status: StatusTab = query.status): Truth[] {
  const free = partner.plans.free.id;
  const statusOf = (row: Truth) => customerStatus({ trialEndsAt: row.trialEndsAt, planIsFree: row.planId === free }, NOW);
  const effectivePlan = (row: Truth) => (row.trialEndsAt && row.trialEndsAt <= NOW ? free : row.planId);
  const presetDays = { "7d": 7, "30d": 30, "90d": 90, "12m": 365 } as const;
  const keep = truth.filter((row) => {
    if (!matchesSearch(row, query.q)) return false;
    if (status !== "all" && statusOf(row) !== status) return false;
    if (query.plans.length > 0 && !query.plans.includes(effectivePlan(row))) return false;
    if (query.app !== null && !row.appIds.has(query.app)) return false;
    if (query.joined && query.joined !== "custom" && row.createdAt.getTime() < NOW.getTime() - presetDays[query.joined] * DAY) return false;
    if (query.joined === "custom") {
      if (query.from && row.createdAt < new Date(`${query.from}T00:00:00Z`)) return false;
      if (query.to && row.createdAt.getTime() >= Date.parse(`${query.to}T00:00:00Z`) + DAY) return false;
    }
    return true;
  });
  const key = (row: Truth): string | number =>
    query.sort === "name"
      ? row.name.toLowerCase()
      : query.sort === "joined"
        ? row.createdAt.getTime()
        : query.sort === "tasks"
          ? row.tasksUsed
          : row.connections;
  const sign = query.dir === "asc" ? 1 : -1;
  return keep.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return (x < y ? -1 : x > y ? 1 : a.id - b.id) * sign;
  });
}

async function walkForward(query: CustomerQuery): Promise<number[]> {
  const ids: number[] = [];
  let current: CustomerQuery = { ...query, size: 25 };
  for (let guard = 0; guard < 100; guard++) {
    const page = await queryCustomerTable(ctx(), current);
    ids.push(...page.rows.map((row) => row.id));
    if (!page.hasNext) return ids;
    current = { ...current, after: page.nextCursor, page: current.page + 1 };
  }
  throw new Error("too many pages");
}

async function walkBackward(query: CustomerQuery): Promise<number[]> {
  const pages: number[][] = [];
  const first = await loadCustomerTable(ctx(), { ...query, size: 25, last: true });
  pages.unshift(first.table.rows.map((row) => row.id));
  let page = first.table;
  for (let guard = 0; guard < 100 && page.hasPrevious; guard++) {
    page = await queryCustomerTable(ctx(), { ...query, size: 25, before: page.previousCursor, page: page.page - 1 });
    pages.unshift(page.rows.map((row) => row.id));
  }
  return pages.flat();
}

function variations(): CustomerQuery[] {
  const base = DEFAULT_CUSTOMER_QUERY;
  const free = partner.plans.free.id;
  const starter = partner.plans.starter.id;
  const searches = ["", "acm", "a", "ab", "%", "_", "<b>", "\\", "a23", "ACME", "no-such-customer"];
  const statuses: StatusTab[] = ["all", "active", "in_trial", "expired"];
  const planSets = [[], [starter], [free], [starter, free]];
  const appChoices = [null, appIds[0]!, appIds[3]!];
  const joined: Pick<CustomerQuery, "joined" | "from" | "to">[] = [
    { joined: null, from: null, to: null },
    { joined: "30d", from: null, to: null },
    { joined: "12m", from: null, to: null },
    { joined: "custom", from: "2025-01-01", to: "2025-12-31" },
  ];
  const out: CustomerQuery[] = [];
  for (const sort of SORT_KEYS) for (const dir of ["asc", "desc"] as const) out.push({ ...base, sort, dir });
  for (const q of searches) out.push({ ...base, q });
  for (const status of statuses) out.push({ ...base, status });
  for (const plans of planSets) out.push({ ...base, plans });
  for (const app of appChoices) out.push({ ...base, app });
  for (const range of joined) out.push({ ...base, ...range });
  const random = createRandom("combinations");
  for (let index = 0; index < 60; index++) {
    out.push({
      ...base,
      q: random.pick(searches),
      status: random.pick(statuses),
      plans: random.pick(planSets),
      app: random.pick(appChoices),
      ...random.pick(joined),
      sort: random.pick([...SORT_KEYS]),
      dir: random.pick(["asc", "desc"] as const),
    });
  }
  return out;
}

describe("the Customers table query (rules U7–U13)", () => {
  it("returns exactly the brute-force rows, in order, across keyset pages, for every filter combination", async () => {
    for (const query of variations()) {
      const expected = bruteForce(query).map((row) => row.id);
      expect(await walkForward(query), JSON.stringify(query)).toEqual(expected);
    }
  });

  it("walks backward from the last page to the same rows, without repeating or skipping (keyset pagination)", async () => {
    for (const query of variations().slice(0, 30)) {
      expect(await walkBackward(query), JSON.stringify(query)).toEqual(bruteForce(query).map((row) => row.id));
    }
  });

  it("counts every status tab exactly for the current search and filters (rule U10)", async () => {
    for (const query of variations()) {
      const counts = await countCustomerTable(ctx(), query);
      for (const status of ["all", "active", "in_trial", "expired"] as const) {
        expect(counts[status], `${status} ${JSON.stringify(query)}`).toEqual({ value: bruteForce(query, status).length, capped: false });
      }
    }
  });

  it("finds %, _ and \\ literally and treats <b> as text (rule U8)", async () => {
    const names = async (q: string) => (await queryCustomerTable(ctx(), { ...DEFAULT_CUSTOMER_QUERY, q })).rows.map((row) => row.name);
    expect(await names("0% p")).toEqual(["100% Pure"]);
    expect(await names("r_s")).toEqual(["Under_score Ltd"]);
    expect(await names("<b>")).toEqual(["<b>Bold</b> Inc"]);
    expect(await names("k\\s")).toEqual(["Back\\slash Co"]);
    // A term of one or two characters matches from the start only.
    expect(await names("%")).toEqual([]);
    expect((await names("ab")).filter((name) => !name.toLowerCase().startsWith("ab"))).toEqual([]);
  });

  it("ignores a malformed cursor instead of failing", async () => {
    const page = await queryCustomerTable(ctx(), { ...DEFAULT_CUSTOMER_QUERY, after: "not-a-cursor" });
    expect(page.rows.map((row) => row.id)).toEqual(
      bruteForce(DEFAULT_CUSTOMER_QUERY)
        .slice(0, 25)
        .map((row) => row.id),
    );
    const injected = Buffer.from(JSON.stringify(["x'; drop table customers; --", 1])).toString("base64url");
    expect(decodeCursor(injected, "joined")).toBeNull();
    const page2 = await queryCustomerTable(ctx(), { ...DEFAULT_CUSTOMER_QUERY, sort: "name", after: injected });
    expect(page2.rows.length).toBeGreaterThan(0);
  });
});

describe("tenant isolation and derived status", () => {
  it("shows the top five connected apps, most connections first, and how many more (rule U6)", async () => {
    const db = getDatabase();
    const customer = await createCustomer(db, partner.partner.id, partner.plans.growth.id, { name: "Many Apps Co" });
    const catalog = await db.select({ id: apps.id, name: apps.name }).from(apps).orderBy(apps.id).limit(7);
    await db
      .insert(connections)
      .values(
        catalog.flatMap((app, index) =>
          Array.from({ length: 7 - index }, () => ({ partnerId: partner.partner.id, customerId: customer.id, appId: app.id, name: "c", authenticated: true })),
        ),
      );
    const page = await queryCustomerTable(ctx(), { ...DEFAULT_CUSTOMER_QUERY, q: "many apps co" });
    const row = page.rows.find((candidate) => candidate.id === customer.id)!;
    expect(row.apps.map((app) => app.name)).toEqual(catalog.slice(0, 5).map((app) => app.name));
    expect(row.moreApps).toBe(2);
  });

  it("never returns another partner's customers", async () => {
    const db = getDatabase();
    const other = await createPartner(db);
    const foreign = await createCustomer(db, other.partner.id, other.plans.starter.id, { name: "Acme Foreign" });
    const page = await queryCustomerTable(ctx(), { ...DEFAULT_CUSTOMER_QUERY, q: "acme", size: 100 });
    expect(page.rows.map((row) => row.id)).not.toContain(foreign.id);
    const theirs = await queryCustomerTable(adminContext(other.partner, other.admin, NOW), { ...DEFAULT_CUSTOMER_QUERY, size: 100 });
    expect(theirs.rows.map((row) => row.id)).toEqual([foreign.id]);
  });

  it("shows the Free plan and a 100-task limit once a trial has ended (decision D2, rule U21)", async () => {
    const page = await queryCustomerTable(ctx(), { ...DEFAULT_CUSTOMER_QUERY, status: "in_trial", size: 100 });
    expect(page.rows.every((row) => row.taskLimit === 100 && row.status === "in_trial")).toBe(true);
    const ended = truth.find((row) => row.trialEndsAt && row.trialEndsAt <= NOW && row.planId !== partner.plans.free.id)!;
    const expired = await queryCustomerTable(ctx(), { ...DEFAULT_CUSTOMER_QUERY, q: ended.name, size: 100 });
    expect(expired.rows.find((row) => row.id === ended.id)).toMatchObject({ planName: "Free", status: "expired", taskLimit: 100 });
  });
});
