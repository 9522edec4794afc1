import "server-only";
import { and, eq } from "drizzle-orm";
import { partnerMembers, users } from "@/db/schema";
import type { PartnerRole, RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";

/**
 * A member of the context's partner team, locked, after the partner's admin rows: every change that could take
 * away an admin locks those first, in one order, so that two admins demoting or removing each other at the same
 * moment are served one after the other and the second sees the first's change.
 */
export async function lockMember(tx: Queryable, ctx: RequestContext, userId: number) {
  const admins = await tx
    .select({ userId: partnerMembers.userId })
    .from(partnerMembers)
    .where(and(eq(partnerMembers.partnerId, ctx.partnerId), eq(partnerMembers.role, "admin")))
    .orderBy(partnerMembers.id)
    .for("update");
  const [member] = await tx
    .select({ id: partnerMembers.id, role: partnerMembers.role, person: { id: users.id, name: users.name, email: users.email } })
    .from(partnerMembers)
    .innerJoin(users, eq(users.id, partnerMembers.userId))
    .where(and(eq(partnerMembers.partnerId, ctx.partnerId), eq(partnerMembers.userId, userId)))
    .for("update", { of: partnerMembers });
  if (!member) throw notFound("Team member");
  return { member, admins: admins.length };
}

/** The last admin cannot lose the role: someone must be able to manage the team. */
export function keepOneAdmin(member: { role: PartnerRole; person: { name: string } }, admins: number, what: "removed" | "made a Member") {
  if (member.role === "admin" && admins <= 1) {
    const message = `${member.person.name} is the last admin of your team and cannot be ${what}. Make someone else an admin first.`;
    throw conflict(message, { userId: [message] });
  }
}
