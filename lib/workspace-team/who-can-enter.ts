import "server-only";
import { and, asc, eq, exists, or, sql } from "drizzle-orm";
import { customerManagerCustomers, customerManagers, roles, users } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { readCustomer } from "@/lib/customers/reads/customer-record";
import { listWorkspaceMembers } from "./membership";
import { authorize } from "@/lib/authorization/authorize";

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
  await authorize(ctx, "customers.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await readCustomer(tx, ctx, customerId);
    const chosen = tx.$count(customerManagerCustomers, eq(customerManagerCustomers.customerManagerId, customerManagers.id));
    const coversThisCustomer = exists(
      tx
        .select({ one: sql`1` })
        .from(customerManagerCustomers)
        .where(and(eq(customerManagerCustomers.customerManagerId, customerManagers.id), eq(customerManagerCustomers.customerId, customer.id))),
    );
    const managers = await tx
      .select({
        manager_id: customerManagers.id,
        user_id: users.id,
        name: users.name,
        email: users.email,
        role_name: roles.name,
        manage_all: customerManagers.manageAll,
        chosen,
      })
      .from(customerManagers)
      .innerJoin(users, eq(users.id, customerManagers.userId))
      .innerJoin(roles, eq(roles.id, customerManagers.roleId))
      .where(and(eq(customerManagers.partnerId, ctx.partnerId), or(eq(customerManagers.manageAll, true), coversThisCustomer)))
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
    // Its own collaborators are the members invited directly, with the role of that invitation (the one membership query).
    const collaborators = (await listWorkspaceMembers(tx, ctx.partnerId, customer.id)).filter((member) => member.source === "direct");
    return {
      managers: managers.map((row) => ({
        managerId: row.manager_id,
        userId: row.user_id,
        name: row.name,
        email: row.email,
        roleName: row.role_name,
        scope: row.manage_all ? "all" : { chosen: row.chosen },
      })),
      collaborators: collaborators.map((member) => ({ userId: member.userId, name: member.name, email: member.email, roleName: member.roleName })),
    };
  });
}
