import "server-only";
import { sql } from "drizzle-orm";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { CUSTOMER_PICKER_LIMIT, searchCustomerOptions, type CustomerOption } from "@/lib/customers/reads/picker";
import { containsPattern } from "@/lib/search/like-pattern";

/**
 * The customer accounts the account switcher offers (rules C7, U18), searched on the server: every customer for a
 * manager of all customers; for anyone else (partner admins included) the customers it manages and those it was
 * invited to directly (a set small enough to search as it is). The switch itself checks again.
 */
export async function searchEnterableCustomers(ctx: RequestContext, input: { q?: string }): Promise<CustomerOption[]> {
  if (ctx.actor.kind !== "user" || ctx.account.kind !== "partner") return [];
  const userId = ctx.actor.userId;
  if (await managesAll(ctx, userId)) return searchCustomerOptions(ctx, input);
  const pattern = containsPattern(input.q);
  const search = pattern ? sql`and c.search_text like ${pattern}` : sql``;
  return inPartnerScope(ctx, (tx) =>
    // Raw SQL: the account switcher's search runs as the person types; the union of its managed and joined customers keeps it to index lookups (issue 12).
    tx.execute<CustomerOption>(sql`
      select c.id, c.name, c.external_id as "externalId" from customers c
       where c.partner_id = ${ctx.partnerId} ${search}
         and c.id in (${enterableIds(ctx.partnerId, userId)})
       order by lower(c.name), c.id
       limit ${CUSTOMER_PICKER_LIMIT}`),
  );
}

/**
 * How many customer accounts the person may enter, for the switcher's "type to search 307 accounts" (issue 12):
 * the maintained customer count for a manager of all customers, else its own small set counted.
 */
export async function countEnterableCustomers(ctx: RequestContext): Promise<number> {
  if (ctx.actor.kind !== "user") return 0;
  const userId = ctx.actor.userId;
  const all = await managesAll(ctx, userId);
  const [row] = await inPartnerScope(ctx, (tx) =>
    tx.execute<{ count: number }>(
      all
        ? sql`select customers::int as count from partner_counters where partner_id = ${ctx.partnerId}`
        : sql`select count(*)::int as count from (${enterableIds(ctx.partnerId, userId)}) ids`,
    ),
  );
  return row?.count ?? 0;
}

/**
 * The same search from inside a customer account, for a person who switched in and may switch straight on to
 * another (issue 12): the account it is in is left out. Nothing for anyone else (a collaborator at home, an
 * embedded session), who has no switch to move on.
 */
export async function searchOtherEnterableCustomers(ctx: RequestContext, input: { q?: string }): Promise<CustomerOption[]> {
  if (ctx.account.kind !== "customer" || ctx.account.switchExpiresAt === null || ctx.account.embedded) return [];
  const current = ctx.account.customerId;
  const found = await searchEnterableCustomers({ ...ctx, account: { kind: "partner" } }, input);
  return found.filter((customer) => customer.id !== current);
}

async function managesAll(ctx: RequestContext, userId: number): Promise<boolean> {
  const [row] = await inPartnerScope(ctx, (tx) =>
    tx.execute<{ ok: number }>(sql`
      select 1 as ok from customer_managers where partner_id = ${ctx.partnerId} and user_id = ${userId} and manage_all`),
  );
  return row !== undefined;
}

/** The customers a person manages by name or was invited to directly: a set small enough to search as it is. */
function enterableIds(partnerId: number, userId: number) {
  return sql`select x.customer_id from customer_manager_customers x
               join customer_managers m on m.id = x.customer_manager_id
              where m.partner_id = ${partnerId} and m.user_id = ${userId}
             union
             select cm.customer_id from customer_members cm
              where cm.partner_id = ${partnerId} and cm.user_id = ${userId}`;
}
