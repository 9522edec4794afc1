import "server-only";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Transaction } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { assertWorkspacePermission, type WorkspaceAccess } from "@/lib/workspace-access/access";
import type { WorkspacePermission } from "./permissions";

/**
 * Runs `work` in one partner-scoped transaction, after checking (in that transaction) that the context is inside
 * a customer account and that the person's effective role there holds `permission`. Every workspace read and
 * write goes through it; `customerId` is the only customer its queries may touch.
 */
export async function inWorkspace<T>(
  ctx: RequestContext,
  permission: WorkspacePermission,
  work: (tx: Transaction, access: WorkspaceAccess, customerId: number) => Promise<T>,
): Promise<T> {
  if (ctx.account.kind !== "customer") throw forbidden("This is only possible inside a customer account.");
  const customerId = ctx.account.customerId;
  return inPartnerScope(ctx, async (tx) => {
    const access = await assertWorkspacePermission(tx, ctx, permission);
    return work(tx, access, customerId);
  });
}
