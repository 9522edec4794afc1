import "server-only";
import { sql } from "drizzle-orm";
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
  const search = pattern ? sql`and (lower(u.name) like ${pattern} or lower(u.email) like ${pattern})` : sql``;
  return inPartnerScope(ctx, async (tx) =>
    tx.execute<TeamMemberOption>(sql`
      select u.id, u.name, u.email, u.avatar_url as "avatarUrl"
        from partner_members pm join users u on u.id = pm.user_id
       where pm.partner_id = ${ctx.partnerId}
         and not exists (select 1 from customer_managers m where m.partner_id = ${ctx.partnerId} and m.user_id = pm.user_id)
         ${search}
       order by lower(u.name), u.id
       limit ${PICKER_LIMIT}`),
  );
}

export type RoleOption = {
  id: number;
  name: string;
  kind: "system" | "inheritable";
};

/** The **Role** select: the system roles, then the partner's inheritable roles (rule C3). */
export async function listManagerRoles(ctx: RequestContext): Promise<RoleOption[]> {
  await authorize(ctx, "customer_managers.write");
  return inPartnerScope(ctx, async (tx) =>
    tx.execute<RoleOption>(sql`
      select id, name, kind from roles
       where (kind = 'system' and partner_id is null) or (kind = 'inheritable' and partner_id = ${ctx.partnerId})
       order by kind, lower(name), id`),
  );
}
