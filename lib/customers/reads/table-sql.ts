import { sql, type SQL } from "drizzle-orm";
import { billingPeriodOf } from "@/lib/customers/billing-period";
import { DAY_MS } from "@/lib/time";
import { decodeCursor, type Cursor } from "./cursor";
import type { CustomerQuery, SortKey } from "@/lib/customers/query-input";
import { FREE_PLAN, TRIAL_TASK_LIMIT } from "@/lib/customers/plan-rules";

/**
 * The SQL of the Customers table, built from a validated query. Every sort, search, filter and page is done
 * here, in the database, over indexes: see docs/customers-table-plans.md for the plans.
 *
 * Fragments refer to `customers c` and `plans p`; the caller has checked the partner.
 */

export interface TableSqlContext {
  partnerId: number;
  now: Date;
  freePlan: { id: number; name: string; taskLimit: number; connectionLimit: number };
}

/** Used only if a partner has no Free plan row, so that queries still run (every partner gets one). */
const NO_FREE_PLAN = { id: -1, name: FREE_PLAN.name, taskLimit: FREE_PLAN.taskLimit, connectionLimit: 0 };

export function tableSqlContext(ctx: { partnerId: number; now: Date }, freePlan: TableSqlContext["freePlan"] | undefined): TableSqlContext {
  return { partnerId: ctx.partnerId, now: ctx.now, freePlan: freePlan ?? NO_FREE_PLAN };
}

/** Sort keys map to indexed expressions (customers_partner_*_idx); nothing else reaches ORDER BY. */
const SORT_EXPRESSIONS: Record<SortKey, SQL> = {
  name: sql`lower(c.name)`,
  joined: sql`c.created_at`,
  tasks: sql`c.tasks_used`,
  connections: sql`c.authenticated_connections`,
};

/** The sort value as the cursor keeps it: text for names and timestamps (exact), numbers otherwise. */
const SORT_VALUES: Record<SortKey, SQL> = {
  name: sql`lower(c.name)`,
  joined: sql`c.created_at::text`,
  tasks: sql`c.tasks_used`,
  connections: sql`c.authenticated_connections`,
};

const SORT_CASTS: Record<SortKey, SQL> = {
  name: sql`::text`,
  joined: sql`::timestamptz`,
  tasks: sql`::int`,
  connections: sql`::int`,
};

/** A search term as a LIKE pattern body: lower-cased, control characters dropped, `\`, `%` and `_` literal. */
export function likeBody(term: string): string {
  return term
    .toLowerCase()
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/[\\%_]/g, (character) => `\\${character}`);
}

export function searchCondition(term: string): SQL | null {
  const body = likeBody(term.trim());
  if (body.length === 0) return null;
  // Trigrams need three characters; a shorter term matches from the start of the name or the external ID.
  if ([...term.trim()].length >= 3) return sql`c.search_text like ${`%${body}%`}`;
  return sql`(c.search_text like ${`${body}%`} or lower(c.external_id) like ${`${body}%`})`;
}

/**
 * One disjoint alternative of a view. Most are read in table order from an index; `byTrialEnd` marks the few rows
 * whose ended-trial flag lags the clock (customers.trial_ended), which are found through their trial end and sorted.
 */
export interface Branch {
  where: SQL;
  byTrialEnd?: boolean;
}

/** The trials that have ended by the clock, as the flagged ones and the few not flagged yet. */
function endedTrialBranches(ctx: TableSqlContext, extra: SQL | null = null): Branch[] {
  const and = extra ? sql` and ${extra}` : sql``;
  return [
    { where: sql`(c.trial_ended and c.trial_ends_at <= ${ctx.now}${and})` },
    { where: sql`(not c.trial_ended and c.trial_ends_at <= ${ctx.now}${and})`, byTrialEnd: true },
  ];
}

/**
 * A status as disjoint alternatives, each of which an index can read in table order (an OR of them could not:
 * PostgreSQL would gather and sort every match, half a second at a million customers).
 */
export function statusBranches(status: CustomerQuery["status"], ctx: TableSqlContext): Branch[] {
  switch (status) {
    case "in_trial":
      return [
        { where: sql`(not c.trial_ended and c.trial_ends_at > ${ctx.now})` },
        // Flagged by a clock ahead of this one (a trial end written for the past, then the clock moved back).
        { where: sql`(c.trial_ended and c.trial_ends_at > ${ctx.now})`, byTrialEnd: true },
      ];
    case "expired":
      return [...endedTrialBranches(ctx), { where: sql`(c.trial_ends_at is null and c.plan_id = ${ctx.freePlan.id})` }];
    case "active":
      return [{ where: sql`(c.trial_ends_at is null and c.plan_id <> ${ctx.freePlan.id})` }];
    default:
      return [];
  }
}

function anyOf(branches: Branch[]): SQL | null {
  return branches.length === 0
    ? null
    : sql`(${sql.join(
        branches.map((branch) => branch.where),
        sql` or `,
      )})`;
}

export function statusCondition(status: CustomerQuery["status"], ctx: TableSqlContext): SQL | null {
  return anyOf(statusBranches(status, ctx));
}

/**
 * The plan a customer is on: its plan, or Free once its trial has ended (rules U11, U21), as disjoint
 * alternatives (see statusBranches).
 */
export function planBranches(planIds: number[], ctx: TableSqlContext): Branch[] {
  const custom = planIds.filter((id) => id !== ctx.freePlan.id);
  const branches: Branch[] = [];
  if (custom.length > 0) {
    branches.push({ where: sql`(c.plan_id in ${custom} and (c.trial_ends_at is null or c.trial_ends_at > ${ctx.now}))` });
  }
  if (planIds.includes(ctx.freePlan.id)) {
    branches.push({ where: sql`c.plan_id = ${ctx.freePlan.id}` }, ...endedTrialBranches(ctx, sql`c.plan_id <> ${ctx.freePlan.id}`));
  }
  return branches;
}

export function planCondition(planIds: number[], ctx: TableSqlContext): SQL | null {
  return anyOf(planBranches(planIds, ctx));
}

/** Every combination of the plan and status alternatives: their union is the view, and they do not overlap. */
export function viewBranches(query: CustomerQuery, ctx: TableSqlContext): (Branch | null)[] {
  const plans = planBranches(query.plans, ctx);
  const statuses = statusBranches(query.status, ctx);
  const branches: (Branch | null)[] = [];
  for (const plan of plans.length ? plans : [null]) {
    for (const status of statuses.length ? statuses : [null]) {
      if (plan && status) {
        branches.push({ where: sql`${plan.where} and ${status.where}`, byTrialEnd: plan.byTrialEnd || status.byTrialEnd });
      } else {
        branches.push(plan ?? status);
      }
    }
  }
  return branches;
}

const PRESET_DAYS = { "7d": 7, "30d": 30, "90d": 90, "12m": 365 } as const;

export function joinedCondition(query: Pick<CustomerQuery, "joined" | "from" | "to">, ctx: TableSqlContext): SQL | null {
  if (query.joined === null) return null;
  if (query.joined !== "custom") {
    return sql`c.created_at >= ${new Date(ctx.now.getTime() - PRESET_DAYS[query.joined] * DAY_MS)}`;
  }
  const parts: SQL[] = [];
  if (query.from) parts.push(sql`c.created_at >= ${new Date(`${query.from}T00:00:00Z`)}`);
  if (query.to) parts.push(sql`c.created_at < ${new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS)}`);
  return parts.length > 0 ? sql.join(parts, sql` and `) : null;
}

export function appCondition(appId: number | null, ctx: TableSqlContext): SQL | null {
  if (appId === null) return null;
  return sql`exists (select 1 from connections cn
                      where cn.customer_id = c.id and cn.app_id = ${appId} and cn.partner_id = ${ctx.partnerId})`;
}

/**
 * Every condition of the view except the status tab (the tabs count across statuses), and except the plans when
 * `withPlans` is false (the rows query reads plans as branches).
 */
export function filterConditions(query: CustomerQuery, ctx: TableSqlContext, withPlans = true): SQL[] {
  return [
    sql`c.partner_id = ${ctx.partnerId}`,
    searchCondition(query.q),
    withPlans ? planCondition(query.plans, ctx) : null,
    appCondition(query.app, ctx),
    joinedCondition(query, ctx),
  ].filter((condition): condition is SQL => condition !== null);
}

/** Every condition of the view, status tab included: the customers an export or a bulk job of the view acts on. */
export function viewConditions(query: CustomerQuery, ctx: TableSqlContext): SQL[] {
  return [...filterConditions(query, ctx), statusCondition(query.status, ctx)].filter((condition): condition is SQL => condition !== null);
}

export function whereOf(conditions: SQL[]): SQL {
  return sql.join(conditions, sql` and `);
}

export type ScanDirection = "forward" | "backward";

/**
 * ORDER BY and the keyset condition. Ties on the sort value are broken by the ID in the same direction, so that
 * one index (partner_id, value, id) serves both directions and pages never repeat or skip a row.
 */
export function keyset(
  query: CustomerQuery,
  cursor: Cursor | null,
  scan: ScanDirection,
): { condition: SQL | null; orderBy: SQL; pageOrderBy: SQL; branchOrderBy: SQL } {
  const expression = SORT_EXPRESSIONS[query.sort];
  const ascending = (query.dir === "asc") === (scan === "forward");
  const direction = ascending ? sql.raw("asc") : sql.raw("desc");
  const comparator = ascending ? sql.raw(">") : sql.raw("<");
  const condition = cursor ? sql`(${expression}, c.id) ${comparator} (${cursor.value}${SORT_CASTS[query.sort]}, ${cursor.id}::int)` : null;
  return {
    condition,
    orderBy: sql`${expression} ${direction}, c.id ${direction}`,
    // The same order over a page already read (see selectCustomerRows), by the columns it selected.
    pageOrderBy: sql`page.sort_key ${direction}, page.id ${direction}`,
    branchOrderBy: sql`sort_key ${direction}, id ${direction}`,
  };
}

/**
 * The top five apps of each row of a page, by number of connections (rule U6), and how many apps in all. Run
 * over the page only (25–100 customers), never over the rows the search looked at.
 */
export function pageAppsColumns(partnerId: number): SQL {
  return sql`
    (select coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'iconPath', t.icon_path) order by t.connections desc, t.name), '[]')
       from (select a.id, a.name, a.icon_path, count(*) as connections
               from connections cn join apps a on a.id = cn.app_id
              where cn.customer_id = page.id and cn.partner_id = ${partnerId}
              group by a.id
              order by count(*) desc, a.name
              limit 5) t) as apps,
    (select count(distinct cn.app_id)::int from connections cn
      where cn.customer_id = page.id and cn.partner_id = ${partnerId}) as app_count`;
}

/** The row as the table shows it: derived plan, limits and status at the clock's `now` (decision D2). */
export function rowColumns(query: Pick<CustomerQuery, "sort">, ctx: TableSqlContext): SQL {
  const trialEnded = sql`c.trial_ends_at <= ${ctx.now}`;
  const billingPeriod = billingPeriodOf(ctx.now);
  return sql`
    c.id, c.name, c.external_id, c.created_at,
    case when ${trialEnded} then ${ctx.freePlan.name} else p.name end as plan_name,
    case when c.trial_ends_at > ${ctx.now} then 'in_trial'
         when ${trialEnded} or c.plan_id = ${ctx.freePlan.id} then 'expired'
         else 'active' end as status,
    case when c.usage_period = ${billingPeriod}::date then c.tasks_used else 0 end as tasks_used,
    case when c.trial_ends_at is not null then ${TRIAL_TASK_LIMIT}::int else p.task_limit end as task_limit,
    c.authenticated_connections,
    case when ${trialEnded} then ${ctx.freePlan.connectionLimit}::int else p.connection_limit end as connection_limit,
    ${SORT_VALUES[query.sort]} as sort_value, ${SORT_EXPRESSIONS[query.sort]} as sort_key`;
}

/**
 * The SQL of one page of the view, read by keyset (never OFFSET) so that a deep page costs what the first costs:
 * forward after a cursor, backward before one or from the end; one extra row tells whether there is more.
 * One round trip: the page is read by the index, then its apps are looked up for its rows only.
 */
export function pageQuery(query: CustomerQuery, ctx: TableSqlContext): { sql: SQL; scan: ScanDirection; started: boolean; fromEnd: boolean } {
  const after = decodeCursor(query.after, query.sort);
  const before = after ? null : decodeCursor(query.before, query.sort);
  const fromEnd = !after && !before && query.last;
  const scan: ScanDirection = before || fromEnd ? "backward" : "forward";
  const { condition, orderBy, pageOrderBy, branchOrderBy } = keyset(query, after ?? before, scan);
  const common = [...filterConditions(query, ctx, false), condition].filter((part) => part !== null);
  const limit = query.size + 1;
  const rows = (branch: Branch | null) => sql`
    select ${rowColumns(query, ctx)}, (extract(epoch from c.created_at) * 1000)::float8 as created_ms
      from customers c join plans p on p.id = c.plan_id
     where ${whereOf(branch ? [...common, branch.where] : common)}`;
  // OFFSET 0 keeps PostgreSQL from reading a by-trial-end branch in table order, which would walk every trial.
  const select = (branch: Branch | null) =>
    branch?.byTrialEnd
      ? sql`select * from (${rows(branch)} offset 0) lagging order by ${branchOrderBy} limit ${limit}`
      : sql`${rows(branch)} order by ${orderBy} limit ${limit}`;
  const branches = viewBranches(query, ctx);
  // Disjoint branches are each read in order from their own index and merged (a Merge Append).
  const pageSql =
    branches.length === 1
      ? select(branches[0]!)
      : sql`${sql.join(
          branches.map((branch) => sql`(${select(branch)})`),
          sql` union all `,
        )} order by ${branchOrderBy} limit ${limit}`;
  return {
    sql: sql`with page as materialized (${pageSql})
      select page.*, ${pageAppsColumns(ctx.partnerId)} from page order by ${pageOrderBy}`,
    scan,
    started: (after ?? before) !== null,
    fromEnd,
  };
}
