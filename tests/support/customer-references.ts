/**
 * What is left of a customer in the database: the rows of every table with a `customer_id` column (found in the
 * catalog, so a table added later is checked too), but the audit log, whose trail outlives the customer (rule
 * U29); and sessions still switched into it. Shared by the integration and the browser tests.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/connection";

export const CUSTOMER_TABLES_QUERY = `
  select table_name from information_schema.columns
   where table_schema = current_schema() and column_name = 'customer_id' and table_name <> 'audit_events'
   order by table_name`;

export async function rowsReferencingCustomer(db: Queryable, customerId: number): Promise<Record<string, number>> {
  const tables = await db.execute<{ table_name: string }>(sql.raw(CUSTOMER_TABLES_QUERY));
  const counts: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where customer_id = ${customerId}`);
    counts[table] = row!.n;
  }
  const [switched] = await db.execute<{ n: number }>(sql`select count(*)::int as n from sessions where active_customer_id = ${customerId}`);
  counts["sessions.active_customer_id"] = switched!.n;
  return counts;
}
