import "server-only";
import { sql } from "drizzle-orm";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { CUSTOMER_PICKER_LIMIT, searchCustomerOptions, type CustomerOption } from "@/lib/customers/picker";
import { containsPattern } from "@/lib/search/like-pattern";

/**
 * The customer accounts the account switcher offers (rules C7, U18), searched on the server: every customer for a
 * manager of all customers; for anyone else (partner admins included) the customers it manages and those it was
 * invited to directly (a set small enough to search as it is). The switch itself checks again.
 */
export async function searchEnterableCustomers(ctx: RequestContext, input: { q?: string }): Promise<CustomerOption[]> {
  if (ctx.actor.kind !== "user" || ctx.account.kind !== "partner") return [];
  const userId = ctx.actor.userId;
  const [managesAll] = await inPartnerScope(ctx, (tx) =>
    tx.execute<{ ok: number }>(sql`
      select 1 as ok from customer_managers where partner_id = ${ctx.partnerId} and user_id = ${userId} and manage_all`),
  );
  if (managesAll) return searchCustomerOptions(ctx, input);
  const pattern = containsPattern(input.q);
  const search = pattern ? sql`and c.search_text like ${pattern}` : sql``;
  return inPartnerScope(ctx, (tx) =>
    tx.execute<CustomerOption>(sql`
      select c.id, c.name, c.external_id as "externalId" from customers c
       where c.partner_id = ${ctx.partnerId} ${search}
         and c.id in (select x.customer_id from customer_manager_customers x
                        join customer_managers m on m.id = x.customer_manager_id
                       where m.partner_id = ${ctx.partnerId} and m.user_id = ${userId}
                      union
                      select cm.customer_id from customer_members cm
                       where cm.partner_id = ${ctx.partnerId} and cm.user_id = ${userId})
       order by lower(c.name), c.id
       limit ${CUSTOMER_PICKER_LIMIT}`),
  );
}
