import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { customerManagers, customers, partnerMembers, roles, sessions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { keepOneAdmin, lockMember } from "./members";
import { authorize } from "@/lib/authorization/authorize";

/**
 * **Remove from team**: in one transaction, ends every session the person has in this partner (a switch into a
 * customer with it), ends its customer manager assignment, and takes it off the team. Its audit history and its
 * work (recipe versions, jobs) stay; the last admin cannot be removed.
 */
export async function removeTeamMember(ctx: RequestContext, input: { userId: number }): Promise<{ userId: number }> {
  await authorize(ctx, "team.write");
  return inPartnerScope(ctx, async (tx) => {
    const { member, admins } = await lockMember(tx, ctx, input.userId);
    keepOneAdmin(member, admins, "removed");
    const person = `${member.person.name} (${member.person.email})`;
    const mine = (
      userColumn: typeof sessions.userId | typeof customerManagers.userId,
      partnerColumn: typeof sessions.partnerId | typeof customerManagers.partnerId,
    ) => and(eq(partnerColumn, ctx.partnerId), eq(userColumn, input.userId));

    // The switches running in those sessions end with them, each recorded as a switch out.
    const switchedInto = await tx
      .select({ id: customers.id, name: customers.name })
      .from(sessions)
      .innerJoin(customers, eq(customers.id, sessions.activeCustomerId))
      .where(and(mine(sessions.userId, sessions.partnerId), isNull(sessions.revokedAt), isNotNull(sessions.switchExpiresAt)));
    const ended = await tx
      .update(sessions)
      .set({ revokedAt: ctx.now, activeCustomerId: null, switchExpiresAt: null, switchReason: null })
      .where(and(mine(sessions.userId, sessions.partnerId), isNull(sessions.revokedAt)))
      .returning({ idHash: sessions.idHash });
    for (const customer of switchedInto) {
      await recordAudit(tx, ctx, {
        action: "account.switch_out",
        targetType: "customer",
        targetId: customer.id,
        customer,
        changes: { reason: "access revoked", person },
      });
    }

    const [manager] = await tx
      .delete(customerManagers)
      .where(mine(customerManagers.userId, customerManagers.partnerId))
      .returning({ id: customerManagers.id, roleId: customerManagers.roleId, manageAll: customerManagers.manageAll });
    if (manager) {
      const [role] = await tx.select({ name: roles.name }).from(roles).where(eq(roles.id, manager.roleId));
      await recordAudit(tx, ctx, {
        action: "customer_manager.remove",
        targetType: "customer_manager",
        targetId: manager.id,
        changes: { person, role: { from: role?.name ?? null, to: null }, reason: "removed from the team" },
      });
    }

    await tx.delete(partnerMembers).where(eq(partnerMembers.id, member.id));
    await recordAudit(tx, ctx, {
      action: "team.remove",
      targetType: "user",
      targetId: member.person.id,
      changes: { person, role: { from: member.role, to: null }, sessionsEnded: ended.length, customerManager: manager !== undefined },
    });
    return { userId: input.userId };
  });
}
