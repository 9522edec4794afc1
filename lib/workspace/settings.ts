import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { customers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/context";
import { otherCustomersNamedIn, type SameName } from "@/lib/customers/reads/same-name";
import { notFound } from "@/lib/errors";
import type { teamNameSchema } from "./schemas";
import { inWorkspace } from "./scope";
import { authorize } from "@/lib/authorization/authorize";

/**
 * **Workspace admin › Settings › Team name**: the customer's name is changed from inside the account, only by a role
 * that may manage collaborators (rule U30, decision D6). The same verb as the API's `name`, with the same event.
 */
export async function renameTeam(ctx: RequestContext, input: z.output<typeof teamNameSchema>): Promise<{ name: string }> {
  await authorize(ctx, "workspace.collaborators.manage");
  return inWorkspace(ctx, "collaborators.manage", async (tx, access, customerId) => {
    const [before] = await tx
      .select({ name: customers.name })
      .from(customers)
      .where(and(eq(customers.id, customerId), eq(customers.partnerId, ctx.partnerId)))
      .for("update");
    if (!before) throw notFound("Customer");
    if (before.name === input.name) return { name: input.name };
    await tx.update(customers).set({ name: input.name, updatedAt: ctx.now }).where(eq(customers.id, customerId));
    await recordAudit(
      tx,
      ctx,
      {
        action: "customer.renamed",
        targetType: "customer",
        targetId: customerId,
        customer: { id: customerId, name: input.name },
        changes: { name: { from: before.name, to: input.name } },
      },
      access.actingAs,
    );
    return { name: input.name };
  });
}

/**
 * The partner's other customers with this account's name, for the warning under **Team name** (two customers may
 * share a name, issue 12). Only for a member of the partner's team who may rename the account (a customer manager
 * switched in): the partner's other customers are none of a customer's own collaborators' business. Null otherwise.
 */
export async function teamNameShared(ctx: RequestContext): Promise<SameName | null> {
  await authorize(ctx, "workspace.collaborators.manage");
  if (ctx.actor.kind !== "user" || ctx.actor.partnerRole === null) return null;
  return inWorkspace(ctx, "collaborators.manage", async (tx, _access, customerId) => {
    const [current] = await tx
      .select({ name: customers.name })
      .from(customers)
      .where(and(eq(customers.id, customerId), eq(customers.partnerId, ctx.partnerId)));
    if (!current) throw notFound("Customer");
    const shared = await otherCustomersNamedIn(tx, ctx.partnerId, current.name, customerId);
    return shared.total > 0 ? shared : null;
  });
}
