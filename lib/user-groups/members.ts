import "server-only";
import { and, asc, count, eq, ilike, inArray, or } from "drizzle-orm";
import { userGroupMembers, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { findManagedUser } from "@/lib/customers/reads/managed-user";
import { invalid } from "@/lib/errors";
import type { Page, PageInput } from "@/lib/project-grants/grants";
import { containsPattern } from "@/lib/search/like-pattern";
import { workspaceMemberships } from "@/lib/workspace-team/membership";
import { groupIn, toUserGroup, type UserGroup } from "./groups";
import { authorize } from "@/lib/authorization/authorize";

export interface GroupMember {
  id: number;
  name: string;
  email: string;
}

/** The members of a group, filtered by name or email (`text`). */
export async function listGroupMembers(ctx: RequestContext, reference: string, id: number, options: PageInput & { text?: string }): Promise<Page<GroupMember>> {
  await authorize(ctx, "collaborators.read");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const group = await groupIn(tx, ctx, customer.id, id);
    const pattern = containsPattern(options.text);
    const where = and(eq(userGroupMembers.userGroupId, group.id), pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined);
    const [total] = await tx.select({ n: count() }).from(userGroupMembers).innerJoin(users, eq(users.id, userGroupMembers.userId)).where(where);
    const data = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(userGroupMembers)
      .innerJoin(users, eq(users.id, userGroupMembers.userId))
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(options.size)
      .offset((options.page - 1) * options.size);
    return { data, total: total?.n ?? 0, page: { number: options.page, size: options.size } };
  });
}

/** Adds collaborators of the workspace to a group; one that is already in it stays. Every ID must be a collaborator. */
export async function addGroupMembers(ctx: RequestContext, reference: string, id: number, userIds: number[]): Promise<UserGroup> {
  await authorize(ctx, "collaborators.write");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const group = await groupIn(tx, ctx, customer.id, id);
    const members = await workspaceMemberships(tx, ctx.partnerId, customer.id, userIds);
    const missing = userIds.findIndex((userId) => !members.has(userId));
    if (missing >= 0) {
      const userId = userIds[missing];
      throw invalid(`No collaborator with ID ${userId} in this workspace.`, { [`userIds.${missing}`]: [`No collaborator with ID ${userId}.`] });
    }
    const added = await tx
      .insert(userGroupMembers)
      .values([...new Set(userIds)].map((userId) => ({ partnerId: ctx.partnerId, userGroupId: group.id, userId })))
      .onConflictDoNothing()
      .returning({ userId: userGroupMembers.userId });
    if (added.length > 0) {
      await recordAudit(tx, ctx, {
        action: "user_group.members_added",
        targetType: "user_group",
        targetId: group.id,
        customer: { id: customer.id, name: customer.name },
        changes: { group: group.name, userIds: added.map((row) => row.userId) },
      });
    }
    return toUserGroup(tx, group);
  });
}

/** Removes members from a group. An ID that is not a member of the group is a field error, and nothing changes. */
export async function removeGroupMembers(ctx: RequestContext, reference: string, id: number, userIds: number[]): Promise<UserGroup> {
  await authorize(ctx, "collaborators.write");
  return inPartnerScope(ctx, async (tx) => {
    const customer = await findManagedUser(tx, ctx, reference);
    const group = await groupIn(tx, ctx, customer.id, id);
    const present = await tx
      .select({ userId: userGroupMembers.userId })
      .from(userGroupMembers)
      .where(and(eq(userGroupMembers.userGroupId, group.id), inArray(userGroupMembers.userId, userIds)));
    const inGroup = new Set(present.map((row) => row.userId));
    const missing = userIds.findIndex((userId) => !inGroup.has(userId));
    if (missing >= 0) {
      throw invalid(`User ${userIds[missing]} is not a member of this group.`, { [`userIds.${missing}`]: [`Not a member of this group.`] });
    }
    await tx.delete(userGroupMembers).where(and(eq(userGroupMembers.userGroupId, group.id), inArray(userGroupMembers.userId, userIds)));
    await recordAudit(tx, ctx, {
      action: "user_group.members_removed",
      targetType: "user_group",
      targetId: group.id,
      customer: { id: customer.id, name: customer.name },
      changes: { group: group.name, userIds: [...inGroup] },
    });
    return toUserGroup(tx, group);
  });
}
