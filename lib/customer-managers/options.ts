import "server-only";
import { and, asc, eq, exists, isNull, like, not, or, sql } from "drizzle-orm";
import { customerManagers, partnerMembers, roles, users } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { containsPattern } from "@/lib/search/like-pattern";
import { authorize } from "@/lib/authorization/authorize";

export const PICKER_LIMIT = 20;

export type TeamMemberOption = {
  id: number;
  name: string;
  email: string;
  avatarUrl: string;
};

/** The picker of **Assign customer manager**: the partner's own team members who are not managers yet (rule C2). */
export async function listAssignableTeamMembers(ctx: RequestContext, input: { q?: string }): Promise<TeamMemberOption[]> {
  await authorize(ctx, "customer_managers.write");
  const pattern = containsPattern(input.q);
  const search = pattern ? or(like(sql`lower(${users.name})`, pattern), like(sql`lower(${users.email})`, pattern)) : undefined;
  return inPartnerScope(ctx, async (tx) => {
    const alreadyManager = exists(
      tx
        .select({ one: sql`1` })
        .from(customerManagers)
        .where(and(eq(customerManagers.partnerId, ctx.partnerId), eq(customerManagers.userId, partnerMembers.userId))),
    );
    return tx
      .select({ id: users.id, name: users.name, email: users.email, avatarUrl: users.avatarUrl })
      .from(partnerMembers)
      .innerJoin(users, eq(users.id, partnerMembers.userId))
      .where(and(eq(partnerMembers.partnerId, ctx.partnerId), not(alreadyManager), search))
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
      .limit(PICKER_LIMIT);
  });
}

export type RoleOption = {
  id: number;
  name: string;
  kind: "system" | "inheritable";
};

/** The roles a customer manager can be given: the system roles and the partner's inheritable roles (rule C3). */
function managerRoles(ctx: RequestContext, order: "by name" | "by name, ignoring case") {
  return inPartnerScope(ctx, async (tx) =>
    tx
      .select({ id: roles.id, name: roles.name, kind: sql<RoleOption["kind"]>`${roles.kind}` })
      .from(roles)
      .where(or(and(eq(roles.kind, "system"), isNull(roles.partnerId)), and(eq(roles.kind, "inheritable"), eq(roles.partnerId, ctx.partnerId))))
      .orderBy(asc(roles.kind), order === "by name" ? asc(roles.name) : asc(sql`lower(${roles.name})`), asc(roles.id)),
  );
}

/** The **Role** select: the system roles, then the partner's inheritable roles, as a person reads them. */
export async function listManagerRoles(ctx: RequestContext): Promise<RoleOption[]> {
  await authorize(ctx, "customer_managers.write");
  return managerRoles(ctx, "by name, ignoring case");
}

/** **GET /api/roles**: the same roles, in the order the API has always listed them. */
export async function listAssignableRoles(ctx: RequestContext): Promise<RoleOption[]> {
  await authorize(ctx, "roles.read");
  return managerRoles(ctx, "by name");
}
