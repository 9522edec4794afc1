import "server-only";
import { auditEvents } from "@/db/schema";
import type { Queryable } from "@/lib/db";
import type { RequestContext } from "@/lib/context";

export type ActingAs = (typeof auditEvents.$inferInsert)["actingAs"];

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string | number;
  /** What changed, as `{ field: { from, to } }`, or any details worth keeping. */
  changes?: Record<string, unknown>;
  /** The customer account the action concerns, when it is not the account the actor is in. */
  customer?: { id: number; name: string };
}

/** How the context's actor shows in the audit log: partner admin, member, customer manager, API client… */
export function actingAs(ctx: RequestContext, inCustomerAs?: ActingAs): ActingAs {
  if (ctx.actor.kind === "api_client") return "api_client";
  if (ctx.account.kind === "customer") return inCustomerAs ?? "customer_collaborator";
  return ctx.actor.partnerRole === "admin" ? "partner_admin" : "partner_member";
}

/** The row of one audit event, as every way of recording one writes it. */
export function auditRow(ctx: RequestContext, entry: AuditEntry, as?: ActingAs): typeof auditEvents.$inferInsert {
  const customer = entry.customer ?? (ctx.account.kind === "customer" ? { id: ctx.account.customerId, name: ctx.account.customerName } : undefined);
  return {
    partnerId: ctx.partnerId,
    customerId: customer?.id ?? null,
    customerName: customer?.name ?? null,
    actorUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
    actorName: ctx.actor.name,
    actorEmail: ctx.actor.kind === "user" ? ctx.actor.email : null,
    actorApiClientId: ctx.actor.kind === "api_client" ? ctx.actor.apiClientId : null,
    actingAs: as ?? actingAs(ctx),
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    changes: entry.changes ?? {},
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    createdAt: ctx.now,
  };
}

/**
 * Appends one audit event. Call it with the transaction of the change it describes, so that no change goes
 * unrecorded and no event describes a change that was rolled back.
 */
export async function recordAudit(tx: Queryable, ctx: RequestContext, entry: AuditEntry, as?: ActingAs): Promise<void> {
  await tx.insert(auditEvents).values(auditRow(ctx, entry, as));
}
