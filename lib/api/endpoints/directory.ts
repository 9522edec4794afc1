import "server-only";
import { z } from "zod";
import { listAssignableRoles } from "@/lib/customer-managers/options";
import { listTeamMembers } from "@/lib/partner-team/list";
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
    const rows = await listAssignableRoles(ctx);
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
    const members = await listTeamMembers(ctx);
    return {
      result: {
        items: members.map((member) => ({ id: member.userId, name: member.name, email: member.email, avatar_url: member.avatarUrl, role: member.role })),
      },
    };
  },
});
