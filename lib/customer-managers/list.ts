import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { containsPattern } from "@/lib/search/like-pattern";
import { authorize } from "@/lib/authorization/authorize";

export const managerListInput = z.object({
  q: z.string().max(200).catch("").default(""),
});

/** How many customer names a row of the managers table shows before "+N more". */
export const NAMES_SHOWN = 3;

export type CustomerRef = {
  id: number;
  name: string;
};

export interface CustomerManagerRow {
  id: number;
  user: { id: number; name: string; email: string; avatarUrl: string };
  role: { id: number; name: string; system: boolean };
  manageAll: boolean;
  customerCount: number;
  /** The first few chosen customers by name (none when it manages all of them). */
  firstCustomers: CustomerRef[];
  /**
   * The customer account it is switched into right now through this assignment (so that removing it ends that
   * switch), or null: the **Remove customer manager** confirmation says so only when it is true.
   */
  inAccountNow: string | null;
}

type ManagerRow = {
  id: number;
  user_id: number;
  name: string;
  email: string;
  avatar_url: string;
  role_id: number;
  role_name: string;
  role_kind: string;
  manage_all: boolean;
  customer_count: number;
  first_customers: CustomerRef[];
  in_account_now: string | null;
};

// Raw SQL: each manager's count, first few customer names (json_agg) and current switch in one statement per page.
function managersQuery(ctx: RequestContext, where: ReturnType<typeof sql>, firstCount: number | null) {
  const firstLimit = firstCount === null ? sql`` : sql`limit ${firstCount}`;
  return sql<ManagerRow>`
    select m.id, u.id as user_id, u.name, u.email, u.avatar_url, r.id as role_id, r.name as role_name,
           r.kind as role_kind, m.manage_all,
           (select count(*)::int from customer_manager_customers x where x.customer_manager_id = m.id) as customer_count,
           coalesce((select json_agg(json_build_object('id', f.id, 'name', f.name) order by lower(f.name), f.id)
                       from (select c.id, c.name from customer_manager_customers x
                               join customers c on c.id = x.customer_id
                              where x.customer_manager_id = m.id
                              order by lower(c.name), c.id ${firstLimit}) f), '[]'::json) as first_customers,
           (select c.name from sessions s join customers c on c.id = s.active_customer_id
             where s.partner_id = m.partner_id and s.user_id = m.user_id and s.revoked_at is null
               and s.expires_at > ${ctx.now} and s.switch_expires_at > ${ctx.now}
               and (m.manage_all or exists (select 1 from customer_manager_customers x
                                             where x.customer_manager_id = m.id and x.customer_id = s.active_customer_id))
               and not exists (select 1 from customer_members cm
                                where cm.customer_id = s.active_customer_id and cm.user_id = m.user_id)
             order by s.last_seen_at desc limit 1) as in_account_now
      from customer_managers m
      join users u on u.id = m.user_id
      join roles r on r.id = m.role_id
     where m.partner_id = ${ctx.partnerId} ${where}
     order by lower(u.name), m.id`;
}

function toRow(row: ManagerRow): CustomerManagerRow {
  return {
    id: row.id,
    user: { id: row.user_id, name: row.name, email: row.email, avatarUrl: row.avatar_url },
    role: { id: row.role_id, name: row.role_name, system: row.role_kind === "system" },
    manageAll: row.manage_all,
    customerCount: row.customer_count,
    firstCustomers: row.first_customers,
    inAccountNow: row.in_account_now,
  };
}

/** The partner's customer managers (rule C1), sorted by name, searched by name or email. */
export async function listCustomerManagers(ctx: RequestContext, input: z.infer<typeof managerListInput>): Promise<CustomerManagerRow[]> {
  await authorize(ctx, "customer_managers.read");
  const pattern = containsPattern(input.q);
  const where = pattern ? sql`and (lower(u.name) like ${pattern} or lower(u.email) like ${pattern})` : sql``;
  return inPartnerScope(ctx, async (tx) => (await tx.execute<ManagerRow>(managersQuery(ctx, where, NAMES_SHOWN))).map(toRow));
}

/** Every customer manager of the partner with all its chosen customers (the API's list), sorted by name. */
export async function listCustomerManagersInFull(ctx: RequestContext): Promise<CustomerManagerRow[]> {
  await authorize(ctx, "customer_managers.read");
  return inPartnerScope(ctx, async (tx) => (await tx.execute<ManagerRow>(managersQuery(ctx, sql``, null))).map(toRow));
}

/** One manager with every chosen customer (the edit dialog, the API's `moderated_workspaces`), or NOT_FOUND. */
export async function getCustomerManager(ctx: RequestContext, id: number): Promise<CustomerManagerRow> {
  await authorize(ctx, "customer_managers.read");
  return inPartnerScope(ctx, async (tx) => {
    const [row] = await tx.execute<ManagerRow>(managersQuery(ctx, sql`and m.id = ${id}`, null));
    if (!row) throw new DomainError("NOT_FOUND", "Customer manager not found");
    return toRow(row);
  });
}

export const managedCustomersInput = z.object({
  q: z.string().max(200).catch("").default(""),
});

/** How many of a manager's customers the full list shows at once; a search narrows it. */
export const MANAGED_CUSTOMERS_PAGE = 100;

/** A manager's chosen customers, searched, the first 100 by name, with the total (the full list on demand). */
export async function listManagedCustomers(
  ctx: RequestContext,
  managerId: number,
  input: z.infer<typeof managedCustomersInput>,
): Promise<{ customers: CustomerRef[]; total: number; manageAll: boolean }> {
  await authorize(ctx, "customer_managers.read");
  const pattern = containsPattern(input.q);
  const search = pattern ? sql`and c.search_text like ${pattern}` : sql``;
  return inPartnerScope(ctx, async (tx) => {
    const [manager] = await tx.execute<{ manage_all: boolean }>(
      sql`select manage_all from customer_managers where id = ${managerId} and partner_id = ${ctx.partnerId}`,
    );
    if (!manager) throw new DomainError("NOT_FOUND", "Customer manager not found");
    // Raw SQL: the total comes with the page as a window count (count(*) over ()), one statement for both.
    const rows = await tx.execute<CustomerRef & { total: number }>(sql`
      select c.id, c.name, count(*) over ()::int as total
        from customer_manager_customers x join customers c on c.id = x.customer_id
       where x.customer_manager_id = ${managerId} and x.partner_id = ${ctx.partnerId} ${search}
       order by lower(c.name), c.id limit ${MANAGED_CUSTOMERS_PAGE}`);
    return { customers: rows.map(({ id, name }) => ({ id, name })), total: rows[0]?.total ?? 0, manageAll: manager.manage_all };
  });
}
