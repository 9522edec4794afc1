import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { parseRecordId } from "@/lib/ids";
import { intArrayLiteral } from "@/lib/search/like-pattern";

/** What an event acted on, as the audit log names it: "Northwind Traders", linked to its page where it has one. */
export interface AuditTarget {
  /** The kind of thing, in words: "Customer", "Person", "API client". */
  kind: string;
  label: string;
  href: string | null;
}

const KIND_LABELS: Record<string, string> = {
  customer: "Customer",
  user: "Person",
  customer_manager: "Customer manager",
  api_client: "API client",
  partner_invitation: "Team invitation",
  invitation: "Workspace invitation",
  user_group: "Collaborator group",
  recipe: "Recipe",
  connection: "Connection",
  embedding_key: "Signing key",
  project_grant: "Project grant",
  environment_role: "Environment role",
  project_role: "Project role",
};

type Named = { id: number; label: string };

/** What an event row says about its target (the columns of audit_events). */
export interface TargetReference {
  targetType: string | null;
  targetId: string | null;
  customerId: number | null;
  customerName: string | null;
}

/**
 * How each kind of target is named, always within the reader's partner (the events are, but a target ID alone is
 * not). A person is named only if it belongs to the partner's team or to one of its customers.
 */
const LOOKUPS: Record<string, { query: (partnerId: number, ids: SQL) => SQL; href?: (id: number) => string }> = {
  customer: {
    query: (partnerId, ids) => sql`select id, name as label from customers where partner_id = ${partnerId} and id = any(${ids})`,
    href: (id) => `/customers/${id}`,
  },
  user: {
    query: (partnerId, ids) => sql`
      select u.id, u.name || ' (' || u.email || ')' as label from users u
       where u.id = any(${ids})
         and (exists (select 1 from partner_members pm where pm.user_id = u.id and pm.partner_id = ${partnerId})
              or exists (select 1 from customer_members cm where cm.user_id = u.id and cm.partner_id = ${partnerId}))`,
  },
  customer_manager: {
    query: (partnerId, ids) => sql`
      select m.id, u.name || ' (' || u.email || ')' as label from customer_managers m join users u on u.id = m.user_id
       where m.partner_id = ${partnerId} and m.id = any(${ids})`,
    href: () => "/customer-managers",
  },
  api_client: {
    query: (partnerId, ids) => sql`select id, name as label from api_clients where partner_id = ${partnerId} and id = any(${ids})`,
    href: () => "/api-clients",
  },
  partner_invitation: {
    query: (partnerId, ids) => sql`select id, email as label from partner_invitations where partner_id = ${partnerId} and id = any(${ids})`,
    href: () => "/team",
  },
  invitation: {
    query: (partnerId, ids) => sql`select id, email as label from customer_invitations where partner_id = ${partnerId} and id = any(${ids})`,
  },
  user_group: {
    query: (partnerId, ids) => sql`select id, name as label from user_groups where partner_id = ${partnerId} and id = any(${ids})`,
  },
  recipe: {
    query: (partnerId, ids) => sql`select id, name as label from recipes where partner_id = ${partnerId} and id = any(${ids})`,
  },
  connection: {
    query: (partnerId, ids) => sql`select id, name as label from connections where partner_id = ${partnerId} and id = any(${ids})`,
  },
};

function key(type: string, id: string): string {
  return `${type}:${id}`;
}

/**
 * The targets of a page of events, by "type:id", each named by what it is now, in one query per kind. A target
 * that no longer exists keeps what the event itself knows: a deleted customer its name at the time, anything else
 * its kind and ID.
 */
export async function describeAuditTargets(
  tx: Queryable,
  ctx: Pick<RequestContext, "partnerId">,
  events: TargetReference[],
): Promise<Map<string, AuditTarget>> {
  const wanted = new Map<string, Set<number>>();
  for (const event of events) {
    const id = event.targetId === null ? null : parseRecordId(event.targetId);
    if (!event.targetType || id === null || !LOOKUPS[event.targetType]) continue;
    (wanted.get(event.targetType) ?? wanted.set(event.targetType, new Set()).get(event.targetType)!).add(id);
  }
  const found = new Map<string, Named>();
  for (const [type, ids] of wanted) {
    const rows = await tx.execute<Named>(LOOKUPS[type]!.query(ctx.partnerId, sql`${intArrayLiteral([...ids])}::int[]`));
    for (const row of rows) found.set(key(type, String(row.id)), row);
  }

  const targets = new Map<string, AuditTarget>();
  for (const event of events) {
    if (!event.targetType || event.targetId === null) continue;
    const type = event.targetType;
    const kind = KIND_LABELS[type] ?? type;
    const named = found.get(key(type, event.targetId));
    const lookup = LOOKUPS[type];
    if (named) targets.set(key(type, event.targetId), { kind, label: named.label, href: lookup?.href ? lookup.href(named.id) : null });
    else if (type === "customer" && event.customerName && String(event.customerId) === event.targetId)
      targets.set(key(type, event.targetId), { kind, label: `${event.customerName} (deleted)`, href: null });
    else targets.set(key(type, event.targetId), { kind, label: `${kind} ${event.targetId}`, href: null });
  }
  return targets;
}

export function auditTargetKey(event: Pick<TargetReference, "targetType" | "targetId">): string | null {
  return event.targetType && event.targetId !== null ? key(event.targetType, event.targetId) : null;
}
