import "server-only";
import { sql } from "drizzle-orm";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { containsPattern } from "@/lib/search/like-pattern";
import { authorize } from "@/lib/authorization/authorize";

export type CustomerOption = {
  id: number;
  name: string;
  externalId: string | null;
};

export const CUSTOMER_PICKER_LIMIT = 20;

/** How many customers, first by name, a search looks through before it asks the trigram index instead. */
const NAME_PROBE = 2_000;

/**
 * The first 20 customers by name whose name or external ID contains the term, in two steps so that it stays fast
 * at a million customers whatever the term: a term found among the first 2,000 names (a common one) is answered
 * from the name index; otherwise the trigram index on `search_text` finds every match, which are then sorted
 * (a rare term, or one whose matches sit late in the alphabet, which walking the name index would scan for).
 * Measured at 1,000,000 customers on PostgreSQL, see the report of the customer managers issue.
 */
async function firstMatchesByName(tx: Queryable, partnerId: number, pattern: string): Promise<CustomerOption[]> {
  // Raw SQL: the customer picker's search, measured at 1,000,000 customers (the comment above the query).
  const common = await tx.execute<CustomerOption>(sql`
    select id, name, "externalId" from (
      select id, name, external_id as "externalId", search_text from customers
       where partner_id = ${partnerId} order by lower(name), id limit ${NAME_PROBE}) first_names
     where search_text like ${pattern}
     order by lower(name), id
     limit ${CUSTOMER_PICKER_LIMIT}`);
  if (common.length === CUSTOMER_PICKER_LIMIT) return common;
  return tx.execute<CustomerOption>(sql`
    with matches as materialized (
      select id, name, external_id as "externalId" from customers
       where partner_id = ${partnerId} and search_text like ${pattern})
    select id, name, "externalId" from matches order by lower(name), id limit ${CUSTOMER_PICKER_LIMIT}`);
}

/**
 * The partner's customers whose name or external ID contains `q`, the first 20 by name: what every customer picker
 * asks the server, so that it works with a million customers.
 */
export async function searchCustomerOptions(ctx: RequestContext, input: { q?: string }): Promise<CustomerOption[]> {
  await authorize(ctx, "customers.read");
  const pattern = containsPattern(input.q);
  return inPartnerScope(ctx, async (tx) =>
    pattern
      ? firstMatchesByName(tx, ctx.partnerId, pattern)
      : tx.execute<CustomerOption>(sql`
          select id, name, external_id as "externalId" from customers
           where partner_id = ${ctx.partnerId} order by lower(name), id limit ${CUSTOMER_PICKER_LIMIT}`),
  );
}

/** One of the partner's customers as a picker shows it, or null (another partner's answers the same as none). */
export async function customerOptionById(ctx: RequestContext, id: number): Promise<CustomerOption | null> {
  await authorize(ctx, "customers.read");
  const [customer] = await inPartnerScope(ctx, (tx) =>
    tx.execute<CustomerOption>(sql`
      select id, name, external_id as "externalId" from customers where id = ${id} and partner_id = ${ctx.partnerId}`),
  );
  return customer ?? null;
}
