import "server-only";
import { and, eq, exists, inArray, or, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import {
  apiClients,
  connections,
  customerInvitations,
  customerManagers,
  customerMembers,
  customers,
  partnerInvitations,
  partnerMembers,
  recipes,
  userGroups,
  users,
} from "@/db/schema";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { parseRecordId } from "@/lib/ids";

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
const personLabel = sql<string>`${users.name} || ' (' || ${users.email} || ')'`;

/** `select id, <label> from <table> where partner_id = … and id in (…)`: the lookup of most kinds. */
function named(table: PgTable & { id: AnyPgColumn; partnerId: AnyPgColumn }, label: AnyPgColumn) {
  return (tx: Queryable, partnerId: number, ids: number[]): Promise<Named[]> =>
    tx
      .select({ id: sql<number>`${table.id}`, label: sql<string>`${label}` })
      .from(table)
      .where(and(eq(table.partnerId, partnerId), inArray(table.id, ids)));
}

const LOOKUPS: Record<string, { query: (tx: Queryable, partnerId: number, ids: number[]) => Promise<Named[]>; href?: (id: number) => string }> = {
  customer: { query: named(customers, customers.name), href: (id) => `/customers/${id}` },
  user: {
    query: (tx, partnerId, ids) => {
      const inTeam = exists(
        tx
          .select({ one: sql`1` })
          .from(partnerMembers)
          .where(and(eq(partnerMembers.userId, users.id), eq(partnerMembers.partnerId, partnerId))),
      );
      const collaborator = exists(
        tx
          .select({ one: sql`1` })
          .from(customerMembers)
          .where(and(eq(customerMembers.userId, users.id), eq(customerMembers.partnerId, partnerId))),
      );
      return tx
        .select({ id: users.id, label: personLabel })
        .from(users)
        .where(and(inArray(users.id, ids), or(inTeam, collaborator)));
    },
  },
  customer_manager: {
    query: (tx, partnerId, ids) =>
      tx
        .select({ id: customerManagers.id, label: personLabel })
        .from(customerManagers)
        .innerJoin(users, eq(users.id, customerManagers.userId))
        .where(and(eq(customerManagers.partnerId, partnerId), inArray(customerManagers.id, ids))),
    href: () => "/customer-managers",
  },
  api_client: { query: named(apiClients, apiClients.name), href: () => "/api-clients" },
  partner_invitation: { query: named(partnerInvitations, partnerInvitations.email), href: () => "/team" },
  invitation: { query: named(customerInvitations, customerInvitations.email) },
  user_group: { query: named(userGroups, userGroups.name) },
  recipe: { query: named(recipes, recipes.name) },
  connection: { query: named(connections, connections.name) },
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
    const rows = await LOOKUPS[type]!.query(tx, ctx.partnerId, [...ids]);
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
