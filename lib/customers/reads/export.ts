import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import { partnerScope, tenantDatabase } from "@/lib/db";
import type { RequestContext } from "@/lib/context";
import { csvLine } from "@/lib/csv";
import type { CustomerQuery } from "@/lib/customers/query-input";
import { STATUS_LABELS, type CustomerStatus } from "@/lib/customers/status";
import { intArrayLiteral } from "@/lib/search/like-pattern";
import { keyset, rowColumns, tableSqlContext, viewConditions, whereOf, type TableSqlContext } from "./table-sql";
import { authorize } from "@/lib/authorization/authorize";

const dialect = new PgDialect();

const BATCH = 1_000;
export const EXPORT_HEADER = [
  "ID",
  "Customer",
  "External ID",
  "Plan",
  "Status",
  "Joined",
  "Tasks used",
  "Task limit",
  "Connections",
  "Connection limit",
  "Connected apps",
];

export type ExportRow = {
  id: number;
  name: string;
  external_id: string | null;
  plan_name: string;
  status: CustomerStatus;
  joined: string;
  tasks_used: number;
  task_limit: number;
  authenticated_connections: number;
  connection_limit: number;
};

type AppNames = { customer_id: number; names: string };

/** The export's columns of the rows matching `conditions` (fragments on `customers c` and `plans p`). */
export function exportRowsSql(tableCtx: TableSqlContext, conditions: SQL[]): SQL {
  return sql`
    select ${rowColumns({ sort: "joined" }, tableCtx)}, to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD') as joined
      from customers c join plans p on p.id = c.plan_id
     where ${whereOf(conditions)}`;
}

/** The connected apps of some customers, most connections first, as one cell each. */
export function appNamesSql(partnerId: number, customerIds: readonly number[]): SQL {
  return sql`
    select customer_id, string_agg(name, '; ' order by connections desc, name) as names
      from (select cn.customer_id, a.name, count(*) as connections
              from connections cn join apps a on a.id = cn.app_id
             where cn.partner_id = ${partnerId} and cn.customer_id = any(${intArrayLiteral(customerIds)}::int[])
             group by cn.customer_id, a.name) per_app
     group by customer_id`;
}

/** Rows as CSV lines, with their apps. */
export function exportLines(rows: readonly ExportRow[], apps: readonly AppNames[]): string {
  const appsOf = new Map(apps.map((row) => [row.customer_id, row.names]));
  return rows
    .map((row) =>
      csvLine([
        row.id,
        row.name,
        row.external_id,
        row.plan_name,
        STATUS_LABELS[row.status],
        row.joined,
        row.tasks_used,
        row.task_limit,
        row.authenticated_connections,
        row.connection_limit,
        appsOf.get(row.id) ?? "",
      ]),
    )
    .join("");
}

/**
 * Every row of the view (all pages), in the view's order, as CSV lines: read through a server-side cursor in
 * batches on one reserved connection, so that a million rows never sit in memory.
 */
export async function* customerCsvLines(ctx: RequestContext, query: CustomerQuery): AsyncGenerator<string> {
  await authorize(ctx, "customers.read");
  const client = tenantDatabase().client;
  const connection = await client.reserve();
  let open = false;
  try {
    await connection.unsafe("begin isolation level repeatable read read only");
    open = true;
    const scope = dialect.sqlToQuery(partnerScope(ctx.partnerId));
    await connection.unsafe(scope.sql, scope.params as postgres.ParameterOrJSON<never>[]);
    const [free] = await connection<{ id: number; name: string; taskLimit: number; connectionLimit: number }[]>`
      select id, name, task_limit as "taskLimit", connection_limit as "connectionLimit"
        from plans where partner_id = ${ctx.partnerId} and is_free`;
    const tableCtx = tableSqlContext(ctx, free);
    const { orderBy } = keyset(query, null, "forward");
    const conditions = viewConditions(query, tableCtx);
    const rendered = dialect.sqlToQuery(sql`${exportRowsSql(tableCtx, conditions)} order by ${orderBy}`);
    yield csvLine(EXPORT_HEADER);
    for await (const batch of connection.unsafe<ExportRow[]>(rendered.sql, rendered.params as postgres.ParameterOrJSON<never>[]).cursor(BATCH)) {
      const apps = dialect.sqlToQuery(
        appNamesSql(
          ctx.partnerId,
          batch.map((row) => row.id),
        ),
      );
      yield exportLines(batch, await connection.unsafe<AppNames[]>(apps.sql, apps.params as postgres.ParameterOrJSON<never>[]));
    }
    await connection.unsafe("commit");
    open = false;
  } finally {
    if (open) await connection.unsafe("rollback").catch(() => {});
    connection.release();
  }
}
