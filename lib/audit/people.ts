import "server-only";
import { and, asc, eq, exists, like, or, sql, type SQL } from "drizzle-orm";
import { customerMembers, partnerMembers, users } from "@/db/schema";
import { inPartnerScope, type RequestContext } from "@/lib/context";
import type { Queryable } from "@/lib/db";
import { containsPattern } from "@/lib/search/like-pattern";
import { authorize } from "@/lib/authorization/authorize";

export type PersonOption = { id: number; name: string; email: string };

/** People the audit log's person filter can pick: the partner's team, and collaborators of its customers. */
function people(tx: Queryable, ctx: RequestContext, condition: SQL | undefined) {
  const inTeam = exists(
    tx
      .select({ one: sql`1` })
      .from(partnerMembers)
      .where(and(eq(partnerMembers.userId, users.id), eq(partnerMembers.partnerId, ctx.partnerId))),
  );
  const collaborator = exists(
    tx
      .select({ one: sql`1` })
      .from(customerMembers)
      .where(and(eq(customerMembers.userId, users.id), eq(customerMembers.partnerId, ctx.partnerId))),
  );
  return tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(or(inTeam, collaborator), condition))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(20);
}

export async function searchAuditPeople(ctx: RequestContext, input: { q?: string }): Promise<PersonOption[]> {
  await authorize(ctx, "audit.read");
  const pattern = containsPattern(input.q);
  const condition = pattern ? or(like(sql`lower(${users.name})`, pattern), like(sql`lower(${users.email})`, pattern)) : undefined;
  return inPartnerScope(ctx, (tx) => people(tx, ctx, condition));
}

/** The person a filter names, if it is one the partner may see. */
export async function auditPersonById(ctx: RequestContext, id: number): Promise<PersonOption | null> {
  await authorize(ctx, "audit.read");
  const [person] = await inPartnerScope(ctx, (tx) => people(tx, ctx, eq(users.id, id)));
  return person ?? null;
}
