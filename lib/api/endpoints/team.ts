import "server-only";
import { z } from "zod";
import { changeTeamRole } from "@/lib/partner-team/change-role";
import { inviteTeamMember } from "@/lib/partner-team/invite";
import { listTeam, type TeamInvitation } from "@/lib/partner-team/list";
import { removeTeamMember } from "@/lib/partner-team/remove";
import { resendTeamInvitation } from "@/lib/partner-team/resend";
import { revokeTeamInvitation } from "@/lib/partner-team/revoke";
import { inviteTeamMemberSchema, PARTNER_ROLES } from "@/lib/partner-team/schema";
import { defineEndpoint } from "../endpoint";
import { isoDateTime, itemsOf, okResponse, pathIdSchema, resultOf } from "../schemas";

const tag = "Roles and team";
const role = z.enum(PARTNER_ROLES).describe("The partner role: admin manages the console, member can look.");

const invitation = z.object({
  id: z.number().int(),
  email: z.string(),
  role,
  invited_by: z.string().nullable(),
  sent_at: isoDateTime,
  expires_at: isoDateTime,
  expired: z.boolean(),
});

function toInvitation(row: TeamInvitation): z.infer<typeof invitation> {
  return { id: row.id, email: row.email, role: row.role, invited_by: row.invitedBy, sent_at: row.sentAt, expires_at: row.expiresAt, expired: row.expired };
}

const memberParams = z.object({ id: pathIdSchema.describe("The team member's user ID (GET /api/members).") });
const invitationParams = z.object({ id: pathIdSchema.describe("The invitation's ID.") });

export const updateMemberEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/members/{id}",
  tag,
  summary: "Change a team member's role",
  description: "Makes a member of your team an admin or a member. The last admin cannot be made a member (409).",
  scope: "members:write",
  rateGroup: "directory",
  params: memberParams,
  body: z.object({ role }),
  response: resultOf(z.object({ id: z.number().int(), role })),
  async handler(ctx, { params, body }) {
    const changed = await changeTeamRole(ctx, { userId: params.id, role: body.role });
    return { result: { id: changed.userId, role: changed.role } };
  },
});

export const removeMemberEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/members/{id}",
  tag,
  summary: "Remove a team member",
  description:
    "Takes the person off your team: its sessions end at once (a switch into a customer account with them), and so does its customer manager assignment. Its audit history and its work stay. The last admin cannot be removed (409).",
  scope: "members:write",
  rateGroup: "directory",
  params: memberParams,
  response: okResponse,
  async handler(ctx, { params }) {
    await removeTeamMember(ctx, { userId: params.id });
    return { result: "ok" };
  },
});

export const listMemberInvitationsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/member_invitations",
  tag,
  summary: "List pending team invitations",
  description: "The invitations to your team that were neither accepted nor revoked, newest first.",
  scope: "members:read",
  rateGroup: "directory",
  response: itemsOf(invitation),
  async handler(ctx) {
    return { result: { items: (await listTeam(ctx)).invitations.map(toInvitation) } };
  },
});

export const createMemberInvitationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/member_invitations",
  tag,
  summary: "Invite a team member",
  description:
    "Emails the person a one-time link (valid 7 days) to join your team with the role. An email already on the team, or already invited, is a conflict (409): resend the invitation instead.",
  scope: "members:write",
  rateGroup: "directory",
  body: inviteTeamMemberSchema,
  response: resultOf(invitation),
  status: 201,
  async handler(ctx, { body }) {
    const { id } = await inviteTeamMember(ctx, body);
    const created = (await listTeam(ctx)).invitations.find((row) => row.id === id)!;
    return { result: toInvitation(created) };
  },
});

export const resendMemberInvitationEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/member_invitations/{id}/resend",
  tag,
  summary: "Resend a team invitation",
  description: "Emails a new link, valid 7 more days; the previous link stops working.",
  scope: "members:write",
  rateGroup: "directory",
  params: invitationParams,
  response: okResponse,
  async handler(ctx, { params }) {
    await resendTeamInvitation(ctx, { id: params.id });
    return { result: "ok" };
  },
});

export const revokeMemberInvitationEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/member_invitations/{id}",
  tag,
  summary: "Revoke a team invitation",
  description: "The invitation's link stops working at once.",
  scope: "members:write",
  rateGroup: "directory",
  params: invitationParams,
  response: okResponse,
  async handler(ctx, { params }) {
    await revokeTeamInvitation(ctx, { id: params.id });
    return { result: "ok" };
  },
});

export const teamEndpoints = [
  updateMemberEndpoint,
  removeMemberEndpoint,
  listMemberInvitationsEndpoint,
  createMemberInvitationEndpoint,
  resendMemberInvitationEndpoint,
  revokeMemberInvitationEndpoint,
];
