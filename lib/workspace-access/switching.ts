import "server-only";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { workspaceMembership } from "@/lib/workspace-team/membership";

/**
 * Who may enter a customer account (rules U18, C7): a customer manager into the customers it manages (all of them
 * with "Manage all customers"), a collaborator of the workspace into that workspace, "and no one else": not a
 * partner admin as such, so that the customer sees everyone who can enter on its Teams page. Checked on the
 * server for the button and again for every request inside the account.
 */
export async function maySwitchInto(tx: Queryable, ctx: RequestContext, customerId: number): Promise<boolean> {
  if (ctx.actor.kind !== "user") return false;
  return (await workspaceMembership(tx, ctx.partnerId, customerId, ctx.actor.userId)) !== null;
}
