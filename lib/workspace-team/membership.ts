import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db";
import { intArrayLiteral } from "@/lib/search/like-pattern";

/**
 * Who is in a customer workspace, and with which role. A person can be there two ways (rule C11): invited
 * directly (a customer_members row), or as a customer manager of this customer (chosen, or "Manage all
 * customers", rule C5). A person has one role there (rule C12): the direct role wins; without a direct
 * invitation the customer-manager role applies.
 */
export interface WorkspaceMember {
  userId: number;
  name: string;
  email: string;
  avatarUrl: string;
  /** The effective role (rule C12). */
  roleId: number;
  roleName: string;
  permissions: string[];
  /** Where the effective role comes from (decision D7). */
  source: "direct" | "customer_manager";
  /** Whether the person is also a customer manager of this customer (shown with the Customer manager tag). */
  isCustomerManager: boolean;
  /** The customer-manager role, when the person is a manager here (it may be overridden by a direct role). */
  managerRoleName: string | null;
}

type MemberRow = {
  user_id: number;
  name: string;
  email: string;
  avatar_url: string;
  role_id: number;
  role_name: string;
  permissions: string[];
  direct: boolean;
  manager_role_name: string | null;
};

function membersQuery(partnerId: number, customerId: number, userIds: readonly number[] | null) {
  const onlyUsers = userIds === null ? sql`` : sql`and u.id = any(${intArrayLiteral(userIds)}::int[])`;
  return sql<MemberRow>`
    with direct as (
      select cm.user_id, cm.role_id from customer_members cm
       where cm.partner_id = ${partnerId} and cm.customer_id = ${customerId}
    ), managing as (
      select m.user_id, m.role_id from customer_managers m
       where m.partner_id = ${partnerId}
         and (m.manage_all or exists (
               select 1 from customer_manager_customers x
                where x.customer_manager_id = m.id and x.customer_id = ${customerId}))
    )
    select u.id as user_id, u.name, u.email, u.avatar_url,
           r.id as role_id, r.name as role_name, r.permissions,
           d.user_id is not null as direct,
           mr.name as manager_role_name
      from direct d
      full join managing mg on mg.user_id = d.user_id
      join users u on u.id = coalesce(d.user_id, mg.user_id)
      join roles r on r.id = coalesce(d.role_id, mg.role_id)
      left join roles mr on mr.id = mg.role_id
     where exists (select 1 from customers c where c.id = ${customerId} and c.partner_id = ${partnerId}) ${onlyUsers}
     order by lower(u.name), u.id`;
}

function toMember(row: MemberRow): WorkspaceMember {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    avatarUrl: row.avatar_url,
    roleId: row.role_id,
    roleName: row.role_name,
    permissions: row.permissions,
    source: row.direct ? "direct" : "customer_manager",
    isCustomerManager: row.manager_role_name !== null,
    managerRoleName: row.manager_role_name,
  };
}

/** Every member of the workspace with its effective role. Empty for a customer of another partner. */
export async function listWorkspaceMembers(tx: Queryable, partnerId: number, customerId: number): Promise<WorkspaceMember[]> {
  // Raw SQL: the effective role (rule C12) as one statement, two CTEs and a full join, run on every request inside a customer account.
  const rows = await tx.execute<MemberRow>(membersQuery(partnerId, customerId, null));
  return rows.map(toMember);
}

/** One person's effective membership of the workspace, or null when it is not a member in any way. */
export async function workspaceMembership(tx: Queryable, partnerId: number, customerId: number, userId: number): Promise<WorkspaceMember | null> {
  const [row] = await tx.execute<MemberRow>(membersQuery(partnerId, customerId, [userId]));
  return row ? toMember(row) : null;
}

/** The effective memberships of some people in the workspace, by user ID; those who are not members are absent. */
export async function workspaceMemberships(
  tx: Queryable,
  partnerId: number,
  customerId: number,
  userIds: readonly number[],
): Promise<Map<number, WorkspaceMember>> {
  const rows = await tx.execute<MemberRow>(membersQuery(partnerId, customerId, userIds));
  return new Map(rows.map((row) => [row.user_id, toMember(row)]));
}
