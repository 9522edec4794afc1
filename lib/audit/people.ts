import "server-only";
import { sql } from "drizzle-orm";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import { containsPattern } from "@/lib/search/like-pattern";
import { authorize } from "@/lib/authorization/authorize";

export type PersonOption = { id: number; name: string; email: string };

/** People the audit log's person filter can pick: the partner's team, and collaborators of its customers. */
function peopleQuery(ctx: RequestContext, condition: ReturnType<typeof sql>) {
  return sql`
    select u.id, u.name, u.email from users u
     where (exists (select 1 from partner_members pm where pm.user_id = u.id and pm.partner_id = ${ctx.partnerId})
            or exists (select 1 from customer_members cm where cm.user_id = u.id and cm.partner_id = ${ctx.partnerId}))
       ${condition}
     order by lower(u.name), u.id
     limit 20`;
}

export async function searchAuditPeople(ctx: RequestContext, input: { q?: string }): Promise<PersonOption[]> {
  await authorize(ctx, "audit.read");
  const pattern = containsPattern(input.q);
  const condition = pattern ? sql`and (lower(u.name) like ${pattern} or lower(u.email) like ${pattern})` : sql``;
  return inPartnerScope(ctx, (tx) => tx.execute<PersonOption>(peopleQuery(ctx, condition)));
}

/** The person a filter names, if it is one the partner may see. */
export async function auditPersonById(ctx: RequestContext, id: number): Promise<PersonOption | null> {
  await authorize(ctx, "audit.read");
  const [person] = await inPartnerScope(ctx, (tx) => tx.execute<PersonOption>(peopleQuery(ctx, sql`and u.id = ${id}`)));
  return person ?? null;
}
