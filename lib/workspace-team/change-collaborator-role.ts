import "server-only";
import { and, eq } from "drizzle-orm";
import { customerMembers } from "@/db/schema";
import { recordAudit, type ActingAs } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import type { WorkspaceMember } from "@/lib/workspace-team/membership";

/**
 * Changing a direct collaborator's role, whichever way it arrives (the workspace's Teams page or
 * `PUT …/members/:id` with role_name): the membership's role, and one audit event in people's words, who and the
 * role's name before and after (issue 13: not the role's ID on one side and its name on the other).
 *
 * The callers authorize, find `member` (a direct member of `customer`) and `role` (a role of that workspace, not
 * the member's current one) in the same transaction.
 */
export async function setDirectRole(
  tx: Queryable,
  ctx: RequestContext,
  customer: { id: number; name: string },
  member: WorkspaceMember,
  role: { id: number; name: string },
  as?: ActingAs,
): Promise<void> {
  await tx
    .update(customerMembers)
    .set({ roleId: role.id, updatedAt: ctx.now })
    .where(and(eq(customerMembers.customerId, customer.id), eq(customerMembers.userId, member.userId), eq(customerMembers.partnerId, ctx.partnerId)));
  await recordAudit(
    tx,
    ctx,
    {
      action: "collaborator.role_change",
      targetType: "user",
      targetId: member.userId,
      customer,
      changes: { person: `${member.name} (${member.email})`, role: { from: member.roleName, to: role.name } },
    },
    as,
  );
}
