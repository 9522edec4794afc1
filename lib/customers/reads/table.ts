import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { apps, plans } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { formatIsoDate } from "@/lib/format";
import type { Queryable } from "@/lib/db";
import { encodeCursor, type Cursor } from "./cursor";
import { hasFilters, type CustomerQuery } from "@/lib/customers/query-input";
import type { CustomerStatus } from "@/lib/customers/status";
import { filterConditions, pageQuery, tableSqlContext, whereOf, type TableSqlContext } from "./table-sql";
import { authorize } from "@/lib/authorization/authorize";

export interface PlanOption {
  id: number;
  name: string;
  taskLimit: number;
  connectionLimit: number;
  isFree: boolean;
}

export interface ConnectedApp {
  id: number;
  name: string;
  iconPath: string;
}

export interface CustomerTableRow {
  id: number;
  name: string;
  externalId: string | null;
  planName: string;
  status: CustomerStatus;
  /** ISO date-time the account was created (rule U3). */
  createdAt: string;
  tasksUsed: number;
  taskLimit: number;
  authenticatedConnections: number;
  connectionLimit: number;
  /** The top five apps by number of connections (rule U6), and how many more there are. */
  apps: ConnectedApp[];
  moreApps: number;
}

export interface CustomerTablePage {
  rows: CustomerTableRow[];
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  /** Cursors for the neighbouring pages (opaque; they go back into the URL). */
  previousCursor: string | null;
  nextCursor: string | null;
}

/** A count that is exact, or a lower bound when the view matches more rows than are worth counting. */
export interface Count {
  value: number;
  capped: boolean;
}
export type StatusCounts = Record<"all" | CustomerStatus, Count>;

// Counting 5,001 rows stays under 20 ms at a million customers; 10,001 did not (npm run bench).
export const COUNT_CAP = 5_000;

/** The partner's plans, custom ones first by position, then Free. */
export async function partnerPlans(tx: Queryable, partnerId: number): Promise<PlanOption[]> {
  return tx
    .select({ id: plans.id, name: plans.name, taskLimit: plans.taskLimit, connectionLimit: plans.connectionLimit, isFree: plans.isFree })
    .from(plans)
    .where(eq(plans.partnerId, partnerId))
    .orderBy(plans.isFree, asc(plans.position), asc(plans.name));
}

/** The partner's table SQL context (its Free plan), read in `tx`. */
export async function sqlContext(tx: Queryable, ctx: RequestContext): Promise<TableSqlContext> {
  const all = await partnerPlans(tx, ctx.partnerId);
  return tableSqlContext(
    ctx,
    all.find((plan) => plan.isFree),
  );
}

type RawRow = {
  id: number;
  name: string;
  external_id: string | null;
  created_ms: number;
  plan_name: string;
  status: CustomerStatus;
  tasks_used: number;
  task_limit: number;
  authenticated_connections: number;
  connection_limit: number;
  sort_value: string | number;
  apps: ConnectedApp[];
  app_count: number;
};

/** Rows of one page, in table order, read by keyset (never OFFSET), so a deep page costs what the first costs. */
export async function selectCustomerRows(tx: Queryable, ctx: TableSqlContext, query: CustomerQuery) {
  const page = pageQuery(query, ctx);
  // Raw SQL: the Customers table's page and counts, measured over a million customers (docs/customers-table-plans.md).
  const raw = await tx.execute<RawRow>(page.sql);
  const more = raw.length > query.size;
  const rows = raw.slice(0, query.size);
  if (page.scan === "backward") rows.reverse();
  return { rows, more, scan: page.scan, started: page.started, fromEnd: page.fromEnd };
}

function cursorOf(row: RawRow): Cursor {
  return { value: row.sort_value, id: row.id };
}

/** One page of the Customers table for the context's partner. */
export async function queryCustomerTable(ctx: RequestContext, query: CustomerQuery): Promise<CustomerTablePage> {
  await authorize(ctx, "customers.read");
  return inPartnerScope(ctx, async (tx) => pageOf(tx, await sqlContext(tx, ctx), query));
}

async function pageOf(tx: Queryable, tableCtx: TableSqlContext, query: CustomerQuery): Promise<CustomerTablePage> {
  const { rows, more, scan, started, fromEnd } = await selectCustomerRows(tx, tableCtx, query);
  const hasNext = scan === "forward" ? more : true;
  const hasPrevious = scan === "forward" ? started : more;
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      externalId: row.external_id,
      planName: row.plan_name,
      status: row.status,
      createdAt: new Date(row.created_ms).toISOString(),
      tasksUsed: row.tasks_used,
      taskLimit: row.task_limit,
      authenticatedConnections: row.authenticated_connections,
      connectionLimit: row.connection_limit,
      apps: row.apps,
      moreApps: Math.max(0, row.app_count - row.apps.length),
    })),
    page: query.page,
    hasPrevious: hasPrevious && rows.length > 0,
    hasNext: (fromEnd ? false : hasNext) && rows.length > 0,
    previousCursor: first ? encodeCursor(cursorOf(first)) : null,
    nextCursor: last ? encodeCursor(cursorOf(last)) : null,
  };
}

/**
 * The status tabs' counts for the view (the tab itself does not filter them). The unfiltered view reads the
 * maintained counters and one index range count of running trials: exact at any size. A filtered view counts at
 * most COUNT_CAP + 1 matching rows in one scan: exact below the cap, a lower bound ("5,000+") above it.
 */
export async function countCustomerTable(ctx: RequestContext, query: CustomerQuery): Promise<StatusCounts> {
  await authorize(ctx, "customers.read");
  return inPartnerScope(ctx, async (tx) => countsOf(tx, await sqlContext(tx, ctx), query));
}

async function countsOf(tx: Queryable, ctx: TableSqlContext, query: CustomerQuery): Promise<StatusCounts> {
  if (!hasFilters(query)) {
    // Trials ending after today come from the per-day counts; today's from the index, to the second.
    const today = formatIsoDate(ctx.now);
    const [row] = await tx.execute<{ customers: number; trials: number; free_without_trial: number; in_trial: number }>(sql`
      select coalesce(pc.customers, 0)::int as customers, coalesce(pc.trials, 0)::int as trials,
             coalesce(pc.free_without_trial, 0)::int as free_without_trial,
             (select coalesce(sum(t.customers), 0)::int from partner_trial_end_days t
               where t.partner_id = ${ctx.partnerId} and t.day > ${today}::date)
             + (select count(*)::int from customers c
                 where c.partner_id = ${ctx.partnerId} and not c.trial_ended and c.trial_ends_at > ${ctx.now}
                   and c.trial_ends_at < (${today}::date + 1)::timestamp at time zone 'UTC')
             -- Trials flagged as ended by a clock ahead of this one (see customers.trial_ended): nearly always none.
             + (select count(*)::int from customers c
                 where c.partner_id = ${ctx.partnerId} and c.trial_ended and c.trial_ends_at > ${ctx.now}
                   and c.trial_ends_at < (${today}::date + 1)::timestamp at time zone 'UTC') as in_trial
        from (select 1) one left join partner_counters pc on pc.partner_id = ${ctx.partnerId}`);
    const counters = row!;
    const expired = counters.free_without_trial + (counters.trials - counters.in_trial);
    const exact = (value: number): Count => ({ value, capped: false });
    return {
      all: exact(counters.customers),
      in_trial: exact(counters.in_trial),
      expired: exact(expired),
      active: exact(counters.customers - counters.in_trial - expired),
    };
  }
  const [row] = await tx.execute<{ all: number; active: number; in_trial: number; expired: number }>(sql`
    select count(*)::int as all,
           count(*) filter (where s = 'active')::int as active,
           count(*) filter (where s = 'in_trial')::int as in_trial,
           count(*) filter (where s = 'expired')::int as expired
      from (select case when c.trial_ends_at > ${ctx.now} then 'in_trial'
                        when c.trial_ends_at <= ${ctx.now} or c.plan_id = ${ctx.freePlan.id} then 'expired'
                        else 'active' end as s
              from customers c
             where ${whereOf(filterConditions(query, ctx))}
             limit ${COUNT_CAP + 1}) matching`);
  const capped = row!.all > COUNT_CAP;
  const count = (value: number): Count => ({ value: Math.min(value, COUNT_CAP), capped });
  return { all: count(row!.all), active: count(row!.active), in_trial: count(row!.in_trial), expired: count(row!.expired) };
}

export interface CustomerTableView {
  table: CustomerTablePage;
  counts: StatusCounts;
  /** Pages in the view, when the count is exact. */
  pageCount: number | null;
}

/** Everything the Customers view shows for one URL: the page of rows and the counts. */
export async function loadCustomerTable(ctx: RequestContext, query: CustomerQuery): Promise<CustomerTableView> {
  await authorize(ctx, "customers.read");
  return inPartnerScope(ctx, (tx) => customerTableViewIn(tx, ctx, query));
}

/** The view, inside a transaction already in the partner's scope (for callers that read more in the same one). */
export async function customerTableViewIn(tx: Queryable, ctx: RequestContext, query: CustomerQuery): Promise<CustomerTableView> {
  return tableViewIn(tx, await sqlContext(tx, ctx), query);
}

/**
 * The server-rendered Customers page: the view, and what its filters offer (the partner's plans and the app
 * catalog), in one transaction that reads the plans once.
 */
export async function loadCustomersPage(ctx: RequestContext, query: CustomerQuery): Promise<CustomerTableView & { plans: PlanOption[]; apps: ConnectedApp[] }> {
  await authorize(ctx, "customers.read");
  return inPartnerScope(ctx, async (tx) => {
    const [planOptions, catalog] = await Promise.all([partnerPlans(tx, ctx.partnerId), appCatalog(tx)]);
    const view = await tableViewIn(
      tx,
      tableSqlContext(
        ctx,
        planOptions.find((plan) => plan.isFree),
      ),
      query,
    );
    return { ...view, plans: planOptions, apps: catalog };
  });
}

async function tableViewIn(tx: Queryable, tableCtx: TableSqlContext, query: CustomerQuery): Promise<CustomerTableView> {
  if (!query.last || query.after || query.before) {
    // Independent reads, sent together on the transaction's connection (pipelined): one round trip, not two.
    const [counts, table] = await Promise.all([countsOf(tx, tableCtx, query), pageOf(tx, tableCtx, query)]);
    const pageCount = pageCountOf(counts, query);
    return { table: { ...table, page: pageNumberOf(query, pageCount) }, counts, pageCount };
  }
  // The last page holds what is left over, so that its pages line up with the pages counted from the start.
  const counts = await countsOf(tx, tableCtx, query);
  const pageCount = pageCountOf(counts, query);
  const leftover = pageCount === null ? 0 : counts[query.status].value % query.size;
  const effective = pageCount === null ? query : { ...query, page: pageCount, ...(leftover > 0 ? { size: leftover as CustomerQuery["size"] } : {}) };
  const table = await pageOf(tx, tableCtx, effective);
  return { table: { ...table, page: effective.page }, counts, pageCount };
}

/**
 * The number the page is shown as. It is the URL's, which travels with the cursor, corrected where the URL cannot be
 * right: without a cursor the rows are the first page's, and no page lies beyond the last (`?page=99999` would
 * otherwise say "Page 99,999 of 13" above the first rows).
 */
function pageNumberOf(query: CustomerQuery, pageCount: number | null): number {
  if (!query.after && !query.before) return 1;
  return pageCount === null ? query.page : Math.min(query.page, pageCount);
}

function pageCountOf(counts: StatusCounts, query: CustomerQuery): number | null {
  const matching = counts[query.status];
  return matching.capped ? null : Math.max(1, Math.ceil(matching.value / query.size));
}

/** The app catalog, by name, for the App filter. */
function appCatalog(tx: Queryable): Promise<ConnectedApp[]> {
  return tx
    .select({ id: apps.id, name: apps.name, iconPath: apps.iconPath })
    .from(apps)
    .orderBy(sql`lower(${apps.name})`);
}
