import "server-only";
import { sql } from "drizzle-orm";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { insertMany } from "@/lib/db/insert-many";
import { intArrayLiteral } from "@/lib/search/like-pattern";
import { auditEvents } from "@/db/schema";
import { actingAs, auditRow, type ActingAs, type AuditEntry } from "./record";

/**
 * Appends the same event once for each of the partner's customers in `customerIds`, in one statement, so that
 * each customer's Activity shows it (a manager given or losing access to 10,000 workspaces is one INSERT).
 * IDs that are not the partner's customers get no event. Returns how many events were written.
 */
export async function recordAuditForCustomers(
  tx: Queryable,
  ctx: RequestContext,
  entry: Omit<AuditEntry, "customer">,
  customerIds: readonly number[],
  as?: ActingAs,
): Promise<number> {
  if (customerIds.length === 0) return 0;
  const actor = ctx.actor;
  // Raw SQL: one insert … select writes the event for every chosen customer (10,000 and more) in one statement.
  const rows = await tx.execute<{ id: number }>(sql`
    insert into audit_events (partner_id, customer_id, customer_name, actor_user_id, actor_name, actor_email,
                              actor_api_client_id, acting_as, action, target_type, target_id, changes, ip,
                              user_agent, created_at)
    select ${ctx.partnerId}, c.id, c.name, ${actor.kind === "user" ? actor.userId : null}, ${actor.name},
           ${actor.kind === "user" ? actor.email : null}, ${actor.kind === "api_client" ? actor.apiClientId : null},
           ${as ?? actingAs(ctx)}::actor_type, ${entry.action}, ${entry.targetType ?? null},
           ${entry.targetId === undefined ? null : String(entry.targetId)}, ${JSON.stringify(entry.changes ?? {})}::jsonb,
           ${ctx.ip}, ${ctx.userAgent}, ${ctx.now}
      from customers c
     where c.partner_id = ${ctx.partnerId} and c.id = any(${intArrayLiteral(customerIds)}::int[])
    returning id`);
  return rows.length;
}

/**
 * Appends many events, each exactly the row recordAudit would write for it (a bulk job's batch: one event per
 * customer changed, as if each had been changed alone), in one statement (insertMany: one JSON parameter).
 */
export async function recordAudits(tx: Queryable, ctx: RequestContext, entries: readonly AuditEntry[], as?: ActingAs): Promise<void> {
  await insertMany(
    tx,
    auditEvents,
    entries.map((entry) => auditRow(ctx, entry, as)),
  );
}
