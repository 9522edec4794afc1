import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { RequestContext } from "@/lib/context";
import { inPartnerScope } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { containsPattern } from "@/lib/search/like-pattern";
import type { AuditFilters, AuditPageInput } from "./filters";
import { describeAuditTargets, type AuditTarget } from "./targets";
import { authorize } from "@/lib/authorization/authorize";

export const AUDIT_PAGE_SIZE = 50;

export type AuditEventRow = {
  id: number;
  createdAt: Date;
  actorUserId: number | null;
  actorName: string | null;
  actorEmail: string | null;
  actorApiClientId: number | null;
  actingAs: string;
  customerId: number | null;
  customerName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  changes: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
};

type EventRecord = Omit<AuditEventRow, "createdAt"> & { createdAt: string; cursorAt: string };

/** The WHERE clause of the filtered view, shared by the page and the CSV export. Dates are whole days in UTC. */
export function auditWhere(ctx: RequestContext, filters: AuditFilters): SQL {
  const conditions: SQL[] = [sql`partner_id = ${ctx.partnerId}`];
  if (filters.person) conditions.push(sql`actor_user_id = ${filters.person}`);
  if (filters.customer) conditions.push(sql`customer_id = ${filters.customer}`);
  if (filters.action) conditions.push(sql`action = ${filters.action}`);
  if (filters.from) conditions.push(sql`created_at >= ${filters.from}::date::timestamp at time zone 'UTC'`);
  if (filters.to) conditions.push(sql`created_at < (${filters.to}::date + 1)::timestamp at time zone 'UTC'`);
  const pattern = containsPattern(filters.q);
  if (pattern) {
    conditions.push(sql`(lower(coalesce(actor_name, '')) like ${pattern} or lower(coalesce(actor_email, '')) like ${pattern}
      or lower(coalesce(customer_name, '')) like ${pattern} or action like ${pattern}
      or lower(coalesce(target_id, '')) like ${pattern} or lower(changes::text) like ${pattern}
      or coalesce(ip, '') like ${pattern})`);
  }
  return sql.join(conditions, sql` and `);
}

/** Events of the filtered view around a keyset cursor ("<created_at as text>~<id>"), in the order asked. */
export async function fetchAuditEvents(
  tx: Queryable,
  where: SQL,
  cursor: string | undefined,
  direction: "older" | "newer",
  limit: number,
): Promise<(AuditEventRow & { cursor: string })[]> {
  const [at, id] = cursor ? cursor.split("~") : [];
  const keyset = !cursor
    ? sql``
    : direction === "older"
      ? sql`and (created_at, id) < (${at}::timestamptz, ${Number(id)})`
      : sql`and (created_at, id) > (${at}::timestamptz, ${Number(id)})`;
  const order = direction === "older" ? sql`created_at desc, id desc` : sql`created_at asc, id asc`;
  // Raw SQL: keyset pages compare the row value (created_at, id), which the query builder does not express, over the largest table.
  const rows = await tx.execute<EventRecord>(sql`
    select id, created_at as "createdAt", created_at::text as "cursorAt", actor_user_id as "actorUserId",
           actor_name as "actorName", actor_email as "actorEmail", actor_api_client_id as "actorApiClientId",
           acting_as as "actingAs", customer_id as "customerId", customer_name as "customerName", action,
           target_type as "targetType", target_id as "targetId", changes, ip, user_agent as "userAgent"
      from audit_events
     where ${where} ${keyset}
     order by ${order}
     limit ${limit}`);
  return rows.map(({ cursorAt, ...row }) => ({ ...row, id: Number(row.id), createdAt: new Date(row.createdAt), cursor: `${cursorAt}~${row.id}` }));
}

export interface AuditPage {
  events: AuditEventRow[];
  /** The events' targets, named (see describeAuditTargets), by `auditTargetKey`. */
  targets: Map<string, AuditTarget>;
  /** Cursors of the neighbouring pages, or null at either end. */
  older: string | null;
  newer: string | null;
}

/** A page of the audit log (rule C8): newest first, filtered, paginated on the server by keyset. */
export async function listAuditEvents(ctx: RequestContext, input: AuditPageInput, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  await authorize(ctx, "audit.read");
  return inPartnerScope(ctx, async (tx) => {
    const where = auditWhere(ctx, input);
    const fetched = await fetchAuditEvents(tx, where, input.cursor, input.dir, pageSize + 1);
    const more = fetched.length > pageSize;
    const page = fetched.slice(0, pageSize);
    const newestFirst = input.dir === "older" ? page : page.reverse();
    const first = newestFirst[0];
    const last = newestFirst[newestFirst.length - 1];
    const hasNewer = input.dir === "older" ? input.cursor !== undefined : more;
    const hasOlder = input.dir === "older" ? more : true;
    const events = newestFirst.map(({ cursor: _cursor, ...event }) => event);
    return {
      events,
      targets: await describeAuditTargets(tx, ctx, events),
      newer: hasNewer && first ? first.cursor : null,
      older: hasOlder && last ? last.cursor : null,
    };
  });
}
