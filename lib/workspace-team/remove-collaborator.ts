import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { customerMembers, memberEnvironmentRoles, projectGrants, userGroupMembers, userGroups } from "@/db/schema";
import { recordAudit, type ActingAs } from "@/lib/audit/record";
import type { RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import type { WorkspaceMember } from "@/lib/workspace-team/membership";

/**
 * Removing a collaborator, whichever way it arrives (the workspace's Teams page or `DELETE …/members/:id`): the
 * direct membership goes with everything it held in that workspace — environment roles, project grants, group
 * memberships — so that nothing is left behind for a later invitation to revive. A customer manager keeps its
 * manager access (rule C12): only the direct invitation goes, and its manager role applies again. One audit event,
 * in people's words: who, and the role they had and now have.
 *
 * The callers authorize and find `member` (a direct member of `customer`) in the same transaction.
 */
export async function deleteDirectMembership(
  tx: Queryable,
  ctx: RequestContext,
  customer: { id: number; name: string },
  member: WorkspaceMember,
  as?: ActingAs,
): Promise<void> {
  const { userId } = member;
  await tx
    .delete(customerMembers)
    .where(and(eq(customerMembers.customerId, customer.id), eq(customerMembers.userId, userId), eq(customerMembers.partnerId, ctx.partnerId)));
  await tx.delete(memberEnvironmentRoles).where(and(eq(memberEnvironmentRoles.customerId, customer.id), eq(memberEnvironmentRoles.userId, userId)));
  await tx.delete(projectGrants).where(and(eq(projectGrants.customerId, customer.id), eq(projectGrants.userId, userId)));
  const groups = tx.select({ id: userGroups.id }).from(userGroups).where(eq(userGroups.customerId, customer.id));
  await tx.delete(userGroupMembers).where(and(eq(userGroupMembers.userId, userId), inArray(userGroupMembers.userGroupId, groups)));
  await recordAudit(
    tx,
    ctx,
    {
      action: "collaborator.remove",
      targetType: "user",
      targetId: userId,
      customer,
      changes: { person: `${member.name} (${member.email})`, role: { from: member.roleName, to: member.managerRoleName } },
    },
    as,
  );
}
