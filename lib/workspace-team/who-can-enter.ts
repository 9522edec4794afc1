import "server-only";
import { sql } from "drizzle-orm";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { readCustomer } from "@/lib/customers/reads/customer-record";

/** A customer manager who covers this customer, with the one role and the scope of its assignment (rules C4, C5). */
export interface EnteringManager {
  managerId: number;
  userId: number;
  name: string;
  email: string;
  roleName: string;
  /** "all" for **Manage all customers**, else how many customers it chose (this one among them). */
  scope: "all" | { chosen: number };
}

/** A direct member of the customer's team (a collaborator), with its role there. */
export interface EnteringCollaborator {
  userId: number;
  name: string;
  email: string;
  roleName: string;
}

export interface WhoCanEnter {
  managers: EnteringManager[];
  collaborators: EnteringCollaborator[];
}

/**
 * **Who can enter this account** (rules U18, C6): the customer managers who cover it and its own collaborators,
 * which is everyone the switch lets in and everyone the customer sees on its Teams page. NOT_FOUND for an unknown
 * or another partner's customer.
 */
export async function listWhoCanEnter(ctx: RequestContext, customerId: number): Promise<WhoCanEnter> {
  return inPartnerScope(ctx, async (tx) => {
    const customer = await readCustomer(tx, ctx, customerId);
    const managers = await tx.execute<{ manager_id: number; user_id: number; name: string; email: string; role_name: string; manage_all: boolean; chosen: number }>(sql`
      select m.id as manager_id, u.id as user_id, u.name, u.email, r.name as role_name, m.manage_all,
             (select count(*)::int from customer_manager_customers x where x.customer_manager_id = m.id) as chosen
        from customer_managers m
        join users u on u.id = m.user_id
        join roles r on r.id = m.role_id
       where m.partner_id = ${ctx.partnerId}
         and (m.manage_all or exists (select 1 from customer_manager_customers x
                                       where x.customer_manager_id = m.id and x.customer_id = ${customer.id}))
       order by lower(u.name), u.id`);
    const collaborators = await tx.execute<{ user_id: number; name: string; email: string; role_name: string }>(sql`
      select u.id as user_id, u.name, u.email, r.name as role_name
        from customer_members cm
        join users u on u.id = cm.user_id
        join roles r on r.id = cm.role_id
       where cm.partner_id = ${ctx.partnerId} and cm.customer_id = ${customer.id}
       order by lower(u.name), u.id`);
    return {
      managers: managers.map((row) => ({
        managerId: row.manager_id,
        userId: row.user_id,
        name: row.name,
        email: row.email,
        roleName: row.role_name,
        scope: row.manage_all ? "all" : { chosen: row.chosen },
      })),
      collaborators: collaborators.map((row) => ({ userId: row.user_id, name: row.name, email: row.email, roleName: row.role_name })),
    };
  });
}
