import "server-only";
import { sql } from "drizzle-orm";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { intArrayLiteral } from "@/lib/search/like-pattern";

/**
 * Adds customers to a manager's chosen customers in one set-based statement (10,000 of them included). When any ID
 * is not a customer of the partner, it throws NOT_FOUND and the caller's transaction writes nothing (decision D8).
 * Returns the IDs that were not chosen before.
 */
export async function addManagedCustomers(tx: Queryable, ctx: RequestContext, managerId: number, customerIds: readonly number[]): Promise<number[]> {
  if (customerIds.length === 0) return [];
  // Raw SQL: one statement inserts the chosen customers from an unnested array (up to 100,000) and reports how many were wanted, found and added.
  const [result] = await tx.execute<{ wanted: number; found: number; added: number[] }>(sql`
    with wanted as (select distinct unnest(${intArrayLiteral(customerIds)}::int[]) as id),
         found as (select c.id from customers c join wanted w on w.id = c.id where c.partner_id = ${ctx.partnerId}),
         added as (
           insert into customer_manager_customers (partner_id, customer_manager_id, customer_id, created_at)
           select ${ctx.partnerId}, ${managerId}, id, ${ctx.now} from found
           on conflict do nothing
           returning customer_id)
    select (select count(*)::int from wanted) as wanted,
           (select count(*)::int from found) as found,
           coalesce((select array_agg(customer_id order by customer_id) from added), '{}'::int[]) as added`);
  if (!result || result.found !== result.wanted) {
    throw new DomainError("NOT_FOUND", "Customer not found", { customerIds: ["Choose customers of your own."] });
  }
  return result.added;
}

/** Removes a manager's chosen customers, all of them or all but `keep`. Returns the IDs removed. */
export async function removeManagedCustomers(tx: Queryable, ctx: RequestContext, managerId: number, keep: readonly number[] = []): Promise<number[]> {
  const rows = await tx.execute<{ customer_id: number }>(sql`
    delete from customer_manager_customers
     where customer_manager_id = ${managerId} and partner_id = ${ctx.partnerId}
       and customer_id <> all(${intArrayLiteral(keep)}::int[])
    returning customer_id`);
  return rows.map((row) => row.customer_id).sort((a, b) => a - b);
}

/** The IDs of a manager's chosen customers. */
export async function managedCustomerIds(tx: Queryable, ctx: RequestContext, managerId: number): Promise<number[]> {
  const rows = await tx.execute<{ customer_id: number }>(sql`
    select customer_id from customer_manager_customers
     where customer_manager_id = ${managerId} and partner_id = ${ctx.partnerId} order by customer_id`);
  return rows.map((row) => row.customer_id);
}

/** How many names an audit event lists; the counts are always exact. */
const NAMES_IN_AUDIT = 50;

/** The first names (alphabetically) of some of the partner's customers, for an audit event. */
export async function customerNamesForAudit(tx: Queryable, ctx: RequestContext, customerIds: readonly number[]): Promise<string[]> {
  if (customerIds.length === 0) return [];
  const rows = await tx.execute<{ name: string }>(sql`
    select name from customers
     where partner_id = ${ctx.partnerId} and id = any(${intArrayLiteral(customerIds)}::int[])
     order by lower(name), id limit ${NAMES_IN_AUDIT}`);
  return rows.map((row) => row.name);
}
