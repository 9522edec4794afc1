import "server-only";
import { sql } from "drizzle-orm";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { workspaceMembership } from "./members";

/**
 * Who may enter a customer account (rules U18, C7; U18 says why partner admins are included): partner
 * admins into any customer of their partner, a customer manager into the customers it manages (all of them with
 * "Manage all customers"), a collaborator of the workspace into that workspace; nobody else. Checked on the
 * server for the button and again for every request inside the account.
 */
export async function maySwitchInto(tx: Queryable, ctx: RequestContext, customerId: number): Promise<boolean> {
  if (ctx.actor.kind !== "user") return false;
  if (ctx.actor.partnerRole === "admin") {
    const rows = await tx.execute<{ ok: number }>(
      sql`select 1 as ok from customers where id = ${customerId} and partner_id = ${ctx.partnerId}`,
    );
    return rows.length > 0;
  }
  return (await workspaceMembership(tx, ctx.partnerId, customerId, ctx.actor.userId)) !== null;
}
