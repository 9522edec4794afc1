import "server-only";
import { and, asc, eq, isNull, or } from "drizzle-orm";
import { z } from "zod";
import { partnerMembers, roles, users } from "@/db/schema";
import { inPartnerScope } from "@/lib/context";
import { defineEndpoint } from "../endpoint";
import { itemsOf } from "../schemas";

const tag = "Roles and team";

export const listRoles = defineEndpoint({
  method: "GET",
  path: "/api/roles",
  tag,
  summary: "List roles",
  description: "The system roles and your inheritable roles: the roles a customer manager can be given (role_id). `system` is true for the system roles.",
  scope: "roles:read",
  rateGroup: "directory",
  response: itemsOf(z.object({ id: z.number().int(), name: z.string(), system: z.boolean() })),
  async handler(ctx) {
    const rows = await inPartnerScope(ctx, (tx) =>
      tx
        .select({ id: roles.id, name: roles.name, kind: roles.kind })
        .from(roles)
        .where(or(and(eq(roles.kind, "system"), isNull(roles.partnerId)), and(eq(roles.kind, "inheritable"), eq(roles.partnerId, ctx.partnerId))))
        .orderBy(asc(roles.kind), asc(roles.name), asc(roles.id)),
    );
    return { result: { items: rows.map((row) => ({ id: row.id, name: row.name, system: row.kind === "system" })) } };
  },
});

export const listMembers = defineEndpoint({
  method: "GET",
  path: "/api/members",
  tag,
  summary: "List your team",
  description: "The collaborators of your own team: `id` is what team_collaborator_id takes when you create a customer manager.",
  scope: "members:read",
  rateGroup: "directory",
  response: itemsOf(z.object({ id: z.number().int(), name: z.string(), email: z.string(), avatar_url: z.string(), role: z.enum(["admin", "member"]) })),
  async handler(ctx) {
    const rows = await inPartnerScope(ctx, (tx) =>
      tx
        .select({ id: users.id, name: users.name, email: users.email, avatar_url: users.avatarUrl, role: partnerMembers.role })
        .from(partnerMembers)
        .innerJoin(users, eq(users.id, partnerMembers.userId))
        .where(eq(partnerMembers.partnerId, ctx.partnerId))
        .orderBy(asc(users.name), asc(users.id)),
    );
    return { result: { items: rows } };
  },
});
